using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features;

/// <summary>Edits typed offline survive closing the tab: the browser asks first, and the next visit sends them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OfflineTabTests(BrowserFixture fixture)
{
    [Fact]
    public async Task EditsTypedOfflineSurviveClosingTheTabAndLandOnTheNextVisit()
    {
        var first = await fixture.NewPageAsync();
        await ApiSeed.SignUpAsync(first, "Wulan Sari", "Koperasi Tani");
        var p = await ApiSeed.PostAsync(first, "/api/partnerships", new { name = "Seed bank", organisation = "Koperasi Tani" });
        var pid = p.GetProperty("id").GetGuid();
        var doc = await ApiSeed.PostAsync(first, $"/api/partnerships/{pid}/documents", new { title = "Field notes" });
        var url = $"/p/{pid}/docs/{doc.GetProperty("id").GetGuid()}";
        await first.GotoAsync(url);
        await Assertions.Expect(first.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        await first.Context.SetOfflineAsync(true);
        await first.Locator(".cm-content").ClickAsync();
        await first.Keyboard.TypeAsync("Written on the train, no signal.");
        await Assertions.Expect(first.Locator("#sync")).ToContainTextAsync("changes pending");

        var asked = new TaskCompletionSource<string>();
        first.Dialog += async (_, dialog) =>
        {
            asked.TrySetResult(dialog.Type);
            await dialog.AcceptAsync();
        };
        await first.CloseAsync(new() { RunBeforeUnload = true });
        Assert.Equal("beforeunload", await asked.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));

        await first.Context.SetOfflineAsync(false);
        var again = await first.Context.NewPageAsync();
        await again.GotoAsync(url);
        await Assertions.Expect(again.Locator(".cm-content")).ToContainTextAsync("Written on the train, no signal.");
        await Assertions.Expect(again.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 15_000 });
        var stored = await ApiSeed.GetAsync(again, $"/api/partnerships/{pid}/documents/{doc.GetProperty("id").GetGuid()}");
        Assert.Equal("Written on the train, no signal.", stored.GetProperty("text").GetString());
    }
}
