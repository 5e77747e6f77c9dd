using System.Text.Json;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Agreements;

/// <summary>
/// Living with a signed agreement: each party's admins name its signatories, a clause's dated obligation becomes
/// the responsible party's action items, a numbered amendment is compared with the signed text and, once signed,
/// the consolidated text names it on the clause it changed. Rina: desktop, English; Budi: 390 px, Indonesian.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgreementWorkTests(BrowserFixture fixture)
{
    private const string Title = "Rice supply agreement";
    private const string ChangeOwn = "Ubah penanda tangan Dinas Pertanian";

    [Fact]
    public async Task EachPartysAdminsNameItsSignatoriesAndOthersOnlyReadThem()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var sari = await fixture.NewPageAsync();
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        await JoinAsync(budi, sari.Context, pid, "Sari Dewi");
        var url = $"/api/partnerships/{pid}/agreements";
        var id = (await ApiSeed.PostAsync(rina, url, new { title = Title, language = "en" })).GetProperty("id")
            .GetString()!;
        await ApiSeed.PostAsync(rina, $"{url}/{id}/review", new { });

        // Budi, admin of Dinas Pertanian, may change only his own party's signatories; Sari (no admin) none.
        await budi.GotoAsync($"/p/{pid}/agreements/{id}");
        var budiParty = budi.Locator(".agr-party", new() { HasText = "Dinas Pertanian" });
        await Assertions.Expect(budiParty)
            .ToContainTextAsync("Penanda tangan: Budi Santoso (adminnya, secara bawaan)", AgreementSteps.Contains);
        await Assertions.Expect(budi.Locator(".agr-sig-edit")).ToHaveCountAsync(1, AgreementSteps.Count);
        await sari.GotoAsync($"/p/{pid}/agreements/{id}");
        await Assertions.Expect(sari.Locator(".agr-party", new() { HasText = "Dinas Pertanian" }))
            .ToContainTextAsync("Signs: Budi Santoso", AgreementSteps.Contains);
        await Assertions.Expect(sari.Locator(".agr-sig-edit")).ToHaveCountAsync(0, AgreementSteps.Count);
        await Assertions.Expect(sari.GetByRole(AriaRole.Button, new() { NameRegex = AgreementSteps.ApproveButton() }))
            .ToHaveCountAsync(0, AgreementSteps.Count);

        // Budi names Sari instead of himself: she may now approve, he may not.
        await budi.GetByRole(AriaRole.Button, new() { Name = ChangeOwn }).ClickAsync();
        var dialog = budi.Locator("dialog.form-dialog");
        await AgreementSteps.ShootAsync(budi, "agreement-signatories-dialog-id-390");
        await dialog.GetByLabel("Sari Dewi").CheckAsync();
        await dialog.GetByLabel("Budi Santoso (admin)").UncheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Simpan penanda tangan" }).ClickAsync();
        await Assertions.Expect(budiParty).ToContainTextAsync("Penanda tangan: Sari Dewi", AgreementSteps.Contains);
        await Assertions.Expect(budiParty).Not.ToContainTextAsync("secara bawaan", AgreementSteps.Contains);
        await Assertions.Expect(budi.GetByRole(AriaRole.Button, new() { NameRegex = AgreementSteps.ApproveButton() }))
            .ToHaveCountAsync(0, AgreementSteps.Count);
        await sari.ReloadAsync();
        await sari.GetByRole(AriaRole.Button, new() { NameRegex = AgreementSteps.ApproveButton() }).ClickAsync();
        await Assertions.Expect(sari.Locator(".agr-party", new() { HasText = "Dinas Pertanian" }))
            .ToContainTextAsync("Approved by Sari Dewi", AgreementSteps.Contains);

        // Rina, the owner, may change either party's; ticking exactly the admins goes back to the default.
        await rina.GotoAsync($"/p/{pid}/agreements/{id}");
        await Assertions.Expect(rina.Locator(".agr-sig-edit")).ToHaveCountAsync(2, AgreementSteps.Count);
        // Sari's approval redraws Budi's page live: his dialog opens on the page as it is after that.
        await Assertions.Expect(budiParty).ToContainTextAsync("Disetujui oleh Sari Dewi", AgreementSteps.Contains);
        await budi.GetByRole(AriaRole.Button, new() { Name = ChangeOwn }).ClickAsync();
        await dialog.GetByLabel("Sari Dewi").UncheckAsync();
        await dialog.GetByLabel("Budi Santoso (admin)").CheckAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Simpan penanda tangan" }).ClickAsync();
        await Assertions.Expect(budiParty)
            .ToContainTextAsync("Penanda tangan: Budi Santoso (adminnya, secara bawaan)", AgreementSteps.Contains);
        foreach (var page in new[] { rina, budi, sari })
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task AnObligationBecomesItemsAndAnAmendmentIsComparedSignedAndNamedOnItsClause()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var id = await AgreementSteps.SignedAgreementAsync(rina.Context, budi.Context, pid, Title);
        var agreementUrl = $"/p/{pid}/agreements/{id}";

        await AddObligationAsync(rina, budi, pid, agreementUrl);
        var amendmentUrl = await AmendAndCompareAsync(rina);
        await SignAmendmentAsync(rina, budi, amendmentUrl);

        // The agreement now reads as amended, and clause 5 names the amendment that changed it.
        await budi.GotoAsync(agreementUrl);
        await Assertions.Expect(budi.Locator("#agr-text"))
            .ToContainTextAsync("Reports follow within 15 days. Costs are shared", AgreementSteps.Contains);
        await Assertions.Expect(budi.Locator(".agr-clause-list li[data-clause='5']"))
            .ToContainTextAsync("diubah oleh adendum 1", AgreementSteps.Contains);
        await Assertions.Expect(budi.Locator(".agr-clause-list li[data-clause='4']"))
            .Not.ToContainTextAsync("adendum", AgreementSteps.Contains);
        await Assertions.Expect(budi.Locator("#agr-text h2", new() { HasText = "Profit and cost sharing" }))
            .ToContainTextAsync("diubah oleh adendum 1", AgreementSteps.Contains);
        await Assertions.Expect(budi.Locator(".agr-amendments"))
            .ToContainTextAsync("Adendum 1", AgreementSteps.Contains);
        await Assertions.Expect(budi.Locator("#agr-as-amended"))
            .ToContainTextAsync("sampai dengan adendum 1", AgreementSteps.Contains);

        await RaiseDisputeAsync(rina, pid, id);
        await ScreenshotsAsync(rina, pid, agreementUrl, amendmentUrl);
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    /// <summary>
    /// Rina adds a quarterly report to clause 5 for Dinas Pertanian: four items, Budi's, on his board.
    /// </summary>
    private static async Task AddObligationAsync(IPage rina, IPage budi, string pid, string agreementUrl)
    {
        await rina.GotoAsync(agreementUrl);
        await rina.GetByRole(AriaRole.Button, new() { Name = "Add an obligation" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await dialog.GetByLabel("Clause number")
            .SelectOptionAsync(new SelectOptionValue { Label = "§5 Profit and cost sharing" });
        await dialog.GetByLabel("What is due").FillAsync("Quarterly profit-sharing report");
        await dialog.GetByLabel("Responsible organisation")
            .SelectOptionAsync(new SelectOptionValue { Label = "Dinas Pertanian" });
        await dialog.GetByLabel("Start (first period)").FillAsync("2027-01-01");
        await dialog.Locator("button[type=submit]").ClickAsync();
        var obligation = rina.Locator(".agr-obl");
        await Assertions.Expect(obligation)
            .ToContainTextAsync("§5 · Quarterly profit-sharing report", AgreementSteps.Contains);
        await Assertions.Expect(obligation)
            .ToContainTextAsync("Dinas Pertanian · Every quarter", AgreementSteps.Contains);
        await Assertions.Expect(obligation.Locator(".agr-obl-items li")).ToHaveCountAsync(4, AgreementSteps.Count);
        await Assertions.Expect(obligation.Locator(".agr-obl-items li").First)
            .ToContainTextAsync("due 15 Apr 2027 · Budi Santoso", AgreementSteps.Contains);

        await budi.GotoAsync(agreementUrl);
        await Assertions.Expect(budi.Locator(".agr-obl"))
            .ToContainTextAsync("Dinas Pertanian · Setiap triwulan", AgreementSteps.Contains);
        await budi.Locator(".agr-obl-items a").First.ClickAsync();
        await Assertions.Expect(budi)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/actions\\?item=\\d+$"), AgreementSteps.Url);
        await Assertions.Expect(budi.Locator("dialog.form-dialog input[name=title]"))
            .ToHaveValueAsync("Quarterly profit-sharing report", AgreementSteps.Value);
        await budi.Keyboard.PressAsync("Escape");
        await Assertions.Expect(budi.GetByText("Quarterly profit-sharing report").First)
            .ToBeVisibleAsync(AgreementSteps.Visible);
    }

    /// <summary>Rina starts amendment 1, changes clause 5 and compares the signed text with it.</summary>
    private static async Task<string> AmendAndCompareAsync(IPage rina)
    {
        await rina.GetByRole(AriaRole.Button, new() { Name = "Start an amendment" }).ClickAsync();
        await Assertions.Expect(rina.Locator("#page-title"))
            .ToHaveTextAsync($"{Title} — Amendment 1", AgreementSteps.Text);
        await Assertions.Expect(rina.Locator(".page-head .agr-status")).ToHaveTextAsync("Draft", AgreementSteps.Text);
        var amendmentUrl = rina.Url;
        var doc = await rina.Context.NewPageAsync();
        await doc.GotoAsync(await rina.Locator("#agr-edit").GetAttributeAsync("href") ?? "");
        await Assertions.Expect(doc.Locator("#sync"))
            .ToHaveAttributeAsync("data-state", "saved", AgreementSteps.Attribute);
        // The clause's heading is one short line; the next character starts the clause's (wrapped) paragraph.
        await doc.Locator(".cm-line", new() { HasText = "5. Profit and cost sharing" }).ClickAsync();
        await doc.Keyboard.PressAsync("End");
        await doc.Keyboard.PressAsync("ArrowRight");
        await doc.Keyboard.TypeAsync("Reports follow within 15 days. ");
        await Assertions.Expect(doc.Locator("#sync"))
            .ToHaveAttributeAsync("data-state", "saved", AgreementSteps.Attribute);
        await doc.CloseAsync();

        await rina.ReloadAsync();
        await Assertions.Expect(rina.Locator("#agr-compare-form select[name=from]"))
            .ToHaveValueAsync("signed", AgreementSteps.Value);
        await rina.Locator("#agr-compare-form button[type=submit]").ClickAsync();
        // Word runs: the added sentence is marked, the words around it are not.
        await Assertions.Expect(rina.Locator("#diff-inline ins").First)
            .ToContainTextAsync("Reports follow within", AgreementSteps.Contains);
        await Assertions.Expect(rina.Locator("#diff-inline ins", new() { HasText = "quarter" }))
            .ToHaveCountAsync(0, AgreementSteps.Count);
        await rina.Locator("#diff-tab-sides").ClickAsync();
        var changed = rina.Locator("#diff-sides tr:not(.agr-same)", new() { HasText = "Reports follow" });
        await Assertions.Expect(changed).ToHaveCountAsync(1, AgreementSteps.Count);
        await Assertions.Expect(changed.Locator("td").Nth(1).Locator("ins").First)
            .ToContainTextAsync("Reports follow", AgreementSteps.Contains);
        await Assertions.Expect(changed.Locator("td").First)
            .Not.ToContainTextAsync("Reports follow", AgreementSteps.Contains);
        await Assertions.Expect(rina.Locator("#diff-sides th").First)
            .ToHaveTextAsync("Before (signed text)", AgreementSteps.Text);
        return amendmentUrl;
    }

    /// <summary>The amendment goes through the same sign-off: Rina sends and approves it, Budi approves it.</summary>
    private static async Task SignAmendmentAsync(IPage rina, IPage budi, string amendmentUrl)
    {
        await rina.GetByRole(AriaRole.Button, new() { Name = "Send for approval" }).ClickAsync();
        await rina.GetByRole(AriaRole.Button, new() { NameRegex = AgreementSteps.ApproveButton() }).ClickAsync();
        await Assertions.Expect(rina.Locator(".agr-party", new() { HasText = "Koperasi Maju" }))
            .ToContainTextAsync("Approved by Rina Wijaya", AgreementSteps.Contains);
        await budi.GotoAsync(amendmentUrl);
        await Assertions.Expect(budi.Locator(".page-head")).ToContainTextAsync("Adendum 1", AgreementSteps.Contains);
        await budi.GetByRole(AriaRole.Button, new() { NameRegex = AgreementSteps.ApproveButton() }).ClickAsync();
        await Assertions.Expect(budi.Locator(".page-head .agr-status"))
            .ToHaveTextAsync("Ditandatangani", AgreementSteps.Text);
        await Assertions.Expect(rina.Locator(".page-head .agr-status")).ToHaveTextAsync("Signed", AgreementSteps.Text);
        await Assertions.Expect(rina.Locator("#signature-page"))
            .ToContainTextAsync("Dinas Pertanian: Budi Santoso", AgreementSteps.Contains);
    }

    private static async Task RaiseDisputeAsync(IPage rina, string pid, string agreementId)
    {
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/disputes", new
        {
            title = "Q1 profit share not transferred", description = "The Q1 profit share is 20 days late.",
            category = "Payment", severity = "High", clause = new { agreementId, clause = "5" },
            evidence = Array.Empty<object>(),
        });
    }

    /// <summary>Budi invites a colleague of Dinas Pertanian, who joins as an editor without being its admin.</summary>
    private static async Task JoinAsync(IPage owner, IBrowserContext person, string pid, string name)
    {
        var email = await ApiSeed.SignUpAsync(person, name, "Dinas Pertanian");
        var view = await ApiSeed.GetAsync(owner, $"/api/partnerships/{pid}");
        var party = view.GetProperty("parties").EnumerateArray()
            .First(p => p.GetProperty("name").GetString() == "Dinas Pertanian").GetProperty("id").GetString();
        JsonElement invitation = await ApiSeed.PostAsync(owner, $"/api/partnerships/{pid}/invitations",
            new { partyId = party, email, role = "Editor", isPartyAdmin = false });
        var token = invitation.GetProperty("token").GetString();
        await ApiSeed.PostAsync(person, $"/api/invitations/{token}/accept", new { });
    }

    /// <summary>
    /// Every agreement and dispute page at 1280 and 390 px in English and Bahasa Indonesia: nothing wider than the
    /// window, axe-clean, a screenshot each.
    /// </summary>
    private static async Task ScreenshotsAsync(IPage page, string pid, string agreementUrl, string amendmentUrl)
    {
        var found = new List<string>();
        var dispute = (await ApiSeed.GetAsync(page, $"/api/partnerships/{pid}/disputes"))[0]
            .GetProperty("id").GetString();
        foreach (var language in new[] { "en", "id" })
        {
            await page.EvaluateAsync($"() => localStorage.setItem('lang', '{language}')");
            foreach (var width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
                var shots = new (string Name, string Url, string Ready)[]
                {
                    ("agreements-list", $"/p/{pid}/agreements", ".agr-row.agr-amendment"),
                    ("agreement-signed", agreementUrl, "#signature-page"),
                    ("amendment", amendmentUrl, "#signature-page"),
                    ("disputes-list", $"/p/{pid}/disputes", ".dispute-row"),
                    ("dispute", $"/p/{pid}/disputes/{dispute}", "#clause-link"),
                };
                foreach (var (name, url, ready) in shots)
                {
                    await page.GotoAsync(url);
                    await Assertions.Expect(page.Locator(ready).First).ToBeVisibleAsync(AgreementSteps.Visible);
                    await LayoutChecks.AssertFitsAsync(page, $"{name} {language} {width}");
                    await AgreementSteps.ShootAsync(page, $"{name}-{language}-{width}");
                    found.AddRange(await Axe.SeriousViolationsAsync(page, $"{name} {language} {width}"));
                }
                await CompareShotAsync(page, amendmentUrl, $"{language}-{width}", found);
            }
        }
        await page.EvaluateAsync("() => localStorage.setItem('lang', 'en')");
        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    private static async Task CompareShotAsync(IPage page, string amendmentUrl, string suffix, List<string> found)
    {
        await page.GotoAsync(amendmentUrl);
        await page.Locator("#agr-compare-form button[type=submit]").ClickAsync();
        await page.Locator("#diff-tab-sides").ClickAsync();
        await Assertions.Expect(page.Locator("#diff-sides")).ToBeVisibleAsync(AgreementSteps.Visible);
        await page.Locator("#agr-diff").ScrollIntoViewIfNeededAsync();
        await LayoutChecks.AssertFitsAsync(page, $"compare {suffix}");
        await AgreementSteps.ShootAsync(page, $"agreement-compare-{suffix}");
        found.AddRange(await Axe.SeriousViolationsAsync(page, $"compare {suffix}"));
    }
}
