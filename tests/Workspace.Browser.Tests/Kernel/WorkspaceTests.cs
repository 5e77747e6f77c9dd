using Microsoft.Playwright;
using Workspace.Browser.Tests.Features.Members;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Kernel;

/// <summary>Goals, KPIs and action items in the browser, live across pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WorkspaceTests(BrowserFixture fixture)
{
    private sealed record Seeded(Guid PartnershipId, Guid PartyId, Guid KpiId);

    private static async Task<Seeded> SeedAsync(IPage page)
    {
        await ApiSeed.SignUpAsync(page, "Dewi Lestari", "PT Nusantara Agro");
        var p = await ApiSeed.PostAsync(
            page,
            "/api/partnerships",
            new { name = "Rice supply 2027", organisation = "PT Nusantara Agro" });
        var pid = p.GetProperty("id").GetGuid();
        var party = p.GetProperty("parties")[0].GetProperty("id").GetGuid();
        var me = p.GetProperty("members")[0].GetProperty("userId").GetString();
        string Url(string path) => $"/api/partnerships/{pid}{path}";

        var goal = await ApiSeed.PostAsync(
            page,
            Url("/goals"),
            new {
                title = "Deliver 500 t of rice to partner mills",
                description = "Joint supply plan for 2027",
                successCriteria = "500 t delivered\nLess than 2% spoilage",
                ownerPartyId = party,
                targetDate = "2027-06-30",
                status = "OnTrack",
                version = 0
            });
        await ApiSeed.PostAsync(
            page,
            Url("/goals"),
            new {
                title = "Train 40 farmers in post-harvest handling",
                description = "",
                successCriteria = "40 farmers certified",
                ownerPartyId = party,
                targetDate = "2027-03-31",
                status = "AtRisk",
                version = 0
            });
        var kpi = await ApiSeed.PostAsync(
            page,
            Url("/kpis"),
            new {
                name = "Tonnes delivered",
                unit = "t",
                direction = "HigherIsBetter",
                baseline = 0,
                target = 500,
                ownerPartyId = party,
                goalId = goal.GetProperty("id").GetGuid(),
                version = 0
            });
        var kpiId = kpi.GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        double[] values = [60, 140, 230, 310];
        for (var i = 0; i < values.Length; i++)
        {
            await ApiSeed.PostAsync(
                page,
                Url($"/kpis/{kpiId}/measurements"),
                new { date = today.AddMonths(i - 4).ToString("yyyy-MM-dd"), value = values[i], note = "" });
        }
        var spoilage = await ApiSeed.PostAsync(
            page,
            Url("/kpis"),
            new {
                name = "Spoilage",
                unit = "%",
                direction = "LowerIsBetter",
                target = 2,
                ownerPartyId = party,
                version = 0
            });
        await ApiSeed.PostAsync(
            page,
            Url($"/kpis/{spoilage.GetProperty("id").GetGuid()}/measurements"),
            new { date = today.AddDays(-20).ToString("yyyy-MM-dd"), value = 3.1, note = "" });
        await ApiSeed.PostAsync(
            page,
            Url($"/kpis/{spoilage.GetProperty("id").GetGuid()}/measurements"),
            new { date = today.AddDays(-2).ToString("yyyy-MM-dd"), value = 1.8, note = "new silos" });

        string Day(int d) => today.AddDays(d).ToString("yyyy-MM-dd");
        await ApiSeed.PostAsync(
            page,
            Url("/action-items"),
            new {
                title = "Send draft MoU to partner",
                ownerUserId = me,
                dueDate = Day(5),
                status = "Open",
                version = 0
            });
        await ApiSeed.PostAsync(
            page,
            Url("/action-items"),
            new {
                title = "Confirm warehouse capacity",
                ownerUserId = me,
                dueDate = Day(-2),
                status = "Open",
                version = 0
            });
        await ApiSeed.PostAsync(
            page,
            Url("/action-items"),
            new { title = "Agree on price formula", dueDate = Day(12), status = "InProgress", version = 0 });
        await ApiSeed.PostAsync(
            page,
            Url("/action-items"),
            new {
                title = "Customs paperwork for export",
                ownerUserId = me,
                dueDate = Day(20),
                status = "Blocked",
                version = 0
            });
        await ApiSeed.PostAsync(
            page,
            Url("/action-items"),
            new { title = "Kick-off meeting", ownerUserId = me, dueDate = Day(-10), status = "Done", version = 0 });
        return new Seeded(pid, party, kpiId);
    }

    [Fact]
    public async Task BoardMoveAndKpiMeasurementShowLiveInAnotherWindow()
    {
        var page = await fixture.NewPageAsync();
        var seeded = await SeedAsync(page);
        var other = await page.Context.NewPageAsync();

        await page.GotoAsync($"/p/{seeded.PartnershipId}/actions");
        await other.GotoAsync($"/p/{seeded.PartnershipId}/actions");
        await Assertions.Expect(other.Locator(".column[data-status=Open] .item-card")).ToHaveCountAsync(2);
        await Assertions.Expect(other.Locator("#online")).ToContainTextAsync("Dewi Lestari");

        await page.Locator(".item-card", new() { HasText = "Send draft MoU" })
            .DragToAsync(page.Locator(".column[data-status=InProgress] .column-body"));

        await Assertions.Expect(other.Locator(
            ".column[data-status=InProgress] .item-card",
            new() { HasText = "Send draft MoU" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(
            ".column[data-status=InProgress] .item-card",
            new() { HasText = "Send draft MoU" }))
            .ToBeVisibleAsync();

        await page.GotoAsync($"/p/{seeded.PartnershipId}/goals");
        await other.GotoAsync($"/p/{seeded.PartnershipId}/goals");
        // A new page load makes a new live connection: the measurement comes once the other window has joined.
        await UiSteps.LiveAsync(other, "Dewi Lestari");
        var form = page.Locator($"form.measure[data-kpi='{seeded.KpiId}']");
        await form.Locator("input[name=value]").FillAsync("420");
        await form.GetByRole(AriaRole.Button).ClickAsync();

        await Assertions.Expect(other.Locator($"[data-kpi='{seeded.KpiId}'] .latest"))
            .ToHaveTextAsync("420");
        await Assertions.Expect(other.Locator($"canvas[data-chart='{seeded.KpiId}']"))
            .ToHaveAttributeAsync("data-points", "5");
    }

    [Fact]
    public async Task TwoOrganisationsSeeEachOthersBoardMovesAndMeasurementsLive()
    {
        var (ayu, budi, pid) = await new AccessTests(fixture).PartnerUpAsync();
        string Url(string path) => $"/api/partnerships/{pid}{path}";
        var party = (await ApiSeed.GetAsync(ayu, Url(""))).GetProperty("parties")[0].GetProperty("id").GetGuid();
        await ApiSeed.PostAsync(
            ayu,
            Url("/action-items"),
            new { title = "Test water samples", status = "Open", version = 0 });
        var kpi = await ApiSeed.PostAsync(
            ayu,
            Url("/kpis"),
            new {
                name = "Villages with clean water",
                unit = "",
                direction = "HigherIsBetter",
                target = 12,
                ownerPartyId = party,
                version = 0
            });
        var kpiId = kpi.GetProperty("id").GetGuid();

        await ayu.GotoAsync($"/p/{pid}/actions");
        await budi.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(budi.Locator("#online")).ToContainTextAsync("Ayu Lestari");
        await Assertions.Expect(ayu.Locator("#online")).ToContainTextAsync("Budi Santoso");

        // Budi (the invited organisation) moves the item; Ayu sees it move (how soon goes to the test output).
        await budi.Locator(".item-card", new() { HasText = "Test water samples" })
            .DragToAsync(budi.Locator(".column[data-status=Done] .column-body"));
        await LiveDelay.SeenAsync("a board move", () => Assertions.Expect(
            ayu.Locator(".column[data-status=Done] .item-card", new() { HasText = "Test water samples" }))
                .ToBeVisibleAsync());

        // Ayu enters a measurement; it appears in Budi's chart.
        await ayu.GotoAsync($"/p/{pid}/goals");
        await budi.GotoAsync($"/p/{pid}/goals");
        // Both pages were loaded afresh: Budi's has to have joined the live updates before Ayu measures.
        await UiSteps.LiveAsync(budi, "Budi Santoso");
        await Assertions.Expect(budi.Locator($"canvas[data-chart='{kpiId}']")).ToHaveAttributeAsync("data-points", "0");
        var form = ayu.Locator($"form.measure[data-kpi='{kpiId}']");
        await form.Locator("input[name=value]").FillAsync("7");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await LiveDelay.SeenAsync("a measurement", () => Assertions.Expect(
            budi.Locator($"canvas[data-chart='{kpiId}']")).ToHaveAttributeAsync("data-points", "1"));
        await Assertions.Expect(budi.Locator($"[data-kpi='{kpiId}'] .latest")).ToHaveTextAsync("7");
    }

    [Fact]
    public async Task ATaskLineTypedInThePlanAppearsOnThePartnersBoardAndTickingItMarksItDone()
    {
        var (ayu, budi, pid) = await new AccessTests(fixture).PartnerUpAsync();
        var doc = await ApiSeed.PostAsync(ayu, $"/api/partnerships/{pid}/documents", new { title = "Joint plan" });
        await budi.GotoAsync($"/p/{pid}/actions");
        await UiSteps.LiveAsync(budi, "Budi Santoso");
        await ayu.GotoAsync($"/p/{pid}/docs/{doc.GetProperty("id").GetGuid()}");
        await Assertions.Expect(ayu.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");

        await ayu.Locator(".cm-content").ClickAsync();
        await ayu.Keyboard.TypeAsync("# Plan\n\n");
        await ayu.Keyboard.TypeAsync("- [ ] Collect water samples @budi");

        var card = budi.Locator(".item-card", new() { HasText = "Collect water samples" });
        await Assertions.Expect(budi.Locator(".column[data-status=Open]").Locator(
            ".item-card",
            new() { HasText = "Collect water samples" }))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(card).ToContainTextAsync("Budi Santoso");
        await Assertions.Expect(ayu.Locator(".cm-content")).ToContainTextAsync("#A1", new() { Timeout = 30_000 });

        // Ayu ticks the box in the live preview; the item turns done on Budi's board.
        var box = ayu.Locator("#preview input[type=checkbox]");
        await Assertions.Expect(box).ToBeEnabledAsync();
        await box.ClickAsync();
        await Assertions.Expect(ayu.Locator(".cm-content")).ToContainTextAsync("- [x] Collect water samples");
        await Assertions.Expect(budi.Locator(".column[data-status=Done]").Locator(
            ".item-card",
            new() { HasText = "Collect water samples" }))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });

        // Budi renames the item on his board; the line in Ayu's editor says so a moment later.
        await budi.Locator(".item-card", new() { HasText = "Collect water samples" })
            .Locator(".item-title")
            .ClickAsync();
        var dialog = budi.Locator("dialog[open]");
        await dialog.GetByLabel("What needs doing").FillAsync("Collect river water samples");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(ayu.Locator(".cm-content"))
            .ToContainTextAsync("- [x] Collect river water samples @budi #A1", new() { Timeout = 30_000 });
        await Assertions.Expect(ayu.Locator("#preview")).ToContainTextAsync("Collect river water samples");
        await BrowserFixture.ScreenshotAsync(ayu, "plan-checklist-en");

        // The item reference in the preview opens the item.
        await ayu.Locator("#preview a.item-ref", new() { HasText = "A1" }).ClickAsync();
        await ayu.WaitForURLAsync($"**/p/{pid}/actions?item=1");
        await Assertions.Expect(ayu.Locator("dialog[open]").GetByLabel("What needs doing"))
            .ToHaveValueAsync("Collect river water samples");
    }

    [Theory]
    [InlineData("en-GB", "en")]
    [InlineData("id-ID", "id")]
    public async Task DashboardBoardAndKpiChartsAreReadableInBothLanguages(string locale, string suffix)
    {
        var page = await fixture.NewPageAsync(locale);
        var seeded = await SeedAsync(page);

        await page.GotoAsync($"/p/{seeded.PartnershipId}");
        await Assertions.Expect(page.Locator(".tile")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".mini-items").Last).ToContainTextAsync("Confirm warehouse capacity");
        // Activity sentences follow the reader's language too.
        await Assertions.Expect(page.Locator(".activity").First)
            .ToContainTextAsync(suffix == "id" ? "menambahkan tugas A5" : "added the action item A5");
        await BrowserFixture.ScreenshotAsync(page, $"dashboard-{suffix}");

        await page.GotoAsync($"/p/{seeded.PartnershipId}/actions");
        await Assertions.Expect(page.Locator(".item-card.overdue")).ToHaveCountAsync(1);
        await BrowserFixture.ScreenshotAsync(page, $"board-{suffix}");

        await page.GotoAsync($"/p/{seeded.PartnershipId}/goals");
        await Assertions.Expect(page.Locator("canvas[data-chart]")).ToHaveCountAsync(2);
        await page.WaitForTimeoutAsync(300);
        await BrowserFixture.ScreenshotAsync(page, $"goals-kpis-{suffix}");
        Assert.Equal(suffix, await page.EvaluateAsync<string>("() => document.documentElement.lang"));
    }
}
