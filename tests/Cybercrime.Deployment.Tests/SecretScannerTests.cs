namespace Cybercrime.Deployment.Tests;

/// <summary>The scanner finds the shapes keys were committed in before, and lets references through.</summary>
public sealed class SecretScannerTests
{
    [Theory]
    [InlineData("appsettings.Development.json", """    "SigningKey": "development-only-signing-key-change-me-0123456789",""")]
    [InlineData("StandaloneDefaults.cs", """        ["Auth:SigningKey"] = "standalone-only-signing-key-never-in-production-0123456789",""")]
    [InlineData("compose.yaml", """      Pseudonyms__Key: c2VjcmV0LXZhbHVlLWZvci10ZXN0cw==""")]
    [InlineData("training.yaml", """            - { name: Auth__SigningKey, value: abcdefghijklmnopqrstuvwxyz }""")]
    [InlineData(".env", """PSEUDONYM_KEY=Zm9vYmFyYmF6cXV4cXV1eHF1dXgxMjM0""")]
    public void A_literal_key_is_found(string file, string line)
    {
        Assert.Single(SecretScanner.Findings(file, line));
    }

    [Theory]
    [InlineData("compose.yaml", """  Auth__SigningKey: "${SIGNING_KEY:?SIGNING_KEY is not set, create .env as the top of compose.yaml says}" """)]
    [InlineData("compose.yaml", """#   printf 'SIGNING_KEY=%s\nPSEUDONYM_KEY=%s\n' "$(openssl rand -base64 32)" > .env""")]
    [InlineData("training.yaml", """            - name: Pseudonyms__Key""")]
    [InlineData("AuthSettings.cs", """    public const string SigningKeySetting = "Auth:SigningKey";""")]
    [InlineData("appsettings.Development.json", """    "Folder": "data/secrets" """)]
    public void A_reference_or_a_setting_name_is_not(string file, string line)
    {
        Assert.Empty(SecretScanner.Findings(file, line));
    }
}
