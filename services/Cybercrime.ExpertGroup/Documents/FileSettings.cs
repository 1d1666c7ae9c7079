using Microsoft.Extensions.Configuration;

namespace Cybercrime.ExpertGroup.Documents;

/// <summary><c>ExpertGroup:MaxFileBytes</c>: the largest language version accepted (20 MB by default).</summary>
internal sealed record FileSettings(long MaxFileBytes)
{
    public const long DefaultMaxFileBytes = 20 * 1024 * 1024;

    public static FileSettings From(IConfiguration configuration)
    {
        var max = configuration.GetValue("ExpertGroup:MaxFileBytes", DefaultMaxFileBytes);
        return max > 0 ? new FileSettings(max) : throw new InvalidOperationException($"ExpertGroup:MaxFileBytes is {max}; it must be more than 0.");
    }
}
