using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>
/// The preview is the other party's text put into this page: its headings must not take the page's own ids
/// (<c>#sync</c>, <c>#editor</c>) or classes, which a member could once write as <c># Sync {#sync .x}</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PreviewIdsTests(BrowserFixture fixture)
{
    [Fact]
    public async Task HeadingsInThePreviewDoNotTakeThePagesIds()
    {
        var page = await fixture.NewPageAsync();
        await EditorInput.OpenNewDocumentAsync(page, "Rina Wijaya", "Koperasi Maju", "Rice supply 2027", "Ids");
        await page.Locator(".cm-content").ClickAsync();
        var filler = string.Concat(Enumerable.Repeat("A paragraph between the link and its heading.\n\n", 60));
        await EditorInput.PasteAsync(
            page, $"# Sync {{#sync .x}}\n\n[to the editor](#editor)\n\n{filler}# Editor\n\n");

        var headings = page.Locator(".doc-preview h1");
        await Assertions.Expect(headings).ToHaveCountAsync(2);
        await Assertions.Expect(headings.Nth(0)).ToHaveAttributeAsync("id", "user-content-sync-sync.x");
        await Assertions.Expect(headings.Nth(1)).ToHaveAttributeAsync("id", "user-content-editor");
        await Assertions.Expect(headings.Nth(0)).Not.ToHaveAttributeAsync("class", "x");
        await Assertions.Expect(page.Locator(".doc-preview a[href='#user-content-editor']")).ToHaveCountAsync(1);
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.querySelectorAll('#sync').length"));
        Assert.Equal(1, await page.EvaluateAsync<int>("() => document.querySelectorAll('#editor').length"));

        // The in-document link scrolls the preview to its heading and leaves the page as it is.
        var url = page.Url;
        await page.Locator(".doc-preview a[href='#user-content-editor']").ClickAsync();
        await Assertions.Expect(headings.Nth(1)).ToBeInViewportAsync();
        Assert.Equal(url, page.Url);

        // The page's own status and editor still work.
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync("typed after");
        await Assertions.Expect(page.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await Assertions.Expect(page.Locator(".doc-preview")).ToContainTextAsync("typed after");
    }
}
