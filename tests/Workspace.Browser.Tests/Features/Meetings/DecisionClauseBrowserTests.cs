using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Meetings;

/// <summary>
/// A decision's revision changes or clears its agreement clause through the clause picker, and the capture bar links
/// a clause typed as §5 or pasal:"words". Rina: desktop, English; Budi: 390 px, Indonesian.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DecisionClauseBrowserTests(BrowserFixture fixture)
{
    private const string Title = "Rice supply agreement";
    private const string Decided = "Profit is split 60/40 from the next season";

    [Fact]
    public async Task ARevisionChangesTheClauseAndAnotherClearsIt()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, agreementId, meetingId) = await SeedAsync(rina, budi);
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/meetings/{meetingId}/decisions",
            new { text = Decided, clause = new { agreementId, number = "5" } });

        // Rina's revision dialog shows the decision's clause picked; she moves it to clause 10.
        await rina.GotoAsync($"/p/{pid}/meetings/{meetingId}");
        var rinas = rina.Locator(".decision", new() { HasText = Decided });
        await Assertions.Expect(rinas.Locator(".clause-chip")).ToHaveTextAsync("§5 Profit and cost sharing",
            AgreementSteps.Text);
        await rinas.GetByRole(AriaRole.Button, new() { Name = "Change decision" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await Assertions.Expect(dialog.GetByLabel("Agreement clause")).ToHaveValueAsync($"{agreementId}|5",
            AgreementSteps.Value);
        await dialog.GetByLabel("Agreement clause")
            .SelectOptionAsync(new SelectOptionValue { Label = $"{Title} § 10 Dispute resolution" });
        await dialog.GetByLabel("Why it changes").FillAsync("Mediation clause governs the split");
        await BrowserFixture.ScreenshotAsync(rina, "decision-revise-clause-en-1280");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(rinas.Locator(".clause-chip")).ToHaveTextAsync("§10 Dispute resolution",
            AgreementSteps.Text);

        // Budi, on his phone, sees clause 10 and clears it with "Tanpa pasal".
        await budi.GotoAsync($"/p/{pid}/meetings/{meetingId}");
        var budis = budi.Locator(".decision", new() { HasText = Decided });
        await Assertions.Expect(budis.Locator(".clause-chip")).ToHaveTextAsync("§10 Dispute resolution",
            AgreementSteps.Text);
        await budis.GetByRole(AriaRole.Button, new() { Name = "Ubah keputusan" }).ClickAsync();
        var budiDialog = budi.Locator("dialog.form-dialog");
        await Assertions.Expect(budiDialog.GetByLabel("Pasal perjanjian")).ToHaveValueAsync($"{agreementId}|10",
            AgreementSteps.Value);
        await budiDialog.GetByLabel("Pasal perjanjian")
            .SelectOptionAsync(new SelectOptionValue { Label = "Tanpa pasal" });
        await budiDialog.GetByLabel("Alasan perubahan").FillAsync("Tidak terkait pasal tertentu");
        await LayoutChecks.AssertFitsAsync(budi, "decision revision dialog at 390 px");
        Assert.Empty(await Axe.SeriousViolationsAsync(budi, "decision revision dialog, phone, Indonesian"));
        await BrowserFixture.ScreenshotAsync(budi, "decision-revise-clause-id-390");
        await budiDialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(budiDialog).ToHaveCountAsync(0, AgreementSteps.Count);
        await Assertions.Expect(budis.Locator(".badge", new() { HasText = "3" })).ToHaveCountAsync(1,
            AgreementSteps.Count);
        await Assertions.Expect(budis.Locator(".clause-chip")).ToHaveCountAsync(0, AgreementSteps.Count);
        await rina.ReloadAsync();
        await Assertions.Expect(rinas.Locator(".badge", new() { HasText = "3" })).ToHaveCountAsync(1,
            AgreementSteps.Count);
        await Assertions.Expect(rinas.Locator(".clause-chip")).ToHaveCountAsync(0, AgreementSteps.Count);
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    [Fact]
    public async Task TheCaptureBarLinksTheClauseTypedAfterTheSectionSign()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _, meetingId) = await SeedAsync(rina, budi);
        var run = $"/p/{pid}/meetings/{meetingId}/run";
        await rina.GotoAsync(run);
        await rina.GetByRole(AriaRole.Button, new() { Name = "Start the meeting" }).ClickAsync();
        await budi.GotoAsync(run);
        await Assertions.Expect(budi.Locator("#now-title")).ToHaveTextAsync(new Regex("^Butir 1 dari"),
            AgreementSteps.Text);

        var bar = rina.GetByRole(AriaRole.Textbox, new() { Name = "Capture" });
        await bar.FillAsync("d Profit split 60/40 §42");
        await Assertions.Expect(rina.Locator("#capture-hint")).ToHaveTextAsync(
            "No agreement clause 42: write its number (§5) or words of its title.", AgreementSteps.Text);
        await bar.FillAsync($"d {Decided} §5");
        await Assertions.Expect(rina.Locator("#capture-hint")).ToHaveTextAsync(
            $"Decision: {Decided} · clause 5 Profit and cost sharing", AgreementSteps.Text);
        await BrowserFixture.ScreenshotAsync(rina, "capture-clause-en-1280");
        await bar.PressAsync("Enter");
        await Assertions.Expect(budi.Locator(".captures li", new() { HasText = Decided })).ToHaveCountAsync(1,
            AgreementSteps.Count);

        var budiBar = budi.GetByRole(AriaRole.Textbox, new() { Name = "Catat" });
        await budiBar.FillAsync("t Pesan mediator pasal:\"dispute\" @rina");
        await Assertions.Expect(budi.Locator("#capture-hint")).ToHaveTextAsync(
            "Tugas: Pesan mediator · penanggung jawab Rina Wijaya · pasal 10 Dispute resolution",
            AgreementSteps.Text);
        await LayoutChecks.AssertFitsAsync(budi, "capture bar with a clause at 390 px");
        await BrowserFixture.ScreenshotAsync(budi, "capture-clause-id-390");
        await budiBar.PressAsync("Enter");
        await Assertions.Expect(rina.Locator(".captures li", new() { HasText = "Pesan mediator" }))
            .ToHaveCountAsync(1, AgreementSteps.Count);

        await rina.GotoAsync($"/p/{pid}/decisions");
        await Assertions.Expect(rina.Locator(".decision-card", new() { HasText = Decided }).Locator(".clause-chip"))
            .ToHaveTextAsync("§5 Profit and cost sharing", AgreementSteps.Text);
        await budi.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(budi.Locator(".item-card", new() { HasText = "Pesan mediator" })
            .Locator(".clause-chip")).ToHaveTextAsync("§10 Dispute resolution", AgreementSteps.Text);
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    private static async Task<(string Pid, string AgreementId, string MeetingId)> SeedAsync(IPage rina, IPage budi)
    {
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var agreementId = (await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/agreements",
            new { title = Title, language = "en" })).GetProperty("id").GetString()!;
        var meetingId = await MeetingSeed.BoardReviewAsync(rina, pid);
        return (pid, agreementId, meetingId);
    }
}
