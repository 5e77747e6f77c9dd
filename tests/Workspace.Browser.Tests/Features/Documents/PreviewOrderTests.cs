using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>
/// The preview shows the latest text even when an older render is answered after a newer one (as when the first
/// render after a restart is slow). A CI run once saw a preview stay on the text of before both people typed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PreviewOrderTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnOlderPreviewAnsweredLateDoesNotReplaceANewerOne()
    {
        var page = await fixture.NewPageAsync();
        await EditorInput.OpenNewDocumentAsync(page, "Rina Wijaya", "Koperasi Maju", "Rice supply 2027", "Plan");

        // The first render asked for is held back until the second has been answered and drawn.
        var firstAsked = new TaskCompletionSource();
        var secondDrawn = new TaskCompletionSource();
        var renders = 0;
        await page.RouteAsync("**/markdown/preview", async route =>
        {
            if (Interlocked.Increment(ref renders) == 1)
            {
                firstAsked.SetResult();
                await secondDrawn.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            await route.ContinueAsync();
        });
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.TypeAsync("# Old heading");
        await firstAsked.Task.WaitAsync(TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("# New heading");
        await Assertions.Expect(page.Locator(".doc-preview h1")).ToHaveTextAsync("New heading");
        var late = page.WaitForResponseAsync(r => r.Url.EndsWith("/markdown/preview", StringComparison.Ordinal));
        secondDrawn.SetResult();

        // The held answer now arrives; the preview must keep the newer text.
        await late;
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 100)))");
        await Assertions.Expect(page.Locator(".doc-preview h1")).ToHaveTextAsync("New heading");
    }
}
