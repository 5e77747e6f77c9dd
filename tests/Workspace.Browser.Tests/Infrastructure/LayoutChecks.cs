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
}
