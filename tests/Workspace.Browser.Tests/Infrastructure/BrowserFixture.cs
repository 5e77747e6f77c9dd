using Microsoft.Playwright;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Infrastructure;

/// <summary>
/// The real server on a real Kestrel socket plus Debian's Chromium driven by Playwright.
/// Each test opens its own browser contexts (= separate people with separate cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>A pause of five seconds starts a new version in a document's history (five minutes in production), so a
    /// test can make two. Not less: task sync writes a task line's item reference 1.5 s after the typing stops
    /// (Documents:ChecklistDelay), and that edit has to join the typist's version even on a loaded machine (with two
    /// seconds, half a second late made it a version of its own).</summary>
    public WorkspaceFactory Server { get; } = new WorkspaceFactory().With("Documents:HistoryGap", "00:00:05");

    /// <summary>A pause longer than the history's gap between two edits: the later ones start a new version.</summary>
    public static readonly TimeSpan HistoryPause = TimeSpan.FromSeconds(5.5);
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright? _playwright;

    /// <summary>Folder for screenshots: artifacts/screenshots at the checkout root.</summary>
    public static string ScreenshotDir { get; } = FindScreenshotDir();

    public async ValueTask InitializeAsync()
    {
        var port = WorkspaceFactory.FreeTcpPort();
        Server.UseKestrel(port);
        Server.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";
        // API helpers (SignUpAsync) talk to the same Kestrel socket as the browser.
        Server.ClientOptions.BaseAddress = new Uri(BaseUrl);

        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}; run infra/install.sh.");
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's Chromium, headless, without the background traffic that would blur network tests.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync"],
        });

    /// <summary>A fresh browser profile (one person), English UI unless a locale is given, a desktop window unless a
    /// size is.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB", int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            // Phones and tablets get touch, so taps work as on the device.
            HasTouch = width <= 900,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        await page.ScreenshotAsync(new PageScreenshotOptions {
            Path = Path.Combine(ScreenshotDir, name + ".png"),
            FullPage = true
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }

    private static string FindScreenshotDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workspace.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "screenshots");
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
