using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Agreements;

/// <summary>
/// Two organisations write an agreement from the template, approve it, see an approval reset by an edit, approve
/// again and end with a signed, read-only agreement with its signature page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AgreementsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task BothPartiesDraftApproveSeeAResetAndSignAReadOnlyAgreement()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");

        // Rina starts an agreement from the English template.
        await rina.GotoAsync($"/p/{pid}/agreements");
        await rina.GetByRole(AriaRole.Button, new() { Name = "New agreement" }).ClickAsync();
        await rina.GetByLabel("Title").FillAsync("Rice supply agreement");
        await rina.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(rina.Locator("#page-title")).ToHaveTextAsync("Rice supply agreement");
        await Assertions.Expect(rina.Locator(".agr-clause-list li")).ToHaveCountAsync(11);
        var agreementUrl = rina.Url;

        // Both edit the draft in the co-editor.
        var rinaDoc = await rina.Context.NewPageAsync();
        await rinaDoc.GotoAsync(await rina.Locator("#agr-edit").GetAttributeAsync("href") ?? "");
        await TypeAtEndAsync(rinaDoc, "\nSigned in Yogyakarta.");
        await budi.GotoAsync(agreementUrl);
        var budiDoc = await budi.Context.NewPageAsync();
        await budiDoc.GotoAsync(await budi.Locator("#agr-edit").GetAttributeAsync("href") ?? "");
        await Assertions.Expect(budiDoc.Locator(".cm-content")).ToContainTextAsync("Signed in Yogyakarta.");
        await TypeAtEndAsync(budiDoc, "\nDelivery starts in March.");
        await Assertions.Expect(rinaDoc.Locator(".cm-content")).ToContainTextAsync("Delivery starts in March.");

        // Rina sends it for approval and approves for Koperasi Maju.
        await rina.ReloadAsync();
        await rina.GetByRole(AriaRole.Button, new() { Name = "Send for approval" }).ClickAsync();
        await rina.GetByRole(AriaRole.Button, new() { NameRegex = ApproveName() }).ClickAsync();
        var rinaParty = rina.Locator(".agr-party", new() { HasText = "Koperasi Maju" });
        await Assertions.Expect(rinaParty).ToContainTextAsync("Approved by Rina Wijaya");

        // Budi edits: Rina's approval is reset, and both see who edited and when.
        await Assertions.Expect(budi.Locator(".agr-party", new() { HasText = "Koperasi Maju"
            })).ToContainTextAsync("Approved by Rina Wijaya");
        await TypeAtEndAsync(budiDoc, " Prices are fixed per quarter.");
        await Assertions.Expect(rina.Locator("#agr-reset")).ToContainTextAsync("Budi Santoso edited the text");
        await Assertions.Expect(rina.Locator("#agr-reset")).ToContainTextAsync("Rina Wijaya had approved");
        await Assertions.Expect(budi.Locator("#agr-reset")).ToContainTextAsync("Budi Santoso edited the text");
        await Assertions.Expect(rinaParty).ToContainTextAsync("Waiting for approval");
        await BrowserFixture.ScreenshotAsync(rina, "agreements-reset-en-1280");

        // Both approve the same revision (the pages follow the text as it is typed): signed, with a signature page,
        // and read-only.
        await Assertions.Expect(rina.Locator("#agr-text")).ToContainTextAsync("Prices are fixed per quarter.");
        await Assertions.Expect(budi.Locator("#agr-text")).ToContainTextAsync("Prices are fixed per quarter.");
        await rina.GetByRole(AriaRole.Button, new() { NameRegex = ApproveName() }).ClickAsync();
        await Assertions.Expect(rinaParty).ToContainTextAsync("Approved by Rina Wijaya");
        await budi.GetByRole(AriaRole.Button, new() { NameRegex = ApproveName() }).ClickAsync();
        foreach (var page in new[] { rina, budi })
        {
            await Assertions.Expect(page.Locator(".page-head .agr-status")).ToHaveTextAsync("Signed");
            await Assertions.Expect(page.Locator("#signature-page")).ToContainTextAsync("Koperasi Maju: Rina Wijaya");
            await Assertions.Expect(page.Locator("#signature-page"))
                .ToContainTextAsync("Dinas Pertanian: Budi Santoso");
            await Assertions.Expect(page.Locator("#agr-edit")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("#agr-text")).ToContainTextAsync("Prices are fixed per quarter.");
        }
        var signedText = await budiDoc.Locator(".cm-content").InnerTextAsync();
        // The open editor turned read-only when the agreement was signed, and says why.
        await Assertions.Expect(budiDoc.Locator(".cm-edit-refused")).ToContainTextAsync("Signed");
        await TypeAtEndAsync(budiDoc, " Late change.", waitSaved: false);
        await Assertions.Expect(budiDoc.Locator(".cm-content")).Not.ToContainTextAsync("Late change.");
        await budi.ReloadAsync();
        await Assertions.Expect(budi.Locator("#agr-text")).Not.ToContainTextAsync("Late change.");
        Assert.DoesNotContain("Late change.", await budi.Locator("#agr-text").InnerTextAsync(),
            StringComparison.Ordinal);
        Assert.Contains("Prices are fixed per quarter.", signedText, StringComparison.Ordinal);

        await ScreenshotsAsync(rina, agreementUrl);
    }

    private static Regex ApproveName() => ApproveButton();

    [GeneratedRegex(@"^Approve revision \d+$")]
    private static partial Regex ApproveButton();

    private static async Task TypeAtEndAsync(IPage doc, string text, bool waitSaved = true)
    {
        await Assertions.Expect(doc.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await doc.Locator(".cm-content").ClickAsync();
        await doc.Keyboard.PressAsync("Control+End");
        await doc.Keyboard.TypeAsync(text);
        if (waitSaved)
        {
            await Assertions.Expect(doc.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        }
    }

    /// <summary>The signed agreement and a comparison, at 1280 and 390 px, in English and Bahasa Indonesia.</summary>
    private static async Task ScreenshotsAsync(IPage page, string url)
    {
        var violations = new List<string>();
        foreach (var language in new[] { "en", "id" })
        {
            await page.EvaluateAsync($"() => localStorage.setItem('lang', '{language}')");
            foreach (var width in new[] { 1280, 390 })
            {
                await page.SetViewportSizeAsync(width, width == 390 ? 844 : 900);
                await page.GotoAsync(url);
                await Assertions.Expect(page.Locator("#signature-page")).ToBeVisibleAsync();
                await page.Locator("#agr-compare-form button[type=submit]").ClickAsync();
                await Assertions.Expect(page.Locator("#diff-inline")).ToBeVisibleAsync();
                await LayoutChecks.AssertFitsAsync(page, $"agreement {language} {width}");
                await BrowserFixture.ScreenshotAsync(page, $"agreements-signed-{language}-{width}");
                violations.AddRange(await Axe.SeriousViolationsAsync(page, $"agreement {language} {width}"));
                await page.Locator("#diff-tab-sides").ClickAsync();
                await Assertions.Expect(page.Locator("#diff-sides")).ToBeVisibleAsync();
                violations.AddRange(await Axe.SeriousViolationsAsync(page, $"side by side {language} {width}"));
            }
            await page.GotoAsync(url[..url.LastIndexOf('/')]);
            await Assertions.Expect(page.Locator(".agr-row")).ToHaveCountAsync(1);
            violations.AddRange(await Axe.SeriousViolationsAsync(page, $"list {language}"));
            await BrowserFixture.ScreenshotAsync(page, $"agreements-list-{language}-390");
        }
        Assert.Empty(violations);
        await page.EvaluateAsync("() => localStorage.setItem('lang', 'en')");
        // The dashboard carries the agreements' tile (nothing awaits Rina: the agreement is signed).
        await page.GotoAsync(url[..url.IndexOf("/agreements", StringComparison.Ordinal)]);
        await Assertions.Expect(page.Locator("#agreements-tile")).ToContainTextAsync("Nothing awaits you.");
        await BrowserFixture.ScreenshotAsync(page, "agreements-dashboard-tile-en-1280");
    }
}
