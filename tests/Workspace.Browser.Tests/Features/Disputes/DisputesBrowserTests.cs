using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Disputes;

/// <summary>
/// Two organisations in a dispute: Rina (Koperasi Maju, desktop, English) raises it on a clause of the joint plan and
/// Budi (Dinas Pertanian, phone, Indonesian) sees it arrive; a proposal accepted by both resolves it and its action
/// item is on the board; Rina's confidential note never reaches Budi's browser.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DisputesBrowserTests(BrowserFixture fixture)
{
    private const string Secret = "Internal: we can go to a 25% refund at most";

    [Fact]
    public async Task ADisputeRaisedOnAClauseIsSeenLiveResolvedByBothAndItsNoteStaysWithItsParty()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        await ApiSeed.PostAsync(
            rina.Context,
            $"/api/partnerships/{pid}/agreements",
            new { title = "Joint plan", language = "en" });
        await rina.GotoAsync($"/p/{pid}/disputes");
        await budi.GotoAsync($"/p/{pid}/disputes");
        await Assertions.Expect(budi.Locator("h1")).ToHaveTextAsync("Sengketa");
        await UiSteps.LiveAsync(budi, "Budi Santoso"); // the dispute Rina raises reaches Budi's open list live

        await RaiseAsync(rina);
        await Assertions.Expect(rina.Locator("h1")).ToContainTextAsync("Late payment of the March invoice");
        await Assertions.Expect(rina.Locator("#clause-link")).ToHaveTextAsync("Joint plan § 5 Profit and cost sharing");
        await Assertions.Expect(budi.Locator(".dispute-row")).ToContainTextAsync("Late payment of the March invoice");
        await Assertions.Expect(budi.Locator(".dispute-row")).ToContainTextAsync("Negotiation between the parties");
        await budi.Locator(".dispute-row a.title").ClickAsync();
        await Assertions.Expect(budi.Locator(".dispute-steps [aria-current=step]")).ToContainTextAsync("Negotiation");

        await rina.Locator("#note-form textarea").FillAsync(Secret);
        await rina.Locator("#note-form button[type=submit]").ClickAsync();
        await Assertions.Expect(rina.Locator(".notes")).ToContainTextAsync(Secret);

        await rina.GetByRole(AriaRole.Button, new() { Name = "Make a proposal" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await dialog.GetByLabel("Proposal", new() { Exact = true })
            .FillAsync("We pay the March invoice in full by Friday.");
        await dialog.GetByLabel("Action item on resolution (optional)").FillAsync("Pay the March invoice in full");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(budi.Locator(".proposal"))
            .ToContainTextAsync("We pay the March invoice in full by Friday.");
        await rina.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(budi.Locator(".answers")).ToContainTextAsync("Koperasi Maju: menerima");
        await LayoutChecks.AssertFitsAsync(budi, "dispute page at 390 px");
        await BrowserFixture.ScreenshotAsync(budi, "dispute-open-id-390");
        var dashboard = await rina.Context.NewPageAsync();
        await dashboard.GotoAsync($"/p/{pid}");
        await Assertions.Expect(dashboard.Locator("#disputes-tile"))
            .ToContainTextAsync("Late payment of the March invoice");
        await Assertions.Expect(dashboard.Locator("#disputes-tile")).ToContainTextAsync("Deadline");
        await BrowserFixture.ScreenshotAsync(dashboard, "dashboard-open-dispute-en-1280");
        await dashboard.CloseAsync();

        await budi.GetByRole(AriaRole.Button, new() { Name = "Terima" }).ClickAsync();
        await Assertions.Expect(rina.Locator(".page-head .badge").First).ToHaveTextAsync("Resolved");
        await Assertions.Expect(budi.Locator(".page-head .badge").First).ToHaveTextAsync("Selesai");
        await Assertions.Expect(rina.Locator(".timeline li")).ToHaveCountAsync(6);
        await Assertions.Expect(rina.Locator(".timeline"))
            .ToContainTextAsync("created the action item A1 “Pay the March invoice in full”");

        // A message Budi sees proves his page kept receiving live changes all along; the note was never among them.
        await rina.Locator("#message-form textarea").FillAsync("Thank you, settled.");
        await rina.Locator("#message-form button[type=submit]").ClickAsync();
        await Assertions.Expect(budi.Locator(".thread")).ToContainTextAsync("Thank you, settled.");
        Assert.DoesNotContain(Secret, await budi.ContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(budi.Locator(".notes-card .empty")).ToBeVisibleAsync();

        await ShootAndCheckAsync(rina, budi);
        await budi.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(budi.GetByText("Pay the March invoice in full")).ToBeVisibleAsync();
        await budi.GotoAsync($"/p/{pid}");
        await Assertions.Expect(budi.Locator("#disputes-tile")).ToContainTextAsync("Tidak ada sengketa terbuka.");
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    private static async Task RaiseAsync(IPage rina)
    {
        await rina.GetByRole(AriaRole.Button, new() { Name = "Raise a dispute" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await dialog.GetByLabel("Title", new() { Exact = true }).FillAsync("Late payment of the March invoice");
        await dialog.GetByLabel("What happened").FillAsync("The March invoice is 30 days overdue.");
        await dialog.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Payment" });
        await dialog.GetByLabel("Clause of an agreement").SelectOptionAsync(
            new SelectOptionValue { Label = "Joint plan § 5 Profit and cost sharing" });
        await dialog.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>Both languages at desktop and phone width: screenshots, no horizontal overflow, axe-clean.</summary>
    private static async Task ShootAndCheckAsync(IPage rina, IPage budi)
    {
        var found = new List<string>();
        await BrowserFixture.ScreenshotAsync(rina, "dispute-resolved-en-1280");
        found.AddRange(await Axe.SeriousViolationsAsync(rina, "dispute en 1280"));
        await rina.SetViewportSizeAsync(390, 844);
        await LayoutChecks.AssertFitsAsync(rina, "dispute page (en) at 390 px");
        await BrowserFixture.ScreenshotAsync(rina, "dispute-resolved-en-390");
        await BrowserFixture.ScreenshotAsync(budi, "dispute-resolved-id-390");
        found.AddRange(await Axe.SeriousViolationsAsync(budi, "dispute id 390"));
        await budi.SetViewportSizeAsync(1280, 800);
        await BrowserFixture.ScreenshotAsync(budi, "dispute-resolved-id-1280");
        await budi.GotoAsync(budi.Url.Split("/disputes/")[0] + "/disputes");
        await Assertions.Expect(budi.Locator(".dispute-row")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(budi, "disputes-list-id-1280");
        found.AddRange(await Axe.SeriousViolationsAsync(budi, "disputes list id 1280"));
        Assert.True(found.Count == 0, string.Join('\n', found));
    }
}
