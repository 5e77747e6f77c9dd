using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Agreements;

/// <summary>
/// Rina replaces the whole agreement with a new text; comparing it with the first revision is too large a rewrite
/// to mark word by word, and the page says so. Rina: desktop, English; Budi: 390 px, Indonesian.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgreementCompareBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ALargeRewriteIsComparedLineByLineWithANote()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var created = await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/agreements",
            new { title = "Rice supply agreement", language = "en" });
        var agreementUrl = $"/p/{pid}/agreements/{created.GetProperty("id").GetString()}";

        await rina.GotoAsync(agreementUrl);
        var doc = await rina.Context.NewPageAsync();
        await doc.GotoAsync(await rina.Locator("#agr-edit").GetAttributeAsync("href") ?? "");
        await Assertions.Expect(doc.Locator("#sync"))
            .ToHaveAttributeAsync("data-state", "saved", AgreementSteps.Attribute);
        await doc.Locator(".cm-content").ClickAsync();
        await doc.Keyboard.PressAsync("ControlOrMeta+a");
        await doc.Keyboard.InsertTextAsync(Rewrite());
        await Assertions.Expect(doc.Locator("#sync"))
            .ToHaveAttributeAsync("data-state", "saved", AgreementSteps.Attribute);
        await doc.CloseAsync();

        await CompareAsync(rina, agreementUrl, "Too many changes to mark word by word; changed lines are shown whole.",
            "compare-coarse-en-1280");
        await CompareAsync(budi, agreementUrl, "Perubahannya terlalu banyak untuk ditandai kata demi kata; baris yang "
            + "berubah ditampilkan utuh.", "compare-coarse-id-390");
    }

    private static async Task CompareAsync(IPage page, string agreementUrl, string note, string shot)
    {
        await page.GotoAsync(agreementUrl);
        await page.Locator("#agr-compare-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#agr-diff .agr-diff-coarse")).ToHaveTextAsync(note, AgreementSteps.Text);
        await Assertions.Expect(page.Locator("#diff-inline ins").First)
            .ToContainTextAsync("Clause 1:", AgreementSteps.Contains);
        // In one turn of the page: a live refresh of the agreement (its text was just edited) redraws the page, and
        // #agr-diff with it (the comparison is kept), which detached the element under a Playwright scroll in a CI run.
        await page.EvaluateAsync("() => document.querySelector('#agr-diff').scrollIntoView({ block: 'nearest' })");
        await LayoutChecks.AssertFitsAsync(page, shot);
        await AgreementSteps.ShootAsync(page, shot);
    }

    /// <summary>600 lines of other words: far more than one comparison marks word by word.</summary>
    private static string Rewrite()
    {
        string[] words = ["harvest", "delivery", "warehouse", "cooperative", "tonnes", "grade", "moisture", "sack",
            "truck", "season", "buyer", "seller", "weight", "price", "storage", "quality"];
        var random = new Random(3);
        return string.Join('\n', Enumerable.Range(1, 600).Select(i => $"Clause {i}: " + string.Join(' ',
            Enumerable.Range(0, 16).Select(_ => words[random.Next(words.Length)]))));
    }
}
