using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workspace.Browser.Tests.Features.Search;

/// <summary>
/// Search from the top bar: Rina (desktop, English) presses "/", finds a word that is in a document and in an action
/// item, and opens the document; Budi (phone, Indonesian) searches in Indonesian and reads Indonesian labels, and
/// sees the friendly message when nothing is found.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SearchBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task RinaPressesSlashFindsADocumentAndAnActionItemAndOpensTheDocument()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, docId) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        await ItemAsync(rina, pid, "Ship mangosteen samples to the buyer");
        await rina.GotoAsync($"/p/{pid}/docs/{docId}");
        await Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await rina.Locator(".cm-content").ClickAsync();
        await rina.Keyboard.TypeAsync("# Harvest\n\nRoute: Bogor/Jakarta by truck.\n\nWe sell Mangosteen in March.\n");
        await Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        // "/" typed in the editor stays in the editor.
        await Expect(rina.Locator(".cm-content")).ToContainTextAsync("Bogor/Jakarta");
        await Expect(rina.Locator("#search-input")).Not.ToBeFocusedAsync();

        await rina.GotoAsync($"/p/{pid}");
        await Expect(rina.Locator("#main h1")).ToBeVisibleAsync();
        await rina.Locator("body").PressAsync("/");
        await Expect(rina.Locator("#search-input")).ToBeFocusedAsync();
        await rina.Keyboard.TypeAsync("zzz");
        await rina.Keyboard.PressAsync("Escape");
        await Expect(rina.Locator("#search-input")).ToHaveValueAsync("");
        await rina.Keyboard.TypeAsync("mangosteen");
        await rina.Keyboard.PressAsync("Enter");

        await Expect(rina).ToHaveURLAsync(new Regex($"/p/{pid}/search\\?q=mangosteen$"));
        await Expect(rina.Locator("#main h1")).ToHaveTextAsync("Search");
        var documents = rina.Locator(".search-group[data-kind=documents]");
        var actions = rina.Locator(".search-group[data-kind=actions]");
        await Expect(documents.Locator("h2")).ToContainTextAsync("Documents 1");
        await Expect(actions.Locator("h2")).ToContainTextAsync("Action items 1");
        await Expect(documents.Locator(".search-snippet mark")).ToHaveTextAsync("Mangosteen");
        await Expect(documents.Locator(".search-where")).ToHaveTextAsync("line 5 · under “Harvest”");
        await Expect(actions.Locator("a.search-hit mark")).ToHaveTextAsync("mangosteen");
        await Expect(rina.Locator(".search-summary")).ToHaveTextAsync("2 results for “mangosteen”");
        await BrowserFixture.ScreenshotAsync(rina, "search-document-en-1280");

        await documents.Locator("a.search-hit").ClickAsync();
        await Expect(rina).ToHaveURLAsync(new Regex($"/p/{pid}/docs/{docId}\\?line=5$"));
        await Expect(rina.Locator(".cm-content")).ToContainTextAsync("We sell Mangosteen in March.");
        // The document opens with the cursor on the line where the word was found.
        await Expect(rina.Locator(".cm-activeLine")).ToHaveTextAsync("We sell Mangosteen in March.");
        await rina.GoBackAsync();
        await Expect(actions.Locator("a.search-hit")).ToHaveAttributeAsync("href", $"/p/{pid}/actions?item=1");
        await Expect(rina.Locator("#search-input")).ToHaveValueAsync("mangosteen");
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    [Fact]
    public async Task BudiSearchesInIndonesianOnHisPhoneAndSeesIndonesianLabelsAndTheEmptyState()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, docId) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Viewer");
        await ItemAsync(rina, pid, "Kirim sampel manggis ke pembeli di Jakarta");
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/documents/{docId}/comments",
            new { body = "Manggis dari Bogor lebih manis" });
        await ItemAsync(rina, pid, "Hitung biaya <b>gudang</b> manggis");
        var party = (await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}")).GetProperty("parties")[0]
            .GetProperty("id").GetString();
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/goals", new
        {
            title = "Ekspor manggis ke Singapura", description = "Manggis kelas A dari kebun anggota koperasi.",
            successCriteria = "", ownerPartyId = party, targetDate = "2027-06-30", status = "OnTrack", version = 0,
        });

        await budi.GotoAsync($"/p/{pid}");
        await Expect(budi.Locator("#search-input")).Not.ToBeVisibleAsync();
        await budi.GetByRole(AriaRole.Button, new() { Name = "Cari", Exact = true }).ClickAsync();
        await Expect(budi.Locator("#search-input")).ToBeFocusedAsync();
        await Expect(budi.Locator("#search-input")).ToHaveAttributeAsync("placeholder", "Cari…");
        await budi.Locator("#search-input").FillAsync("MANGGIS kirim");
        await budi.Locator("#search-input").PressAsync("Enter");
        await Expect(budi.Locator("#main h1")).ToHaveTextAsync("Pencarian");
        await Expect(budi.Locator(".search-summary")).ToHaveTextAsync("1 hasil untuk “MANGGIS kirim”");

        await budi.Locator("#search-again-input").FillAsync("manggis");
        await budi.Locator("#search-again-input").PressAsync("Enter");
        await Expect(budi.Locator(".search-summary")).ToHaveTextAsync("4 hasil untuk “manggis”");
        var comments = budi.Locator(".search-group[data-kind=comments]");
        await Expect(comments.Locator("h2")).ToContainTextAsync("Komentar 1");
        await Expect(comments.Locator("a.search-hit")).ToHaveAttributeAsync("href", $"/p/{pid}/docs/{docId}");
        await Expect(budi.Locator(".search-group[data-kind=actions] h2")).ToContainTextAsync("Tindak lanjut 2");
        await Expect(budi.Locator(".search-group[data-kind=goals] h2")).ToContainTextAsync("Tujuan & KPI 1");
        // User text is text: the "<b>" of a title is shown, never made bold.
        await Expect(budi.Locator(".search-group[data-kind=actions] a.search-hit", new() { HasText = "gudang" }))
            .ToContainTextAsync("<b>gudang</b>");
        await Expect(budi.Locator(".search-page b")).ToHaveCountAsync(0);
        await Expect(budi.Locator(".search-group[data-kind=goals] .search-snippet mark")).ToHaveTextAsync("Manggis");
        await rina.GotoAsync($"/p/{pid}/search?q=manggis");
        await Expect(rina.Locator(".search-summary")).ToHaveTextAsync("4 results for “manggis”");
        await Expect(rina.Locator(".search-group[data-kind=comments] h2")).ToContainTextAsync("Comments 1");
        await LayoutChecks.AssertFitsAsync(budi, "search results at 390 px");
        await LayoutChecks.ShootBothAsync(rina, budi, "search-results");

        await budi.GotoAsync($"/p/{pid}/search?q=durian");
        await Expect(budi.Locator(".search-none")).ToHaveTextAsync(
            "Tidak ada hasil untuk “durian”. Coba kata lain atau lebih sedikit kata.");
        await rina.GotoAsync($"/p/{pid}/search?q=durian");
        await Expect(rina.Locator(".search-none")).ToContainTextAsync("Nothing found for “durian”");
        await LayoutChecks.ShootBothAsync(rina, budi, "search-empty");

        await budi.GotoAsync($"/p/{pid}/search?q=x");
        await Expect(budi.Locator(".search-page [role=alert]")).ToHaveTextAsync("Pencarian minimal 2 karakter.");
        await budi.GetByRole(AriaRole.Button, new() { Name = "Cari", Exact = true }).First.ClickAsync();
        await Expect(budi.Locator("#search-input")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(budi, "search-box-open-id-390");
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    private static Task<System.Text.Json.JsonElement> ItemAsync(IPage page, string pid, string title) =>
        ApiSeed.PostAsync(page, $"/api/partnerships/{pid}/action-items", new
        {
            title, notes = "", ownerUserId = (string?)null, dueDate = (string?)null, status = "Open", version = 0,
        });
}
