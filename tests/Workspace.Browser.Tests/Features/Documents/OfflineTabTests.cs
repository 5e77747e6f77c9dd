using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>Edits typed offline survive closing the tab: leaving asks first, and the next visit sends them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineTabTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EditsTypedOfflineSurviveClosingTheTabAndLandOnTheNextVisit()
    {
        var first = await fixture.NewPageAsync();
        await ApiSeed.SignUpAsync(first, "Wulan Sari", "Koperasi Tani");
        var p = await ApiSeed.PostAsync(
            first,
            "/api/partnerships",
            new { name = "Seed bank", organisation = "Koperasi Tani" });
        var pid = p.GetProperty("id").GetGuid();
        var doc = await ApiSeed.PostAsync(first, $"/api/partnerships/{pid}/documents", new { title = "Field notes" });
        var url = $"/p/{pid}/docs/{doc.GetProperty("id").GetGuid()}";
        await first.GotoAsync(url);
        await Assertions.Expect(first.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        await first.Context.SetOfflineAsync(true);
        // The page drops its socket when the browser says it is offline; typed before that, the words would still go.
        await Assertions.Expect(first.Locator("#sync")).ToHaveAttributeAsync("data-state", "offline");
        await first.Locator(".cm-content").ClickAsync();
        await first.Keyboard.TypeAsync("Written on the train, no signal.");
        await Assertions.Expect(first.Locator("#sync")).ToContainTextAsync("changes pending");

        // Leaving now would ask first (the page cancels beforeunload while edits are pending)…
        var wouldAsk = await first.EvaluateAsync<bool>(
            "() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return "
                + "e.defaultPrevented; }");
        Assert.True(wouldAsk);
        // …and if the person leaves anyway, the edits stay in this browser's storage.
        await first.CloseAsync();

        await first.Context.SetOfflineAsync(false);
        var again = await first.Context.NewPageAsync();
        await again.GotoAsync(url);
        await Assertions.Expect(again.Locator(".cm-content")).ToContainTextAsync("Written on the train, no signal.");
        await Assertions.Expect(again.Locator("#sync"))
            .ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 30_000 });
        var stored = await ApiSeed.GetAsync(
            again,
            $"/api/partnerships/{pid}/documents/{doc.GetProperty("id").GetGuid()}");
        Assert.Equal("Written on the train, no signal.", stored.GetProperty("text").GetString());
    }

    // Each paste is under the 100,000 characters one change may hold, both together are over it. The page composes
    // edits made offline into one; sent as one, the server refused it and the page dropped both pastes.
    [Fact]
    public async Task TwoLargePastesMadeOfflineBothLandOnceBackOnline()
    {
        var page = await fixture.NewPageAsync();
        var (pid, docId) = await EditorInput.OpenNewDocumentAsync(
            page, "Wulan Sari", "Koperasi Tani", "Seed bank", "Field notes");

        await page.Context.SetOfflineAsync(true);
        await Assertions.Expect(page.Locator("#sync")).ToHaveAttributeAsync("data-state", "offline");
        await page.Locator(".cm-content").ClickAsync();
        var first = string.Concat(Enumerable.Repeat("Seed lot A: 40 kg of padi.\n", 2_400));
        var second = string.Concat(Enumerable.Repeat("Seed lot B: 25 kg of jagung 🌽.\n", 2_000));
        await EditorInput.PasteAsync(page, first);
        await EditorInput.PasteAsync(page, second);
        await Assertions.Expect(page.Locator("#sync")).ToContainTextAsync("changes pending");

        await page.Context.SetOfflineAsync(false);
        await Assertions.Expect(page.Locator("#sync"))
            .ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 30_000 });
        var stored = await ApiSeed.GetAsync(page, $"/api/partnerships/{pid}/documents/{docId}");
        Assert.Equal(first + second, stored.GetProperty("text").GetString());
    }
}
