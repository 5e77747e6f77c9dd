using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Infrastructure;

public static class LayoutChecks
{
    /// <summary>Nothing is wider than the window, the top bar included.</summary>
    public static async Task AssertFitsAsync(IPage page, string what)
    {
        await page.WaitForTimeoutAsync(200); // charts and late lists settle
        var widths = await page.EvaluateAsync<int[]>(
            "() => [document.documentElement.scrollWidth, innerWidth, document.querySelector('.topbar').scrollWidth]");
        Assert.True(widths[0] <= widths[1], $"{what}: the page is {widths[0]} px wide in a {widths[1]} px window");
        Assert.True(widths[2] <= widths[1], $"{what}: the top bar is {widths[2]} px wide in a {widths[1]} px window");
    }

    /// <summary>Screenshots of both people's pages at both widths, in their languages (en for Rina at 1280 px, id for
    /// Budi at 390 px, then swapped), with Rina's page checked to fit at 390 px; both go back to their sizes.</summary>
    public static async Task ShootBothAsync(IPage rina, IPage budi, string name)
    {
        await BrowserFixture.ScreenshotAsync(rina, $"{name}-en-1280");
        await BrowserFixture.ScreenshotAsync(budi, $"{name}-id-390");
        await rina.SetViewportSizeAsync(390, 844);
        await budi.SetViewportSizeAsync(1280, 800);
        await AssertFitsAsync(rina, $"{name} (en) at 390 px");
        await BrowserFixture.ScreenshotAsync(rina, $"{name}-en-390");
        await BrowserFixture.ScreenshotAsync(budi, $"{name}-id-1280");
        await rina.SetViewportSizeAsync(1280, 800);
        await budi.SetViewportSizeAsync(390, 844);
    }
}
