using System.Globalization;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Goals;

/// <summary>KPI cards say where a KPI stands against its planned path, with the value expected by now, in both
/// languages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KpiPaceTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("en-GB", "On track", "At risk", "Expected by now: 250 t", "planned path from 0 t")]
    [InlineData("id-ID", "Sesuai rencana", "Berisiko", "Seharusnya saat ini: 250 t", "rencana capaian dari 0 t")]
    public async Task KpiCardShowsStatusAgainstThePlannedPathWithTheExpectedValue(
        string locale,
        string onTrack,
        string atRisk,
        string expected,
        string planned)
    {
        var page = await fixture.NewPageAsync(locale);
        await ApiSeed.SignUpAsync(page, "Dewi Lestari", "PT Nusantara Agro");
        var p = await ApiSeed.PostAsync(
            page,
            "/api/partnerships",
            new { name = "Rice supply 2027", organisation = "PT Nusantara Agro" });
        var pid = p.GetProperty("id").GetString();
        var party = p.GetProperty("parties")[0].GetProperty("id").GetGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int d) => today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Url(string path) => $"/api/partnerships/{pid}{path}";

        // The issue's case: 90 t of 200 t due in ten months, on the first day, beside its goal.
        var goal = await ApiSeed.PostAsync(page, Url("/goals"), new
        {
            title = "Supply 200 t of rice", description = "", successCriteria = "", ownerPartyId = party,
            targetDate = today.AddMonths(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), status = "OnTrack",
            version = 0,
        });
        var rice = await ApiSeed.PostAsync(
            page,
            Url("/kpis"),
            new {
                name = "Rice delivered",
                unit = "t",
                direction = "HigherIsBetter",
                baseline = 0,
                target = 200,
                ownerPartyId = party,
                goalId = goal.GetProperty("id").GetGuid(),
                version = 0
            });
        await ApiSeed.PostAsync(
            page,
            Url($"/kpis/{rice.GetProperty("id").GetGuid()}/measurements"),
            new { date = Day(0), value = 90, note = "" });
        // Half-way along 0 → 500 t: 250 t expected, 210 t measured.
        var tonnes = await ApiSeed.PostAsync(
            page,
            Url("/kpis"),
            new {
                name = "Tonnes shipped",
                unit = "t",
                direction = "HigherIsBetter",
                baseline = 0,
                target = 500,
                ownerPartyId = party,
                version = 0,
                startDate = Day(-150),
                targetDate = Day(150)
            });
        await ApiSeed.PostAsync(
            page,
            Url($"/kpis/{tonnes.GetProperty("id").GetGuid()}/measurements"),
            new { date = Day(-60), value = 100, note = "" });
        await ApiSeed.PostAsync(
            page,
            Url($"/kpis/{tonnes.GetProperty("id").GetGuid()}/measurements"),
            new { date = Day(-1), value = 210, note = "" });

        await page.GotoAsync($"/p/{pid}/goals");

        var riceCard = page.Locator($"[data-kpi='{rice.GetProperty("id").GetString()}']");
        await Assertions.Expect(riceCard.Locator(".card-head .rag")).ToHaveTextAsync(onTrack);
        await Assertions.Expect(page.Locator($"[data-goal='{goal.GetProperty("id").GetString()}'] .card-head .rag"))
            .ToHaveTextAsync(onTrack);
        var card = page.Locator($"[data-kpi='{tonnes.GetProperty("id").GetString()}']");
        await Assertions.Expect(card.Locator(".card-head .rag")).ToHaveTextAsync(atRisk);
        await Assertions.Expect(card.Locator(".expected")).ToHaveTextAsync(expected);
        var chart = card.Locator("canvas");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-plan", "2");
        await Assertions.Expect(chart)
            .ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex(planned));
        // The planned path is drawn: the chart's dashed green line has pixels on the canvas.
        var greenPixels = await chart.EvaluateAsync<int>(@"c => {
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
            for (let i = 0; i < d.length; i += 4) if (d[i] < 60 && d[i + 1] > 110 && d[i + 1] < 160 "
            + @"&& d[i + 2] < 100 && d[i + 3] > 200) n++;
            return n; }");
        Assert.True(greenPixels > 50, $"planned path pixels: {greenPixels}");
        await BrowserFixture.ScreenshotAsync(page, $"kpi-pace-{locale[..2]}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task KpiFormTakesStartAndTargetDatesAndPhasedTargets()
    {
        var page = await fixture.NewPageAsync();
        await ApiSeed.SignUpAsync(page, "Dewi Lestari", "PT Nusantara Agro");
        var pid = (await ApiSeed.PostAsync(
            page,
            "/api/partnerships",
            new { name = "Rice supply 2027", organisation = "PT Nusantara Agro" }))
            .GetProperty("id")
            .GetString();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string Day(int d) => today.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GotoAsync($"/p/{pid}/goals");

        await page.GetByRole(AriaRole.Button, new() { Name = "New KPI" }).ClickAsync();
        var dialog = page.Locator("dialog.form-dialog");
        await dialog.GetByLabel("KPI", new() { Exact = true }).FillAsync("Farmers trained");
        await dialog.GetByLabel("Baseline (optional)").FillAsync("0");
        await dialog.GetByLabel("Target", new() { Exact = true }).FillAsync("40");
        await dialog.GetByLabel("Start date (at the baseline)").FillAsync(Day(-100));
        await dialog.GetByLabel("Target date (empty: the goal’s)").FillAsync(Day(100));
        var phases = dialog.GetByLabel("Phased targets (optional)", new() { Exact = false });
        await phases.FillAsync($"{Day(0)} 5\nnext month ten");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(dialog.Locator(".error"))
            .ToHaveTextAsync("Line 2 of the phased targets is not a date and a value (e.g. 2027-03-31 80).");

        await phases.FillAsync($"{Day(0)} 5\n{Day(50)} 12,5");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        var card = page.Locator(".kpi", new() { HasText = "Farmers trained" });
        await Assertions.Expect(card.Locator("canvas")).ToHaveAttributeAsync("data-plan", "4");
        await Assertions.Expect(card.Locator(".expected")).ToHaveTextAsync("Expected by now: 5");
        var board = await ApiSeed.GetAsync(page, $"/api/partnerships/{pid}/goals");
        var milestones = board.GetProperty("kpis")[0].GetProperty("milestones");
        Assert.Equal(12.5, milestones[1].GetProperty("value").GetDouble());
        await page.Context.CloseAsync();
    }
}
