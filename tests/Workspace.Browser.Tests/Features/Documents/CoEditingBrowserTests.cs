using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Documents;

/// <summary>
/// Two people in real Chromium editing one document against a real server process, which the test
/// restarts (SIGKILL) to prove the text survives.
/// </summary>
public sealed class CoEditingBrowserTests : ServerProcessBrowserTest
{
    // Both pages start typing as soon as they say "Saved", which they only say once the server's text is
    // there (this test once caught an editor that accepted keys before its text had loaded).
    [Fact]
    public async Task TwoPeopleTypeTogetherSeeEachOtherAndNothingIsLostOfflineOrAcrossARestart()
    {
        var rina = await NewPersonAsync("Rina Wijaya");
        var budi = await NewPersonAsync("Budi Santoso");
        // Budi's organisation joins through the real invitation flow.
        var (pid, docId) = await ApiSeed.TwoOrganisationsAsync(rina, budi, "Budi Santoso", "Editor");
        // The partnership grain caches its members: a restart reloads them (and proves the restart path).
        await RestartAsync();

        var pageA = await rina.NewPageAsync();
        var pageB = await budi.NewPageAsync();
        // Anything the editors warn about (a failed submit, say) goes to the test output.
        pageA.Console += (_, m) =>
            { if (m.Type is "warning" or "error") Console.WriteLine($"page A {m.Type}: {m.Text}"); };
        pageB.Console += (_, m) =>
            { if (m.Type is "warning" or "error") Console.WriteLine($"page B {m.Type}: {m.Text}"); };
        await pageA.GotoAsync($"/p/{pid}/docs/{docId}");
        await Expect(pageA.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await pageA.Locator(".cm-content").ClickAsync();
        await pageA.Keyboard.TypeAsync("# Joint plan\n\nGoals for 2027 🌾\n\n");
        await pageB.GotoAsync($"/p/{pid}/docs/{docId}");
        await Expect(pageB.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(pageB.Locator(".cm-content")).ToContainTextAsync("Goals for 2027 🌾");

        await pageB.Locator(".cm-content").ClickAsync();
        await pageB.Keyboard.PressAsync("Control+End");
        await Task.WhenAll(
            pageA.Keyboard.TypeAsync("Rina: we deliver 40 tonnes of rice by March.\n", new() { Delay = 15 }),
            pageB.Keyboard.TypeAsync("Budi: the agency approves the storage budget.\n", new() { Delay = 15 }));

        // Generous: on a loaded CI machine two pages typing at once can take a while to drain.
        await Expect(pageA.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 30_000 });
        await Expect(pageB.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 30_000 });
        // "Saved" on a page says its own edits are on the server, not that the other's last edits have reached it yet:
        // both pages are read again until they agree.
        var textA = await SameTextAsync(pageA, pageB, "both pages show the same text");
        Assert.Contains("Rina: we deliver 40 tonnes of rice by March.", textA, StringComparison.Ordinal);
        Assert.Contains("Budi: the agency approves the storage budget.", textA, StringComparison.Ordinal);
        await Expect(pageA.Locator(".cm-remote-caret[data-name='Budi Santoso']")).ToBeVisibleAsync();
        await Expect(pageB.Locator(".cm-remote-caret[data-name='Rina Wijaya']")).ToBeVisibleAsync();
        await Expect(pageA.Locator(".doc-preview h1")).ToHaveTextAsync("Joint plan");
        await Expect(pageA.Locator(".doc-preview")).ToContainTextAsync("approves the storage budget");
        await Expect(pageB.Locator(".doc-preview")).ToContainTextAsync("40 tonnes of rice");
        await Expect(pageA.Locator(".presence .avatar")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(pageA, "documents-editor-two-users-rina");
        await BrowserFixture.ScreenshotAsync(pageB, "documents-editor-two-users-budi");

        // Budi goes offline and keeps typing: the edits wait, visibly, and arrive when he is back.
        await budi.SetOfflineAsync(true);
        await Expect(pageB.Locator("#sync")).ToHaveAttributeAsync("data-state", "offline");
        await Expect(pageB.Locator("#connection")).ToHaveAttributeAsync("data-state", "disconnected");
        await pageB.Keyboard.TypeAsync("Budi (offline): check the warehouse.\n");
        await Expect(pageB.Locator("#sync")).ToContainTextAsync("changes pending");
        await BrowserFixture.ScreenshotAsync(pageB, "documents-editor-offline");
        await budi.SetOfflineAsync(false);
        await Expect(pageB.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 30_000 });
        await Expect(pageB.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(pageA.Locator(".cm-content")).ToContainTextAsync("Budi (offline): check the warehouse.");

        // A server restart: the text is still there, and both pages carry on.
        // Page A may show the line before the last of Budi's offline edits (its end): the text both agree on.
        var before = await SameTextAsync(pageA, pageB, "both pages show Budi's offline edits");
        await RestartAsync();
        await pageA.ReloadAsync();
        await Expect(pageA.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 30_000 });
        await AssertEventuallyAsync(
            async () => await EditorTextAsync(pageA) == before,
            "the text survived the restart");
        await pageA.Locator(".cm-content").ClickAsync();
        await pageA.Keyboard.PressAsync("Control+End");
        await pageA.Keyboard.TypeAsync("After the restart.");
        await Expect(pageB.Locator(".cm-content")).ToContainTextAsync("After the restart.", new() { Timeout = 30_000 });
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private async Task<IBrowserContext> NewPersonAsync(string name)
    {
        _ = name;
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseUrl,
            Locale = "en-GB",
            ViewportSize = new ViewportSize { Width = 1280, Height = 760 },
        });
        context.SetDefaultTimeout(30_000);
        return context;
    }

    private async Task RestartAsync()
    {
        Server.Kill();
        await Server.StartAsync(TestContext.Current.CancellationToken);
    }

    private static Task<string> EditorTextAsync(IPage page) =>
        page.EvaluateAsync<string>(
            "() => [...document.querySelectorAll('.cm-content .cm-line')].map(l => l.textContent).join('\\n')");

    private static async Task<string> SameTextAsync(IPage a, IPage b, string what)
    {
        var text = "";
        await AssertEventuallyAsync(async () => (text = await EditorTextAsync(a)) == await EditorTextAsync(b), what);
        return text;
    }

    private static async Task AssertEventuallyAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"Timed out waiting for: {what}");
            await Task.Delay(100);
        }
    }
}
