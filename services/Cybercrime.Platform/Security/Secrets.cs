using System.Security.Cryptography;
using System.Text;
using Cybercrime.Platform.Hosting;
using Microsoft.Extensions.Hosting;

namespace Cybercrime.Platform.Security;

/// <summary>
/// Per-deployment secrets (the token signing key, the pseudonym key, …), never committed. Each is a
/// configuration value of at least 32 bytes, set from the deployment's secret store (an environment
/// variable such as <c>Auth__SigningKey</c>, a Kubernetes Secret). Where none is set, Development
/// and the standalone host keep a generated one in <c>Secrets:Folder</c> (a file per secret, readable
/// by its owner only), created at first start and reused afterwards; elsewhere start-up fails.
/// </summary>
public static class Secrets
{
    public const int MinimumBytes = 32;
    public const string FolderSetting = "Secrets:Folder";

    /// <summary>The secret named <paramref name="setting"/> (e.g. <c>Pseudonyms:Key</c>) as bytes.</summary>
    public static byte[] Require(this IHostApplicationBuilder builder, string setting)
    {
        var configured = builder.Configuration[setting];
        var folder = builder.Configuration[FolderSetting];
        var value = configured is { Length: > 0 } ? configured
            : folder is { Length: > 0 } && builder.Environment.IsLocal() ? ReadOrCreate(folder, setting)
            : throw new InvalidOperationException(
                $"{setting} is not set. Give it a random value of at least {MinimumBytes} bytes from this deployment's secret store, " +
                $"e.g. the environment variable {setting.Replace(":", "__", StringComparison.Ordinal)}=\"$(openssl rand -base64 32)\"" +
                (builder.Environment.IsLocal() ? $", or set {FolderSetting} to a folder where this host may keep generated secrets." : "."));
        var bytes = Encoding.UTF8.GetBytes(value);
        return bytes.Length >= MinimumBytes
            ? bytes
            : throw new InvalidOperationException($"{setting} must be at least {MinimumBytes} bytes; `openssl rand -base64 32` makes one.");
    }

    private static string ReadOrCreate(string folder, string setting)
    {
        var path = Path.Combine(folder, setting.Replace(":", "__", StringComparison.Ordinal));
        if (!File.Exists(path))
        {
            // Written aside, then moved into place: a process sharing the folder never reads half a secret.
            Directory.CreateDirectory(folder);
            var draft = $"{path}.{Guid.NewGuid():N}";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var file = new StreamWriter(draft, Encoding.ASCII, options))
            {
                file.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinimumBytes)));
            }

            try
            {
                File.Move(draft, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(draft); // another process created it first: use theirs
            }
        }

        return File.ReadAllText(path).Trim();
    }
}
