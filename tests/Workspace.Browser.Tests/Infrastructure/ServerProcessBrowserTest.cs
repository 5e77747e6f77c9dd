using Microsoft.Playwright;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Infrastructure;

/// <summary>
/// A test of its own server process (which it may kill and restart, unlike the shared in-process server) and its
/// own Chromium.
/// </summary>
public abstract class ServerProcessBrowserTest : IAsyncLifetime
{
    private IPlaywright? _playwright;

    protected ServerProcess Server { get; } = new();

    protected IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Server.StartAsync(TestContext.Current.CancellationToken);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserFixture.LaunchChromiumAsync(_playwright);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
