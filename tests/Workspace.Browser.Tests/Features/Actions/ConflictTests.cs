using System.Text.Json;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Actions;

/// <summary>
/// Two people edit action item A1 at once. Before, the second save got 409 and lost its due date and notes, the open
/// dialog did not follow the other change, and the notice said "Someone".
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConflictTests(BrowserFixture fixture)
{
    private static async Task RenameAsync(IPage rina, string pid, string title)
    {
        await rina.GotoAsync($"/p/{pid}/actions?item=1");
        var dialog = rina.Locator(".form-dialog");
        await dialog.Locator("[name=title]").FillAsync(title);
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }

    private static async Task<JsonElement> ItemAsync(IPage page, string pid) =>
        (await ApiSeed.GetAsync(page, $"/api/partnerships/{pid}/action-items")).EnumerateArray()
            .Single(i => i.GetProperty("number").GetInt32() == 1);

    /// <summary>Rina's partnership with Budi as an editor and item A1, whose dialog Budi has open, connected
    /// live.</summary>
    private async Task<(IPage Rina, IPage Budi, string Pid, ILocator Dialog)> BudiOpensItemA1Async()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/action-items",
            new { title = "Send draft MoU", status = "Open", version = 0 });

        await budi.GotoAsync($"/p/{pid}/actions?item=1");
        await Assertions.Expect(budi.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        // Rina's change must reach the open dialog: Budi's page has joined the partnership's live updates first.
        await UiSteps.LiveAsync(budi, "Budi Santoso");
        return (rina, budi, pid, budi.Locator(".form-dialog"));
    }

    [Fact]
    public async Task ARenameAndANewDueDateMadeAtOnceAreBothKeptAndTheNoticeNamesWhoRenamed()
    {
        var (rina, budi, pid, dialog) = await BudiOpensItemA1Async();
        await dialog.Locator("[name=dueDate]").FillAsync("2026-12-15");
        await dialog.Locator("[name=notes]").FillAsync("Courier the signed copies to Utrecht");

        await RenameAsync(rina, pid, "Send the signed MoU");
        // Budi's open dialog follows: the title he did not touch shows Rina's; his due date and notes stay.
        await Assertions.Expect(dialog.Locator("[name=title]")).ToHaveValueAsync("Send the signed MoU");
        await Assertions.Expect(dialog.Locator(".notice")).ToContainTextAsync("Rina Wijaya");
        await Assertions.Expect(dialog.Locator("[name=notes]"))
            .ToHaveValueAsync("Courier the signed copies to Utrecht");
        await dialog.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(budi.Locator(".toast-info").Last).ToContainTextAsync("Rina Wijaya");
        var saved = await ItemAsync(budi, pid);
        Assert.Equal("Send the signed MoU", saved.GetProperty("title").GetString());
        Assert.Equal("2026-12-15", saved.GetProperty("dueDate").GetString());
        Assert.Equal("Courier the signed copies to Utrecht", saved.GetProperty("notes").GetString());
        Assert.Equal("Budi Santoso", saved.GetProperty("updatedByName").GetString());
    }

    [Fact]
    public async Task BothRenamingShowsBothTitlesSideBySideAndThePersonChooses()
    {
        var (rina, budi, pid, dialog) = await BudiOpensItemA1Async();
        await dialog.Locator("[name=title]").FillAsync("Send the MoU by courier");
        await dialog.Locator("[name=notes]").FillAsync("Budi's note");

        await RenameAsync(rina, pid, "Send the MoU by e-mail");
        await Assertions.Expect(dialog.Locator(".notice")).ToContainTextAsync("Rina Wijaya");
        await Assertions.Expect(dialog.Locator("[name=title]")).ToHaveValueAsync("Send the MoU by courier");
        await dialog.Locator("button[type=submit]").ClickAsync();

        var clash = dialog.Locator(".clash[data-field=title]");
        await Assertions.Expect(clash).ToContainTextAsync("Send the MoU by courier");
        await Assertions.Expect(clash).ToContainTextAsync("Send the MoU by e-mail");
        await Assertions.Expect(clash).ToContainTextAsync("Rina Wijaya");
        await BrowserFixture.ScreenshotAsync(budi, "conflict-clash-en");
        await budi.SetViewportSizeAsync(390, 844);
        await BrowserFixture.ScreenshotAsync(budi, "conflict-clash-phone-en");
        Assert.Equal("Send the MoU by e-mail", (await ItemAsync(budi, pid)).GetProperty("title").GetString());

        await clash.Locator("input[value=theirs]").CheckAsync();
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        var saved = await ItemAsync(budi, pid);
        Assert.Equal("Send the MoU by e-mail", saved.GetProperty("title").GetString());
        Assert.Equal("Budi's note", saved.GetProperty("notes").GetString());
    }
}
