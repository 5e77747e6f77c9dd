using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Kernel;

/// <summary>
/// axe-core (WCAG 2.1 A and AA) finds no serious or critical violation on any page state — signed out and in,
/// every section, the document's tabs, a chart, the board and list, an open dialog, the meetings list with its
/// schedule and calendar-link dialogs, a meeting's agenda and decisions — in both languages, on a desktop and on a
/// phone. The failure lists every finding, so one run shows all that is left.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AxeTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("en-GB", 1280, 800)]
    [InlineData("id-ID", 1280, 800)]
    [InlineData("en-GB", 390, 844)]
    [InlineData("id-ID", 390, 844)]
    public async Task NoPageHasASeriousOrCriticalViolation(string locale, int width, int height)
    {
        var rina = await fixture.NewPageAsync(locale, width, height);
        var budi = await fixture.NewPageAsync(locale, width, height);
        var (pid, docId) = await PartnershipSeed.FilledAsync(rina.Context, budi.Context);
        var party = (await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/parties", new { name = "Bank Desa" }))
            .GetProperty("id").GetString();
        var invitation = await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/invitations",
            new { partyId = party, email = "sari@example.org", role = "Viewer", isPartyAdmin = false });
        var found = new List<string>();
        async Task Check(IPage page, string state) => found.AddRange(await Axe.SeriousViolationsAsync(page, state));

        var stranger = await fixture.NewPageAsync(locale, width, height);
        await stranger.GotoAsync("/");
        await Assertions.Expect(stranger.Locator("#auth-switch")).ToBeVisibleAsync();
        await Check(stranger, "sign in");
        await stranger.Locator("#auth-switch").ClickAsync();
        await Assertions.Expect(stranger.Locator("form input")).ToHaveCountAsync(4);
        await Check(stranger, "sign up");
        await stranger.GotoAsync($"/invite/{invitation.GetProperty("token").GetString()}");
        await Assertions.Expect(stranger.Locator(".invite-card h1").First).ToBeVisibleAsync();
        await Check(stranger, "invitation");

        await Visit(rina, "/", ".page h1", Check, "home");
        await Visit(rina, $"/p/{pid}", ".page h1", Check, "dashboard");
        await Visit(rina, $"/p/{pid}/docs", ".page h1", Check, "documents");
        await rina.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(rina.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await Check(rina, "document");
        await rina.Locator("#tab-preview").ClickAsync();
        await Check(rina, "document preview");
        await rina.Locator("#tab-comments").ClickAsync();
        await Assertions.Expect(rina.Locator("#comments")).ToBeVisibleAsync();
        await Check(rina, "document comments");
        await rina.Locator("#tab-history").ClickAsync();
        await Assertions.Expect(rina.Locator("#history")).ToBeVisibleAsync();
        await Check(rina, "document history");
        await Visit(rina, $"/p/{pid}/goals", "canvas[data-points='1']", Check, "goals with a chart");
        await Visit(rina, $"/p/{pid}/actions", ".item-card", Check, "action board");
        await rina.Locator("[data-view=list]").ClickAsync();
        await Assertions.Expect(rina.Locator("tr[data-item]").First).ToBeVisibleAsync();
        await Check(rina, "action list");
        await rina.Locator("tr[data-item]").First.ClickAsync();
        await Assertions.Expect(rina.Locator("dialog[open]")).ToBeVisibleAsync();
        await Check(rina, "open dialog");
        await rina.Keyboard.PressAsync("Escape");
        await Visit(rina, $"/p/{pid}/members", ".page h1", Check, "members");
        await Visit(rina, $"/p/{pid}/activity", ".page h1", Check, "activity");
        await Visit(rina, $"/p/{pid}/settings", ".page h1", Check, "settings");
        await CheckMeetingsAsync(rina, pid, Check);
        await Visit(rina, "/account", ".page h1", Check, "account");

        Assert.True(found.Count == 0, $"{found.Count} serious or critical findings:\n{string.Join('\n', found)}");
    }

    /// <summary>The meetings list, its two dialogs open, and one meeting with an agenda and a changed
    /// decision.</summary>
    private static async Task CheckMeetingsAsync(IPage rina, string pid, Func<IPage, string, Task> check)
    {
        var meetingId = await MeetingSeed.BoardReviewAsync(rina, pid);
        await Visit(rina, $"/p/{pid}/meetings", ".meeting-row", check, "meetings");
        await rina.Locator("#schedule").ClickAsync();
        await Assertions.Expect(rina.Locator("dialog[open] input[name=start]")).ToBeVisibleAsync();
        await check(rina, "schedule dialog");
        await rina.Keyboard.PressAsync("Escape");
        await Assertions.Expect(rina.Locator("dialog[open]")).ToHaveCountAsync(0);
        await rina.Locator("#feed").ClickAsync();
        await Assertions.Expect(rina.Locator("dialog[open] input[name=url]")).Not.ToHaveValueAsync("");
        await check(rina, "calendar link dialog");
        await rina.Keyboard.PressAsync("Escape");
        await Assertions.Expect(rina.Locator("dialog[open]")).ToHaveCountAsync(0);
        await Visit(rina, $"/p/{pid}/meetings/{meetingId}", ".agenda li", check, "meeting");
        await rina.Locator(".decision details summary").ClickAsync();
        await Assertions.Expect(rina.Locator(".decision details li").First).ToBeVisibleAsync();
        await check(rina, "meeting with a decision's earlier wording");
    }

    private static async Task Visit(
        IPage page, string path, string ready, Func<IPage, string, Task> check, string state)
    {
        await page.GotoAsync(path);
        await Assertions.Expect(page.Locator(ready).First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await check(page, state);
    }
}
