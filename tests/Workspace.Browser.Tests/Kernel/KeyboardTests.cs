using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Kernel;

/// <summary>
/// Everything done without a mouse: the skip link is the first Tab stop, a card crosses the board and is edited
/// with keys alone (and a screen reader hears where it went), navigation puts the focus on the new page's heading
/// and names the window after it, and a closed dialog hands the focus back to what opened it. On the meetings pages
/// both dialogs of the list give the focus back, an agenda item goes down and is removed with keys (the focus
/// staying with the agenda, a screen reader hearing where it went), and an item and a decision are added.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class KeyboardTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("en-GB", "moved to In progress", "moved to Done")]
    [InlineData("id-ID", "dipindahkan ke Dikerjakan", "dipindahkan ke Selesai")]
    public async Task ACardCrossesTheBoardAndIsEditedWithTheKeyboardAlone(string locale, string first, string last)
    {
        var rina = await fixture.NewPageAsync(locale);
        var budi = await fixture.NewPageAsync(locale);
        var (pid, _) = await PartnershipSeed.FilledAsync(rina.Context, budi.Context);
        await rina.GotoAsync($"/p/{pid}/actions");
        var card = rina.Locator(".item-card", new() { HasText = "Send draft MoU" });
        ILocator CardIn(IPage page, string column) =>
            page.Locator($".column[data-status={column}] .item-card", new() { HasText = "Send draft MoU" });
        var focusedCard = rina.Locator(".item-card:focus");
        await Assertions.Expect(card).ToBeVisibleAsync();
        var number = (await card.Locator(".num").TextContentAsync())!.Trim();

        await TabUntilAsync(rina, $".item-card[aria-label^='{number} ']");
        // The draft MoU starts in "In progress": one column left, then three right to "Done".
        await rina.Keyboard.PressAsync("Alt+ArrowLeft");
        await Assertions.Expect(CardIn(rina, "Open")).ToBeVisibleAsync();
        await Assertions.Expect(focusedCard).ToHaveAttributeAsync("aria-label", new Regex($"^{number} "));
        await rina.Keyboard.PressAsync("Alt+ArrowRight");
        await Assertions.Expect(rina.Locator("#announcer")).ToHaveTextAsync($"{number} {first}");
        await Assertions.Expect(focusedCard).ToHaveAttributeAsync("aria-label", new Regex($"^{number} "));
        await rina.Keyboard.PressAsync("Alt+ArrowRight");
        // Each move redraws the board and puts the focus back on the card; the next key waits for that.
        await Assertions.Expect(CardIn(rina, "Blocked")).ToBeVisibleAsync();
        await Assertions.Expect(focusedCard).ToHaveAttributeAsync("aria-label", new Regex($"^{number} "));
        await rina.Keyboard.PressAsync("Alt+ArrowRight");
        await Assertions.Expect(CardIn(rina, "Done")).ToBeVisibleAsync();
        await Assertions.Expect(rina.Locator("#announcer")).ToHaveTextAsync($"{number} {last}");

        // The partner sees where it went; the server has it.
        await budi.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(CardIn(budi, "Done")).ToBeVisibleAsync();

        // Enter opens it; the title is changed and saved with keys; the focus comes back to the card.
        await rina.Keyboard.PressAsync("Enter");
        var dialog = rina.Locator("dialog[open]");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await Assertions.Expect(dialog.Locator("input[name=title]")).ToBeFocusedAsync();
        await rina.Keyboard.PressAsync("End");
        await rina.Keyboard.TypeAsync(" (signed)");
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(focusedCard).ToContainTextAsync("Send draft MoU to partner (signed)");

        // In the list, Space opens a row and Escape gives the focus back to it.
        await rina.Locator("[data-view=list]").FocusAsync();
        await rina.Keyboard.PressAsync("Enter");
        await TabUntilAsync(rina, "tr[data-item]");
        await rina.Keyboard.PressAsync(" ");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await rina.Keyboard.PressAsync("Escape");
        await Assertions.Expect(rina.Locator("tr[data-item]:focus")).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData("en-GB", "Skip to content")]
    [InlineData("id-ID", "Langsung ke isi")]
    public async Task TheSkipLinkIsTheFirstTabStopAndLeadsToTheHeading(string locale, string words)
    {
        var rina = await fixture.NewPageAsync(locale);
        var budi = await fixture.NewPageAsync(locale);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        await rina.GotoAsync($"/p/{pid}/members");
        await Assertions.Expect(rina.Locator("#main h1")).ToBeVisibleAsync();

        await rina.Keyboard.PressAsync("Tab");
        var skip = rina.Locator(":focus");
        await Assertions.Expect(skip).ToHaveTextAsync(words);
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rina.Locator("#main h1")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task NavigationFocusesTheHeadingNamesTheWindowAndADialogGivesTheFocusBack()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var (pid, docId) = await PartnershipSeed.FilledAsync(rina.Context, budi.Context);
        await rina.GotoAsync($"/p/{pid}/docs/{docId}");
        await Assertions.Expect(rina).ToHaveTitleAsync(new Regex("^Joint plan"));
        // The first load leaves the focus alone (a person arriving from a link starts at the top).
        await Assertions.Expect(rina.Locator("#main h1")).Not.ToBeFocusedAsync();

        var goals = rina.Locator("#sidenav").GetByRole(AriaRole.Link, new() { Name = "Goals & KPIs" });
        await goals.FocusAsync();
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rina.Locator("#main h1")).ToBeFocusedAsync();
        await Assertions.Expect(rina.Locator("#main h1")).ToHaveTextAsync("Goals & KPIs");
        await Assertions.Expect(rina).ToHaveTitleAsync(new Regex("^Goals & KPIs"));

        // Adding a KPI value keeps the focus in that card's form.
        var form = rina.Locator("form.measure").First;
        await form.Locator("[name=value]").FocusAsync();
        await rina.Keyboard.TypeAsync("150");
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rina.Locator("canvas[data-points='2']")).ToHaveCountAsync(1);
        await Assertions.Expect(rina.Locator("form.measure :focus")).ToHaveCountAsync(1);

        // A dialog saved with keys gives the focus back to the button that opened it, redrawn or not.
        var edit = rina.Locator("[data-edit-goal]").First;
        await edit.FocusAsync();
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rina.Locator("dialog[open]")).ToBeVisibleAsync();
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rina.Locator("dialog[open]")).ToHaveCountAsync(0);
        await Assertions.Expect(rina.Locator("[data-edit-goal]:focus")).ToHaveCountAsync(1);

        await rina.GoBackAsync();
        await Assertions.Expect(rina).ToHaveTitleAsync(new Regex("^Joint plan"));
        await Assertions.Expect(rina.Locator("#main h1")).ToBeFocusedAsync();

        // A language change keeps the focus on the switch.
        await rina.Locator("#language").FocusAsync();
        await rina.Locator("#language").SelectOptionAsync("id");
        await Assertions.Expect(rina.Locator("#language")).ToBeFocusedAsync();
    }

    [Theory]
    [InlineData("en-GB", "“Harvest figures” is now item 3 of 3", "“Harvest figures” removed from the agenda")]
    [InlineData("id-ID", "“Harvest figures” sekarang butir ke-3 dari 3", "“Harvest figures” dihapus dari agenda")]
    public async Task TheMeetingAgendaIsOrderedAndEditedWithTheKeyboardAlone(string locale, string moved, string gone)
    {
        var rina = await fixture.NewPageAsync(locale);
        var budi = await fixture.NewPageAsync(locale);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var meetingId = await MeetingSeed.BoardReviewAsync(rina, pid);
        var dialog = rina.Locator("dialog[open]");
        await rina.GotoAsync($"/p/{pid}/meetings");
        await Assertions.Expect(rina.Locator(".meeting-row").First).ToBeVisibleAsync();

        await TabUntilAsync(rina, "#feed");
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog.Locator("input[name=url]")).ToBeFocusedAsync();
        await rina.Keyboard.PressAsync("Escape");
        await Assertions.Expect(rina.Locator("#feed")).ToBeFocusedAsync();
        await TabUntilAsync(rina, "#schedule");
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog.Locator("input[name=title]")).ToBeFocusedAsync();
        await rina.Keyboard.PressAsync("Escape");
        await Assertions.Expect(rina.Locator("#schedule")).ToBeFocusedAsync();

        await TabUntilAsync(rina, $".meeting-row a.title[href*='{meetingId}']");
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(rina.Locator("#main h1")).ToBeFocusedAsync();
        await Assertions.Expect(rina.Locator("#main h1")).ToHaveTextAsync("Board review");
        await Assertions.Expect(rina).ToHaveTitleAsync(new Regex("^Board review · "));

        // The first item goes down twice: the focus stays on its buttons (the up one once it is last).
        var titles = rina.Locator(".agenda li .grow");
        var focusedRow = rina.Locator(".agenda li:has(:focus)");
        await TabUntilAsync(rina, "[data-down]");
        await Assertions.Expect(focusedRow).ToContainTextAsync("Harvest figures");
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(titles.Nth(1)).ToContainTextAsync("Harvest figures");
        await Assertions.Expect(rina.Locator(".agenda li:has([data-down]:focus)")).ToContainTextAsync("Harvest");
        // The focus shows (the keyboard focus ring, not the mouse's none).
        Assert.Equal("solid",
            await rina.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(titles.Nth(2)).ToContainTextAsync("Harvest figures");
        await Assertions.Expect(rina.Locator("#announcer")).ToHaveTextAsync(moved);
        await Assertions.Expect(rina.Locator(".agenda li:has([data-up]:focus)")).ToContainTextAsync("Harvest figures");
        var agenda = await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}/meetings/{meetingId}/agenda");
        Assert.Equal(new[] { "Warehouse rent", "Next season's seed", "Harvest figures" },
            agenda.EnumerateArray().Select(a => a.GetProperty("title").GetString()!).ToArray());

        // Its remove button is the next stop (the disabled down button is skipped); the focus moves up one row.
        await rina.Keyboard.PressAsync("Tab");
        await Assertions.Expect(rina.Locator(".agenda li:has([data-remove]:focus)")).ToContainTextAsync("Harvest");
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(titles).ToHaveCountAsync(2);
        await Assertions.Expect(rina.Locator("#announcer")).ToHaveTextAsync(gone);
        await Assertions.Expect(rina.Locator(".agenda li:has([data-remove]:focus)")).ToContainTextAsync("seed");

        // An item added with keys; the focus comes back to the add button.
        await TabUntilAsync(rina, "#add-item");
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog.Locator("input[name=title]")).ToBeFocusedAsync();
        await rina.Keyboard.TypeAsync("Transport costs");
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(titles.Nth(2)).ToContainTextAsync("Transport costs");
        await Assertions.Expect(rina.Locator("#add-item")).ToBeFocusedAsync();

        // A decision recorded with keys; the focus comes back to its button.
        await TabUntilAsync(rina, "#decide");
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog.Locator("textarea[name=text]")).ToBeFocusedAsync();
        await rina.Keyboard.TypeAsync("Share the transport costs by weight");
        await TabUntilAsync(rina, "dialog[open] button[type=submit]");
        await rina.Keyboard.PressAsync("Enter");
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(rina.Locator(".decision .text", new() { HasText = "Share the transport costs" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(rina.Locator("#decide")).ToBeFocusedAsync();
    }

    private static async Task TabUntilAsync(IPage page, string selector)
    {
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {selector}");
    }
}
