using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Cybercrime.Dashboard.Tests.Chromium))]

namespace Cybercrime.Dashboard.Tests;

/// <summary>
/// Debian's chromium, headless, driven by Playwright's own driver (the node the NuGet package ships):
/// no browser is downloaded, <c>playwright install</c> is never run. <c>CHROMIUM_PATH</c> names another binary.
/// One browser for the whole assembly; each test has a context (its own storage) of its own.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public static readonly string? ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path
        ? path
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Screenshots are kept here: <c>TestResults/dashboard</c> at the repository's root (ignored by git; ./test.sh leaves it in place).</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(TestSupport.RepositoryRoot.Path, "TestResults", "dashboard")).FullName;

    /// <summary>Skips where no chromium is installed, saying how to get it; on CI (where ./test.sh installs it) a missing browser fails.</summary>
    public static void SkipWhenMissing()
    {
        if (ExecutablePath is null && Environment.GetEnvironmentVariable("CI") is not { Length: > 0 })
        {
            Assert.Skip("Needs Debian's chromium (apt-get install chromium, which ./test.sh does) or CHROMIUM_PATH.");
        }
    }

    public async ValueTask InitializeAsync()
    {
        if (ExecutablePath is null)
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }

    /// <summary>A page of its own context (its own sessionStorage), recording every console error, page error and failed request.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync()
    {
        Assert.NotNull(ExecutablePath);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"page: {error}");
        page.RequestFailed += (_, request) => errors.Add($"request: {request.Method} {request.Url} {request.Failure}");
        return (page, errors);
    }

    /// <summary>
    /// Waits until the page has drawn the figures for <paramref name="query"/> (any, when null) or says why
    /// it cannot, and fails with what it says.
    /// </summary>
    public static async Task ReadyAsync(IPage page, string? query = null)
    {
        await page.WaitForFunctionAsync(
            "query => (document.body.dataset.state === 'ready' && (query === null || document.body.dataset.query === query)) || !document.getElementById('message').hidden",
            query,
            new PageWaitForFunctionOptions { Timeout = 30_000 });
        Assert.True(await page.Locator("#message").IsHiddenAsync(), $"The page says: {await page.Locator("#message").TextContentAsync()}");
    }
}
