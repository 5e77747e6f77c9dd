using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>A commenter from the partner organisation comments on a passage; the plan's editor sees it live and
/// resolves it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CommentTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ACommenterCommentsOnAPassageAndTheEditorSeesAndResolvesItLive()
    {
        var rina = await fixture.NewPageAsync();
        var sari = await fixture.NewPageAsync();
        var (pid, docId) = await ApiSeed.TwoOrganisationsAsync(rina.Context, sari.Context, "Sari Dewi", "Commenter");

        await rina.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await UiSteps.LiveAsync(rina, "Rina Wijaya"); // Sari's comment reaches this page live
        await rina.Locator(".cm-content").ClickAsync();
        await rina.Keyboard.TypeAsync("# Joint plan\n\nWe deliver 40 tonnes of rice by March.\n");
        await rina.GetByRole(AriaRole.Tab, new() { Name = "Comments" }).ClickAsync();

        // Sari (commenter) cannot type into the plan, but selects a passage and comments on it.
        await sari.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(sari.Locator(".cm-content")).ToContainTextAsync("40 tonnes of rice");
        await Assertions.Expect(sari.Locator(".cm-content")).ToHaveAttributeAsync("aria-readonly", "true");
        await sari.Locator(".cm-line", new() { HasText = "40 tonnes" }).ClickAsync(new() { ClickCount = 3 });
        await sari.GetByRole(AriaRole.Tab, new() { Name = "Comments" }).ClickAsync();
        await sari.GetByLabel("Add a comment").FocusAsync();
        await Assertions.Expect(sari.Locator("#comment-quote"))
            .ToContainTextAsync("We deliver 40 tonnes of rice by March.");
        await sari.GetByLabel("Add a comment").FillAsync("Can the warehouse hold 40 tonnes at once?");
        await sari.GetByRole(AriaRole.Button, new() { Name = "Comment", Exact = true }).ClickAsync();
        await Assertions.Expect(sari.GetByLabel("Add a comment")).ToHaveValueAsync("");

        // Rina sees it at once, with the quoted passage, and resolves it.
        var comment = rina.Locator(".comment", new() { HasText = "Can the warehouse hold 40 tonnes at once?" });
        await Assertions.Expect(comment).ToBeVisibleAsync();
        await Assertions.Expect(comment.Locator(".quote")).ToContainTextAsync("We deliver 40 tonnes of rice by March.");
        await Assertions.Expect(comment).ToContainTextAsync("Sari Dewi");
        await Assertions.Expect(comment).ToContainTextAsync("Dinas Pertanian");
        await Assertions.Expect(rina.Locator("#comment-count")).ToHaveTextAsync("1");
        // The passage is tinted in both editors.
        await WaitForTintAsync(rina, "We deliver 40 tonnes of rice by March.");
        await WaitForTintAsync(sari, "We deliver 40 tonnes of rice by March.");
        // Clicking the tinted passage shows the comment about it.
        await rina.GetByRole(AriaRole.Tab, new() { Name = "Preview" }).ClickAsync();
        await rina.Locator(".cm-commented").First.ClickAsync();
        await Assertions.Expect(rina.GetByRole(AriaRole.Tab, new() { Name = "Comments" }))
            .ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(comment).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfocused\b"));
        await BrowserFixture.ScreenshotAsync(rina, "documents-comments-en");
        // The quote leads to the passage: clicking it selects that line's text in Rina's editor.
        await comment.Locator(".quote").ClickAsync();
        Assert.Equal(
            "We deliver 40 tonnes of rice by March.",
            await rina.EvaluateAsync<string>("() => getSelection().toString()"));

        // Rina answers by changing the passage (40 → 45) and adding a line above it: the tint follows the words in
        // both editors, and the quote still leads to the passage, now rewritten.
        await rina.Keyboard.PressAsync("ArrowLeft"); // to the start of the selection
        for (var i = 0; i < "We deliver 40".Length; i++) await rina.Keyboard.PressAsync("ArrowRight");
        await rina.Keyboard.PressAsync("Backspace");
        await rina.Keyboard.TypeAsync("5");
        await rina.Keyboard.PressAsync("Home");
        await rina.Keyboard.TypeAsync("Budget agreed.\n");
        await WaitForTintAsync(rina, "We deliver 45 tonnes of rice by March.");
        await WaitForTintAsync(sari, "We deliver 45 tonnes of rice by March.");
        await comment.Locator(".quote").ClickAsync();
        Assert.Equal(
            "We deliver 45 tonnes of rice by March.",
            await rina.EvaluateAsync<string>("() => getSelection().toString()"));
        // Opened afresh, Sari's editor finds the passage as it reads now: the server followed it through the edits.
        await sari.ReloadAsync();
        await UiSteps.LiveAsync(sari, "Sari Dewi"); // Rina's resolve below reaches the reloaded page live
        await WaitForTintAsync(sari, "We deliver 45 tonnes of rice by March.");
        await sari.GetByRole(AriaRole.Tab, new() { Name = "Comments" }).ClickAsync();

        await comment.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Assertions.Expect(sari.Locator("#comment-count")).ToHaveTextAsync("");
        await Assertions.Expect(sari.Locator(".cm-commented")).ToHaveCountAsync(0);
        await Assertions.Expect(rina.Locator(".cm-commented")).ToHaveCountAsync(0);
        await Assertions.Expect(sari.GetByRole(AriaRole.Button, new() { Name = "Show resolved (1)" }))
            .ToBeVisibleAsync();
    }

    /// <summary>Waits until the editor's tinted (commented) text, joined, is exactly
    /// <paramref name="passage"/>.</summary>
    private static Task WaitForTintAsync(IPage page, string passage) =>
        page.WaitForFunctionAsync(
            "passage => [...document.querySelectorAll('.cm-commented')].map(e => e.textContent).join('') === passage",
            passage, new() { Timeout = 30_000 });
}
