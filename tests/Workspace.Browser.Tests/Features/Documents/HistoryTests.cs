using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>A partner opens the plan's history, reads an earlier version and brings it back; the other editor sees it
/// live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HistoryTests(BrowserFixture fixture)
{
    [Fact]
    public async Task AnEditorRestoresAnEarlierVersionAndTheOtherEditorSeesItLive()
    {
        var rina = await fixture.NewPageAsync();
        var ayu = await fixture.NewPageAsync();
        var (pid, docId) = await ApiSeed.TwoOrganisationsAsync(rina.Context, ayu.Context, "Ayu Lestari", "Editor");

        await rina.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await rina.Locator(".cm-content").ClickAsync();
        await rina.Keyboard.TypeAsync("# Joint plan\n\nBudget: 100 million\n");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        // The first edits are on the server ("saved"), so after this pause the next ones make a new version.
        await Task.Delay(BrowserFixture.HistoryPause, TestContext.Current.CancellationToken);
        await rina.Keyboard.TypeAsync("Budget cut to 50 million.\n");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        await rina.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        await Assertions.Expect(rina.Locator("button.version")).ToHaveCountAsync(2);

        await ayu.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(ayu.Locator(".cm-content")).ToContainTextAsync("Budget cut to 50 million.");
        await ayu.GetByRole(AriaRole.Tab, new() { Name = "History" }).ClickAsync();
        var versions = ayu.Locator("button.version");
        await Assertions.Expect(versions).ToHaveCountAsync(2);
        await Assertions.Expect(versions.First).ToContainTextAsync("Current version");
        await Assertions.Expect(versions.Nth(1)).ToContainTextAsync("Rina");

        // The earlier version reads as it was; Ayu restores it.
        await versions.Nth(1).ClickAsync();
        await Assertions.Expect(ayu.Locator("#version-text")).ToContainTextAsync("Budget: 100 million");
        await Assertions.Expect(ayu.Locator("#version-text")).Not.ToContainTextAsync("cut to 50");
        await BrowserFixture.ScreenshotAsync(ayu, "documents-history-en");
        ayu.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await ayu.GetByRole(AriaRole.Button, new() { Name = "Restore this version" }).ClickAsync();

        // Both editors show the restored text at once; the history now starts with Ayu's restore, and the text
        // before it is still a version of its own.
        await Assertions.Expect(rina.Locator(".cm-content")).Not.ToContainTextAsync("cut to 50");
        await Assertions.Expect(rina.Locator(".cm-content")).ToContainTextAsync("Budget: 100 million");
        await Assertions.Expect(ayu.Locator(".cm-content")).Not.ToContainTextAsync("cut to 50");
        await Assertions.Expect(versions).ToHaveCountAsync(3);
        await Assertions.Expect(versions.First).ToContainTextAsync("Ayu Lestari restored an earlier version");
        // Rina's open history list follows on its own.
        await Assertions.Expect(rina.Locator("button.version").First)
            .ToContainTextAsync("Ayu Lestari restored an earlier version");
        await Assertions.Expect(rina.Locator("button.version")).ToHaveCountAsync(3);
        await BrowserFixture.ScreenshotAsync(ayu, "documents-history-restored-en");
    }
}
