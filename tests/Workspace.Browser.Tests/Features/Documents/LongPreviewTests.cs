using System.Text;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>
/// A document longer than the server renders in one preview (200,000 characters) still has a preview: its beginning,
/// under a note in the person's language that says it is cut. It once had none at all: the page sent the whole text,
/// the server refused it, and the page showed nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LongPreviewTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("en-GB", 1280, "first 200,000 characters")]
    [InlineData("id-ID", 390, "200.000 karakter pertamanya")]
    public async Task ALongDocumentPreviewsItsBeginningUnderANoteThatSaysSo(string locale, int width, string note)
    {
        var page = await fixture.NewPageAsync(locale, width, width < 500 ? 844 : 800);
        await EditorInput.OpenNewDocumentAsync(page, "Rina Wijaya", "Koperasi Maju", "Rice supply 2027", "Long plan");
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.InsertTextAsync("# Harvest plan\n\nShort for now.\n");
        await Assertions.Expect(page.Locator(".doc-preview h1")).ToHaveTextAsync("Harvest plan");
        await Assertions.Expect(page.Locator("#preview-cut")).ToBeHiddenAsync();

        // In several pastes, each saved before the next (the server takes at most 100,000 characters per change).
        foreach (var part in LongText().Chunk(80_000))
        {
            await EditorInput.PasteAsync(page, new string(part));
            await Assertions.Expect(page.Locator("#sync"))
                .ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 30_000 });
        }
        await Assertions.Expect(page.Locator(".doc-preview"))
            .ToContainTextAsync("Week 1 of the season", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#preview-cut")).ToContainTextAsync(note);
        await Assertions.Expect(page.Locator(".doc-preview h1")).ToHaveTextAsync("Harvest plan");
        await Assertions.Expect(page.Locator(".doc-preview")).Not.ToContainTextAsync("The last week");
        if (width < 500)
        {
            await page.Locator("#tab-preview").ClickAsync();
        }
        await BrowserFixture.ScreenshotAsync(page, $"documents-long-preview-{locale}-{width}");
    }

    /// <summary>About 260,000 characters of paragraphs, the last one past the preview's end.</summary>
    private static string LongText()
    {
        var text = new StringBuilder();
        for (var week = 1; text.Length < 260_000; week++)
        {
            text.Append($"\nWeek {week} of the season: the cooperative delivers rice to the agency's storage.\n");
        }
        return text.Append("\nThe last week: the partners review the season together.\n").ToString();
    }
}
