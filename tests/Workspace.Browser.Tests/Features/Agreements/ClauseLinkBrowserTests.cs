using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Agreements;

/// <summary>
/// An action item and a decision linked to an agreement clause through their dialogs show it as a chip, and the
/// chip follows the clause when a clause is inserted before it and the numbers move. Rina: desktop, English; Budi:
/// 390 px, Indonesian.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ClauseLinkBrowserTests(BrowserFixture fixture)
{
    private const string Title = "Rice supply agreement";
    private const string Item = "Quarterly cost report";
    private const string Decided = "Costs are shared 60/40 from the next season";

    [Fact]
    public async Task AnItemAndADecisionShowTheirClauseAndTheChipFollowsItsNumber()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var agreementId = (await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/agreements",
            new { title = Title, language = "en" })).GetProperty("id").GetString()!;

        // Rina links a new action item to clause 5 in its dialog: the card shows the clause and links to the text.
        await rina.GotoAsync($"/p/{pid}/actions");
        await rina.GetByRole(AriaRole.Button, new() { Name = "New action item" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await dialog.GetByLabel("What needs doing").FillAsync(Item);
        await dialog.GetByLabel("Agreement clause")
            .SelectOptionAsync(new SelectOptionValue { Label = $"{Title} § 5 Profit and cost sharing" });
        await dialog.Locator("button[type=submit]").ClickAsync();
        var chip = rina.Locator(".item-card", new() { HasText = Item }).Locator(".clause-chip");
        await Assertions.Expect(chip).ToHaveTextAsync("§5 Profit and cost sharing", AgreementSteps.Text);
        await Assertions.Expect(chip)
            .ToHaveAttributeAsync("href", $"/p/{pid}/agreements/{agreementId}", AgreementSteps.Attribute);
        await budi.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(budi.Locator(".item-card", new() { HasText = Item }).Locator(".clause-chip"))
            .ToHaveTextAsync("§5 Profit and cost sharing", AgreementSteps.Text);

        await InsertClauseBeforeFiveAsync(rina, agreementId, pid);

        // Loaded again, the item names the clause it was linked to by its new number, not the new clause 5.
        await rina.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(chip).ToHaveTextAsync("§6 Profit and cost sharing", AgreementSteps.Text);
        await rina.Locator(".item-card", new() { HasText = Item }).ClickAsync();
        await Assertions.Expect(dialog.GetByLabel("Agreement clause"))
            .ToHaveValueAsync($"{agreementId}|6", AgreementSteps.Value);
        await BrowserFixture.ScreenshotAsync(rina, "clause-link-item-dialog-en-1280");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await RecordLinkedDecisionAsync(rina, pid);
        await ScreenshotsAsync(rina, budi, pid);
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    /// <summary>
    /// In the co-editor, a new clause 5 goes in before "5. Profit and cost sharing", which becomes clause 6.
    /// </summary>
    private static async Task InsertClauseBeforeFiveAsync(IPage rina, string agreementId, string pid)
    {
        await rina.GotoAsync($"/p/{pid}/agreements/{agreementId}");
        var doc = await rina.Context.NewPageAsync();
        await doc.GotoAsync(await rina.Locator("#agr-edit").GetAttributeAsync("href") ?? "");
        await Assertions.Expect(doc.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved",
            AgreementSteps.Attribute);
        // Typed at the end of clause 4's text, so no insert lands on the linked heading's own boundary.
        await doc.Locator(".cm-line", new() { HasText = "Each party contributes the money" }).ClickAsync();
        await doc.Keyboard.PressAsync("End");
        await doc.Keyboard.TypeAsync("\n\n## 5. Payment schedule\nPayments follow within 30 days.");
        await doc.Keyboard.PressAsync("ArrowDown");
        await doc.Keyboard.PressAsync("ArrowDown");
        await doc.Keyboard.PressAsync("Home");
        await doc.Keyboard.PressAsync("ArrowRight");
        await doc.Keyboard.PressAsync("ArrowRight");
        await doc.Keyboard.PressAsync("ArrowRight");
        await doc.Keyboard.PressAsync("Delete");
        await doc.Keyboard.TypeAsync("6");
        await Assertions.Expect(doc.Locator(".cm-content")).ToContainTextAsync("## 6. Profit and cost sharing",
            AgreementSteps.Contains);
        await Assertions.Expect(doc.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved",
            AgreementSteps.Attribute);
        await doc.CloseAsync();
        await rina.ReloadAsync();
        await Assertions.Expect(rina.Locator(".agr-clause-list li", new() { HasText = "Profit and cost sharing" }))
            .ToHaveAttributeAsync("data-clause", "6", AgreementSteps.Attribute);
    }

    /// <summary>In a meeting Rina records a decision on clause 6; the decision log shows its chip.</summary>
    private static async Task RecordLinkedDecisionAsync(IPage rina, string pid)
    {
        var meetingId = await MeetingSeed.BoardReviewAsync(rina, pid);
        await rina.GotoAsync($"/p/{pid}/meetings/{meetingId}");
        await rina.GetByRole(AriaRole.Button, new() { Name = "Record a decision" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await dialog.GetByLabel("What was decided").FillAsync(Decided);
        await dialog.GetByLabel("Agreement clause")
            .SelectOptionAsync(new SelectOptionValue { Label = $"{Title} § 6 Profit and cost sharing" });
        await BrowserFixture.ScreenshotAsync(rina, "clause-link-decision-dialog-en-1280");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(rina.Locator(".decision", new() { HasText = Decided }).Locator(".clause-chip"))
            .ToHaveTextAsync("§6 Profit and cost sharing", AgreementSteps.Text);
        await rina.GotoAsync($"/p/{pid}/decisions");
        await Assertions.Expect(rina.Locator(".decision-card", new() { HasText = Decided }).Locator(".clause-chip"))
            .ToHaveTextAsync("§6 Profit and cost sharing", AgreementSteps.Text);
    }

    private static async Task ScreenshotsAsync(IPage rina, IPage budi, string pid)
    {
        await BrowserFixture.ScreenshotAsync(rina, "clause-link-decisions-en-1280");
        await rina.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(rina.Locator(".clause-chip")).ToHaveTextAsync("§6 Profit and cost sharing",
            AgreementSteps.Text);
        await BrowserFixture.ScreenshotAsync(rina, "clause-link-actions-en-1280");
        await budi.GotoAsync($"/p/{pid}/decisions");
        await Assertions.Expect(budi.Locator(".decision-card", new() { HasText = Decided }).Locator(".clause-chip"))
            .ToHaveTextAsync("§6 Profit and cost sharing", AgreementSteps.Text);
        await BrowserFixture.ScreenshotAsync(budi, "clause-link-decisions-id-390");
        await budi.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(budi.Locator(".item-card", new() { HasText = Item }).Locator(".clause-chip"))
            .ToHaveTextAsync("§6 Profit and cost sharing", AgreementSteps.Text);
        await BrowserFixture.ScreenshotAsync(budi, "clause-link-actions-id-390");
        await budi.Locator(".item-card", new() { HasText = Item }).ClickAsync();
        await Assertions.Expect(budi.Locator("dialog.form-dialog").GetByLabel("Pasal perjanjian"))
            .ToBeVisibleAsync(AgreementSteps.Visible);
        await BrowserFixture.ScreenshotAsync(budi, "clause-link-item-dialog-id-390");

        // "No clause" removes the link: the card loses its chip, for Rina too.
        await budi.Locator("dialog.form-dialog").GetByLabel("Pasal perjanjian")
            .SelectOptionAsync(new SelectOptionValue { Label = "Tanpa pasal" });
        await budi.Locator("dialog.form-dialog button[type=submit]").ClickAsync();
        await Assertions.Expect(budi.Locator("dialog.form-dialog")).ToHaveCountAsync(0, AgreementSteps.Count);
        await Assertions.Expect(budi.Locator(".item-card", new() { HasText = Item }).Locator(".clause-chip"))
            .ToHaveCountAsync(0, AgreementSteps.Count);
        await Assertions.Expect(rina.Locator(".item-card", new() { HasText = Item }).Locator(".clause-chip"))
            .ToHaveCountAsync(0, AgreementSteps.Count);
    }
}
