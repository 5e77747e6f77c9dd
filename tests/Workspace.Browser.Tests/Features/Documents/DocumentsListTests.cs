using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>The documents list in Indonesian: a new document opens under its title and is saved. It needs no server of
/// its own (nothing is restarted), so it runs on the shared one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DocumentsListTests(BrowserFixture fixture)
{
    [Fact]
    public async Task DocumentsListShowsCreatedDocumentsInIndonesian()
    {
        var page = await fixture.NewPageAsync("id-ID", 1280, 760);
        await ApiSeed.SignUpAsync(page, "Sari", "Koperasi");
        var pid = (await ApiSeed.PostAsync(
            page,
            "/api/partnerships",
            new { name = "Kopi", organisation = "Koperasi" }))
            .GetProperty("id")
            .GetString();

        await page.GotoAsync($"/p/{pid}/docs");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rencana & dokumen" })).ToBeVisibleAsync();
        await page.GetByLabel("Judul").FillAsync("Rencana panen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat" }).ClickAsync();

        await Expect(page.Locator("#doc-title")).ToHaveTextAsync("Rencana panen");
        await Expect(page.Locator("#sync")).ToHaveTextAsync("Tersimpan");
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
