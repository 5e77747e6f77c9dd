using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Agreements;

/// <summary>
/// The whole life of an agreement between two organisations: Rina (Koperasi Maju, desktop, English) and Budi
/// (Dinas Pertanian, a 390 px phone, Bahasa Indonesia) co-edit the draft from the template, an edit after Rina's
/// approval resets it and both are told why, both approve and it is signed and read-only; then a dispute on its
/// profit-sharing clause is settled by a proposal both accept, and the resolution's action item is on the board.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgreementLifecycleTests(BrowserFixture fixture)
{
    private const string Title = "Rice supply agreement";

    [Fact]
    public async Task TwoOrganisationsDraftSignAndSettleADisputeOnTheProfitSharingClause()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");

        var agreementUrl = await CreateFromTemplateAsync(rina, pid);
        var (rinaDoc, budiDoc) = await CoEditAsync(rina, budi, agreementUrl);
        await ApproveEditResetAsync(rina, budi, budiDoc, agreementUrl);
        await BothApproveAsync(rina, budi);
        await SignedIsReadOnlyAsync(budi, budiDoc, agreementUrl);
        await rinaDoc.CloseAsync();

        await RaiseAndSettleAsync(rina, budi, pid);
        await budi.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(budi.GetByText("Transfer the Q1 profit share of Rp 40 juta"))
            .ToBeVisibleAsync(AgreementSteps.Visible);
        await rina.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(rina.GetByText("Transfer the Q1 profit share of Rp 40 juta"))
            .ToBeVisibleAsync(AgreementSteps.Visible);
        await AgreementSteps.ShootAsync(budi, "lifecycle-action-board-id-390");
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    private static async Task<string> CreateFromTemplateAsync(IPage rina, string pid)
    {
        await rina.GotoAsync($"/p/{pid}/agreements");
        await rina.GetByRole(AriaRole.Button, new() { Name = "New agreement" }).ClickAsync();
        await rina.GetByLabel("Title").FillAsync(Title);
        await rina.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(rina.Locator("#page-title")).ToHaveTextAsync(Title, AgreementSteps.Text);
        await Assertions.Expect(rina.Locator(".agr-clause-list li[data-clause='5']"))
            .ToContainTextAsync("Profit and cost sharing", AgreementSteps.Contains);
        return rina.Url;
    }

    /// <summary>Both type into the same draft and each sees the other's words arrive live.</summary>
    private static async Task<(IPage RinaDoc, IPage BudiDoc)> CoEditAsync(IPage rina, IPage budi, string agreementUrl)
    {
        var rinaDoc = await rina.Context.NewPageAsync();
        await rinaDoc.GotoAsync(await rina.Locator("#agr-edit").GetAttributeAsync("href") ?? "");
        await budi.GotoAsync(agreementUrl);
        await Assertions.Expect(budi.Locator(".page-head .agr-status")).ToHaveTextAsync("Draf", AgreementSteps.Text);
        var budiDoc = await budi.Context.NewPageAsync();
        await budiDoc.GotoAsync(await budi.Locator("#agr-edit").GetAttributeAsync("href") ?? "");

        await AgreementSteps.TypeAtEndAsync(rinaDoc, "\nSigned in Yogyakarta.");
        await Assertions.Expect(budiDoc.Locator(".cm-content"))
            .ToContainTextAsync("Signed in Yogyakarta.", AgreementSteps.Contains);
        await AgreementSteps.TypeAtEndAsync(budiDoc, "\nPengiriman dimulai bulan Maret.");
        await Assertions.Expect(rinaDoc.Locator(".cm-content"))
            .ToContainTextAsync("Pengiriman dimulai bulan Maret.", AgreementSteps.Contains);
        return (rinaDoc, budiDoc);
    }

    /// <summary>Rina approves; Budi edits; her approval is void and both pages say who edited after whom.</summary>
    private static async Task ApproveEditResetAsync(IPage rina, IPage budi, IPage budiDoc, string agreementUrl)
    {
        // A draft's page is drawn when it opens: Rina reloads it to send the text both wrote.
        await rina.ReloadAsync();
        await Assertions.Expect(rina.Locator("#agr-text"))
            .ToContainTextAsync("Pengiriman dimulai bulan Maret.", AgreementSteps.Contains);
        await rina.GetByRole(AriaRole.Button, new() { Name = "Send for approval" }).ClickAsync();
        await rina.GetByRole(AriaRole.Button, new() { NameRegex = AgreementSteps.ApproveButton() }).ClickAsync();
        var rinaParty = rina.Locator(".agr-party", new() { HasText = "Koperasi Maju" });
        await Assertions.Expect(rinaParty).ToContainTextAsync("Approved by Rina Wijaya", AgreementSteps.Contains);
        await Assertions.Expect(budi.Locator(".agr-party", new() { HasText = "Koperasi Maju" }))
            .ToContainTextAsync("Disetujui oleh Rina Wijaya", AgreementSteps.Contains);

        await AgreementSteps.TypeAtEndAsync(budiDoc, " Harga tetap per triwulan.");
        await Assertions.Expect(rina.Locator("#agr-reset"))
            .ToContainTextAsync("Budi Santoso edited the text", AgreementSteps.Contains);
        await Assertions.Expect(rina.Locator("#agr-reset"))
            .ToContainTextAsync("after Rina Wijaya had approved", AgreementSteps.Contains);
        await Assertions.Expect(rinaParty).ToContainTextAsync("Waiting for approval", AgreementSteps.Contains);
        await Assertions.Expect(budi.Locator("#agr-reset"))
            .ToContainTextAsync("Budi Santoso mengubah teks", AgreementSteps.Contains);
        await Assertions.Expect(budi.Locator("#agr-reset"))
            .ToContainTextAsync("setelah Rina Wijaya menyetujui", AgreementSteps.Contains);
        Assert.Equal(agreementUrl, budi.Url);
        await AgreementSteps.ShootAsync(budi, "lifecycle-reset-id-390");
        await AgreementSteps.ShootAsync(rina, "lifecycle-reset-en-1280");
    }

    /// <summary>
    /// Both approve the revision on their screens (the pages follow the text as it is typed): signed.
    /// </summary>
    private static async Task BothApproveAsync(IPage rina, IPage budi)
    {
        foreach (var page in new[] { rina, budi })
        {
            await Assertions.Expect(page.Locator("#agr-text"))
                .ToContainTextAsync("Harga tetap per triwulan.", AgreementSteps.Contains);
        }
        await rina.GetByRole(AriaRole.Button, new() { NameRegex = AgreementSteps.ApproveButton() }).ClickAsync();
        await Assertions.Expect(budi.Locator(".agr-party", new() { HasText = "Koperasi Maju" }))
            .ToContainTextAsync("Disetujui oleh Rina Wijaya", AgreementSteps.Contains);
        await budi.GetByRole(AriaRole.Button, new() { NameRegex = AgreementSteps.ApproveButton() }).ClickAsync();
        await Assertions.Expect(rina.Locator(".page-head .agr-status")).ToHaveTextAsync("Signed", AgreementSteps.Text);
        await Assertions.Expect(budi.Locator(".page-head .agr-status"))
            .ToHaveTextAsync("Ditandatangani", AgreementSteps.Text);
        foreach (var page in new[] { rina, budi })
        {
            var signatures = page.Locator("#signature-page");
            await Assertions.Expect(signatures)
                .ToContainTextAsync("Koperasi Maju: Rina Wijaya", AgreementSteps.Contains);
            await Assertions.Expect(signatures)
                .ToContainTextAsync("Dinas Pertanian: Budi Santoso", AgreementSteps.Contains);
            await Assertions.Expect(page.Locator("#agr-edit")).ToHaveCountAsync(0, AgreementSteps.Count);
            var approve = page.GetByRole(AriaRole.Button, new() { NameRegex = AgreementSteps.ApproveButton() });
            await Assertions.Expect(approve).ToHaveCountAsync(0, AgreementSteps.Count);
        }
        await AgreementSteps.ShootAsync(budi, "lifecycle-signed-id-390");
    }

    /// <summary>The open editor of the signed text turns read-only, says why in Budi's language, and typing never
    /// reaches the agreement.</summary>
    private static async Task SignedIsReadOnlyAsync(IPage budi, IPage budiDoc, string agreementUrl)
    {
        await Assertions.Expect(budiDoc.Locator(".cm-edit-refused"))
            .ToContainTextAsync("Sudah ditandatangani", AgreementSteps.Contains);
        await AgreementSteps.TypeAtEndAsync(budiDoc, " Perubahan terlambat.", waitSaved: false);
        // Nothing typed reaches the editor: it shows the signed text.
        await Assertions.Expect(budiDoc.Locator(".cm-content"))
            .Not.ToContainTextAsync("Perubahan terlambat.", AgreementSteps.Contains);
        await Assertions.Expect(budiDoc.Locator(".cm-content"))
            .ToContainTextAsync("Harga tetap per triwulan.", AgreementSteps.Contains);
        await budi.GotoAsync(agreementUrl);
        await Assertions.Expect(budi.Locator("#signature-page")).ToBeVisibleAsync(AgreementSteps.Visible);
        await Assertions.Expect(budi.Locator("#agr-text"))
            .ToContainTextAsync("Harga tetap per triwulan.", AgreementSteps.Contains);
        await Assertions.Expect(budi.Locator("#agr-text"))
            .Not.ToContainTextAsync("Perubahan terlambat.", AgreementSteps.Contains);
        await budiDoc.CloseAsync();
    }

    /// <summary>Rina raises a dispute on § 5 and proposes; both accept; both see it resolved with its item.</summary>
    private static async Task RaiseAndSettleAsync(IPage rina, IPage budi, string pid)
    {
        await budi.GotoAsync($"/p/{pid}/disputes");
        await Assertions.Expect(budi.Locator("#page-title")).ToHaveTextAsync("Sengketa", AgreementSteps.Text);
        await UiSteps.LiveAsync(budi, "Budi Santoso"); // the dispute Rina raises reaches Budi's open list live
        await rina.GotoAsync($"/p/{pid}/disputes");
        await rina.GetByRole(AriaRole.Button, new() { Name = "Raise a dispute" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await dialog.GetByLabel("Title", new() { Exact = true }).FillAsync("Q1 profit share not transferred");
        await dialog.GetByLabel("What happened").FillAsync("The Q1 profit share is 20 days late.");
        await dialog.GetByLabel("Category").SelectOptionAsync(new SelectOptionValue { Label = "Payment" });
        await dialog.GetByLabel("Clause of an agreement").SelectOptionAsync(
            new SelectOptionValue { Label = $"{Title} § 5 Profit and cost sharing" });
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(rina.Locator("#clause-link"))
            .ToHaveTextAsync($"{Title} § 5 Profit and cost sharing", AgreementSteps.Text);

        await Assertions.Expect(budi.Locator(".dispute-row"))
            .ToContainTextAsync("Q1 profit share not transferred", AgreementSteps.Contains);
        await budi.Locator(".dispute-row a.title").ClickAsync();
        await Assertions.Expect(budi.Locator("#clause-link")).ToContainTextAsync("§ 5", AgreementSteps.Contains);

        await rina.GetByRole(AriaRole.Button, new() { Name = "Make a proposal" }).ClickAsync();
        await dialog.GetByLabel("Proposal", new() { Exact = true })
            .FillAsync("Dinas Pertanian transfers it this week.");
        await dialog.GetByLabel("Action item on resolution (optional)")
            .FillAsync("Transfer the Q1 profit share of Rp 40 juta");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await rina.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(budi.Locator(".answers"))
            .ToContainTextAsync("Koperasi Maju: menerima", AgreementSteps.Contains);
        await budi.GetByRole(AriaRole.Button, new() { Name = "Terima" }).ClickAsync();
        await Assertions.Expect(budi.Locator(".page-head .badge").First)
            .ToHaveTextAsync("Selesai", AgreementSteps.Text);
        await Assertions.Expect(rina.Locator(".page-head .badge").First)
            .ToHaveTextAsync("Resolved", AgreementSteps.Text);
        await Assertions.Expect(rina.Locator(".timeline"))
            .ToContainTextAsync("“Transfer the Q1 profit share of Rp 40 juta”", AgreementSteps.Contains);
        await AgreementSteps.ShootAsync(budi, "lifecycle-dispute-resolved-id-390");
    }
}
