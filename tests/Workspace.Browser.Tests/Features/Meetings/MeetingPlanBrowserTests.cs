using System.Text.Json;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Meetings;

/// <summary>
/// Planning a series' next meeting with two organisations: the agenda opens with what was carried over, the partner
/// (commenter, phone, Indonesian) adds an item and moves it by keyboard, the organiser (desktop, English) sees it
/// live and drags another; the decision log filters; the dashboard shows the meeting tiles.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingPlanBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PartnerAddsAnAgendaItemAndMovesItByKeyboardTheOrganiserSeesItLive()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Commenter");
        var seed = await MeetingPlanSeed.CreateAsync(fixture, rina, pid);
        var url = $"/p/{pid}/meetings/{seed.SeriesId}?occurrence={seed.NextKey}";
        await rina.GotoAsync(url);
        await budi.GotoAsync(url);
        // Budi's item and moves reach Rina's open page live: it has joined the partnership's updates first.
        await UiSteps.LiveAsync(rina, "Rina Wijaya");

        var carried = budi.Locator(".carry-over");
        await Assertions.Expect(carried).ToContainTextAsync(MeetingPlanSeed.Stuck);
        await Assertions.Expect(carried.Locator("li", new() { HasText = MeetingPlanSeed.Stuck }))
            .ToContainTextAsync("dibawa 4×");
        await Assertions.Expect(carried).ToContainTextAsync(MeetingPlanSeed.Unreached);
        await Assertions.Expect(carried).ToContainTextAsync("45 dari 120 t");
        await Assertions.Expect(rina.Locator(".when-line")).ToContainTextAsync("your time");
        await Assertions.Expect(budi.Locator(".when-line")).ToContainTextAsync("waktu penyelenggara (Asia/Jakarta)");

        await budi.GetByRole(AriaRole.Button, new() { Name = "Tambah butir agenda" }).ClickAsync();
        await budi.Locator("dialog.form-dialog").GetByLabel("Topik").FillAsync("Harga gabah");
        await budi.Locator("dialog.form-dialog button[type=submit]").ClickAsync();
        await Assertions.Expect(rina.Locator(".agenda li").Nth(2)).ToContainTextAsync("Harga gabah");

        await budi.Locator(".agenda li", new() { HasText = "Harga gabah" }).FocusAsync();
        await budi.Keyboard.PressAsync("Alt+ArrowUp");
        await Assertions.Expect(budi.Locator(".agenda li").Nth(1)).ToContainTextAsync("Harga gabah");
        await budi.Keyboard.PressAsync("Alt+ArrowUp");
        await Assertions.Expect(rina.Locator(".agenda li").First).ToContainTextAsync("Harga gabah");
        // The focus stays on the moved item (through the redraw of Budi's own move and the live one after it).
        await Assertions.Expect(budi.Locator(".agenda li[data-id]:focus-within .grow"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\s*Harga gabah\b"));

        // The organiser drags the last item above the first (pointer events, as a finger or a mouse makes them).
        await rina.Locator(".agenda li").Nth(2).Locator(".drag-handle")
            .DragToAsync(rina.Locator(".agenda li").First, new() { TargetPosition = new() { X = 20, Y = 2 } });
        await Assertions.Expect(budi.Locator(".agenda li").First).ToContainTextAsync(seed.Agenda[1]);
        await Assertions.Expect(rina.Locator(".agenda li .grow")).ToContainTextAsync(
            [seed.Agenda[1], "Harga gabah", seed.Agenda[0]]);

        await LayoutChecks.AssertFitsAsync(budi, "agenda with carried-over items at 390 px");
        await ShootBothSizesAsync(rina, "plan-agenda-en");
        await ShootBothSizesAsync(budi, "plan-agenda-id");
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    [Fact]
    public async Task TheDecisionLogFiltersAndTheDashboardShowsTheMeetingTiles()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Viewer");
        await MeetingPlanSeed.CreateAsync(fixture, rina, pid);

        await rina.GotoAsync($"/p/{pid}");
        await Assertions.Expect(rina.Locator("#tile-next")).ToContainTextAsync(MeetingPlanSeed.Series);
        await Assertions.Expect(rina.Locator("#tile-next")).ToContainTextAsync("organiser’s time (Asia/Jakarta)");
        await Assertions.Expect(rina.Locator("#tile-decisions li")).ToHaveTextAsync(
            ["Buy seed from two suppliers", "Deliver to the Subang mill first"]);
        await Assertions.Expect(rina.Locator("#tile-carried")).ToContainTextAsync(MeetingPlanSeed.Stuck);
        await Assertions.Expect(rina.Locator("#tile-carried")).ToContainTextAsync("carried 3×");
        await budi.GotoAsync($"/p/{pid}");
        await Assertions.Expect(budi.Locator("#tile-carried")).ToContainTextAsync("dibawa 3×");
        await LayoutChecks.AssertFitsAsync(budi, "dashboard tiles at 390 px");
        await ShootBothSizesAsync(rina, "plan-dashboard-en");
        await ShootBothSizesAsync(budi, "plan-dashboard-id");

        await rina.Locator("#tile-decisions a.more").ClickAsync();
        await Assertions.Expect(rina.Locator(".decision-card")).ToHaveCountAsync(3);
        await rina.GetByLabel("Search decisions").FillAsync("seed");
        await Assertions.Expect(rina.Locator(".decision-card")).ToHaveCountAsync(2);
        await rina.GetByLabel("Status").SelectOptionAsync("Superseded");
        // A list given to ToContainText matches any subset of the cards, so it held before the filter was drawn
        // (both "seed" cards still shown) and the click below then met two links: wait for the one card itself.
        await Assertions.Expect(rina.Locator(".decision-card h2 a")).ToHaveTextAsync(["Buy seed from one supplier"]);
        await Assertions.Expect(rina).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("status=Superseded"));
        // Leaving the search box for a result asks nothing more: a second answer redrew the list under the click.
        var asked = 0;
        rina.Request += (_, r) => { if (r.Url.Contains("/decision-log", StringComparison.Ordinal)) asked++; };
        await rina.Locator(".decision-card h2 a").ClickAsync();
        await Assertions.Expect(rina.Locator("h1")).ToHaveTextAsync("Buy seed from one supplier");
        Assert.Equal(0, asked);
        await Assertions.Expect(rina.Locator(".decision-card")).ToContainTextAsync("Superseded by");

        await budi.GotoAsync($"/p/{pid}/decisions?status=Current");
        await Assertions.Expect(budi.Locator(".decision-card")).ToHaveCountAsync(2);
        await budi.GetByLabel("Disepakati oleh").SelectOptionAsync(new SelectOptionValue { Label = "Dinas Pertanian" });
        await Assertions.Expect(budi.Locator(".decision-card")).ToHaveCountAsync(1);
        await LayoutChecks.AssertFitsAsync(budi, "decision log at 390 px");
        await rina.GotoAsync($"/p/{pid}/decisions");
        await Assertions.Expect(rina.Locator(".decision-card")).ToHaveCountAsync(3);
        await ShootBothSizesAsync(rina, "plan-decision-log-en");
        await ShootBothSizesAsync(budi, "plan-decision-log-id");
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    [Fact]
    public async Task TheOrganiserEditsTheMeetingWhileThePartnerChangesItAndBothChangesAreKept()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Owner");
        var seed = await MeetingPlanSeed.CreateAsync(fixture, rina, pid);
        await rina.GotoAsync($"/p/{pid}/meetings/{seed.SeriesId}?occurrence={seed.NextKey}");
        await UiSteps.LiveAsync(rina, "Rina Wijaya"); // Budi's change below reaches the open form live
        await rina.GetByRole(AriaRole.Button, new() { Name = "Edit meeting" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await Assertions.Expect(dialog.GetByLabel("Time zone")).ToHaveValueAsync("Asia/Jakarta");
        await Assertions.Expect(dialog.GetByLabel("Rice delivered")).ToBeCheckedAsync();

        // The partner moves the meeting to the mill while the organiser's form is open.
        var meeting = await ApiSeed.GetAsync(budi, $"/api/partnerships/{pid}/meetings/{seed.SeriesId}");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(meeting.GetRawText())!;
        body["location"] = "Subang mill";
        await ApiSeed.PutAsync(budi, $"/api/partnerships/{pid}/meetings/{seed.SeriesId}", body);
        await Assertions.Expect(dialog.GetByLabel("Place or video link")).ToHaveValueAsync("Subang mill");
        await Assertions.Expect(dialog.Locator(".notice")).ToContainTextAsync("Budi Santoso");

        await dialog.GetByLabel("Title").FillAsync("Weekly rice and seed sync");
        await dialog.GetByLabel("Duration (minutes)").FillAsync("60");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
        await Assertions.Expect(rina.Locator("h1")).ToHaveTextAsync("Weekly rice and seed sync");
        var saved = await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}/meetings/{seed.SeriesId}");
        Assert.Equal("Subang mill", saved.GetProperty("location").GetString());
        Assert.Equal(60, saved.GetProperty("durationMinutes").GetInt32());
        Assert.Single(saved.GetProperty("kpiIds").EnumerateArray());
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    /// <summary>Desktop (1280 px) and phone (390 px) screenshots of the page as it is, then back to its size.</summary>
    private static async Task ShootBothSizesAsync(IPage page, string name)
    {
        var size = page.ViewportSize!;
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.EvaluateAsync("() => scrollTo(0, 0)");
            await page.WaitForTimeoutAsync(150);
            await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}");
            var violations = await Axe.SeriousViolationsAsync(page, $"{name} at {width} px");
            Assert.True(violations.Count == 0, string.Join("\n", violations));
        }
        await page.SetViewportSizeAsync(size.Width, size.Height);
    }
}
