using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>
/// A tab keeps one connection to the documents hub across its pages (core/documentsLive.js): going from document to
/// document reuses it, and what a left page opened on it is closed — the left document's edits and cursors stop
/// coming, and the person's cursor leaves the others' editors at once.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SharedDocumentsConnectionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ListDocumentListDocumentUsesOneConnectionAndNothingOfTheLeftDocumentComesThrough()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, docA) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var docB = (await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/documents", new { title = "Budget" }))
            .GetProperty("id").GetString()!;
        var sockets = new List<string>();
        var framesOfA = new List<string>(); // what reached Rina's page about document A once Budi typed in it
        var budiTypesInA = false;
        rina.WebSocket += (_, socket) =>
        {
            if (!socket.Url.Contains("/hubs/documents", StringComparison.Ordinal)) return;
            lock (sockets) sockets.Add(socket.Url);
            socket.FrameReceived += (_, frame) =>
            {
                if (Volatile.Read(ref budiTypesInA) && frame.Text?.Contains(docA, StringComparison.Ordinal) == true)
                {
                    lock (framesOfA) framesOfA.Add(frame.Text);
                }
            };
        };
        await budi.GotoAsync($"/p/{pid}/docs/{docA}");
        await Expect(budi.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        // List → A: Rina types, and Budi sees her there.
        await rina.GotoAsync($"/p/{pid}/docs");
        await rina.Locator($".doc-list a[href='/p/{pid}/docs/{docA}']").ClickAsync();
        await TypeSavedAsync(rina, "Plan A.");
        var rinaInBudisEditor = budi.Locator(".presence .avatar[title='Rina Wijaya']");
        await Expect(rinaInBudisEditor).ToHaveCountAsync(1);

        // → the list: her cursor leaves Budi's editor at once (the connection stays up, the document is closed on it).
        await rina.Locator("a.back").ClickAsync();
        await Expect(rina.Locator(".doc-list")).ToBeVisibleAsync();
        await Expect(rinaInBudisEditor).ToHaveCountAsync(0);

        // → B: Rina types there.
        await rina.Locator($".doc-list a[href='/p/{pid}/docs/{docB}']").ClickAsync();
        await TypeSavedAsync(rina, "Budget B.");

        // Budi types in A, then in B. Pushes reach one connection in the order they were sent, so once Budi's words in
        // B are in Rina's editor, anything of A sent to her would have arrived before them.
        Volatile.Write(ref budiTypesInA, true);
        await TypeSavedAsync(budi, "Budi on A.");
        await budi.GotoAsync($"/p/{pid}/docs/{docB}");
        await TypeSavedAsync(budi, "Budi on B.");
        await Expect(rina.Locator(".cm-content")).ToContainTextAsync("Budi on B.");

        var textA = (await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}/documents/{docA}"))
            .GetProperty("text").GetString()!;
        var textB = (await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}/documents/{docB}"))
            .GetProperty("text").GetString()!;
        var shownB = await rina.Locator(".cm-content").InnerTextAsync();
        Assert.Single(sockets);
        lock (framesOfA) Assert.Empty(framesOfA);
        Assert.Contains("Plan A.", textA, StringComparison.Ordinal);
        Assert.Contains("Budi on A.", textA, StringComparison.Ordinal);
        Assert.DoesNotContain("Budget B.", textA, StringComparison.Ordinal);
        Assert.Contains("Budget B.", textB, StringComparison.Ordinal);
        Assert.Contains("Budi on B.", textB, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan A.", textB, StringComparison.Ordinal);
        Assert.DoesNotContain("on A.", textB, StringComparison.Ordinal);
        Assert.DoesNotContain("on A.", shownB, StringComparison.Ordinal);
        Assert.DoesNotContain("Plan A.", shownB, StringComparison.Ordinal);
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    // The same path on a phone in Bahasa Indonesia: nothing a person sees changes; the screenshot is there to look at.
    [Fact]
    public async Task ThePhonePageAfterListDocumentListDocumentInIndonesian()
    {
        var page = await fixture.NewPageAsync("id-ID", 390, 844);
        var (pid, _) = await EditorInput.OpenNewDocumentAsync(page, "Sari", "Koperasi", "Kopi", "Rencana panen");
        var docB = (await ApiSeed.PostAsync(page, $"/api/partnerships/{pid}/documents", new { title = "Anggaran" }))
            .GetProperty("id").GetString()!;
        await TypeSavedAsync(page, "Panen pertama bulan Maret.");

        await page.Locator("a.back").ClickAsync();
        await page.Locator($".doc-list a[href='/p/{pid}/docs/{docB}']").ClickAsync();
        await TypeSavedAsync(page, "Anggaran gudang.");

        await Expect(page.Locator("#doc-title")).ToHaveTextAsync("Anggaran");
        await Expect(page.Locator("#sync")).ToHaveTextAsync("Tersimpan");
        await Expect(page.Locator(".cm-content")).Not.ToContainTextAsync("Panen pertama");
        await BrowserFixture.ScreenshotAsync(page, "documents-next-document-phone-id");
        await page.Context.CloseAsync();
    }

    private static async Task TypeSavedAsync(IPage page, string text)
    {
        await Expect(page.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await page.Locator(".cm-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(text);
        await Expect(page.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(page.Locator(".cm-content")).ToContainTextAsync(text);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
