using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Reviews;

/// <summary>
/// The dashboard's reviews tile: an open round says whether I answered and until when, live; once the round closes
/// it shows each party's overall score.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewTileTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TheTileFollowsARoundFromOpenToEachPartysScore()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var today = DateTime.UtcNow.Date;
        var round = (await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/reviews", new
        {
            title = "Mid-year review", periodFrom = $"{today.AddMonths(-6):yyyy-MM-dd}",
            periodTo = $"{today:yyyy-MM-dd}", closesOn = $"{today.AddDays(14):yyyy-MM-dd}",
        })).GetProperty("id").GetString();

        await budi.GotoAsync($"/p/{pid}");
        var tile = budi.Locator("#reviews-tile");
        await Assertions.Expect(tile).ToContainTextAsync("R1");
        await Assertions.Expect(tile).ToContainTextAsync("Mid-year review");
        await Assertions.Expect(tile).ToContainTextAsync("Belum dijawab");
        await UiSteps.LiveAsync(budi, "Budi Santoso");
        await LayoutChecks.AssertFitsAsync(budi, "dashboard with the reviews tile at 390 px");
        await BrowserFixture.ScreenshotAsync(budi, "dashboard-reviews-tile-id-390");

        await AnswerAsync(budi, pid, round, 4);
        await Assertions.Expect(tile).ToContainTextAsync("Sudah dijawab");
        await AnswerAsync(rina, pid, round, 5);
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/reviews/{round}/close", new { });
        await Assertions.Expect(tile).ToContainTextAsync("Koperasi Maju: 5 · Dinas Pertanian: 4");
        await rina.GotoAsync($"/p/{pid}");
        await Assertions.Expect(rina.Locator("#reviews-tile")).ToContainTextAsync("Closed");
        await BrowserFixture.ScreenshotAsync(rina, "dashboard-reviews-tile-en-1280");
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    private static Task AnswerAsync(IPage page, string pid, string? round, int overall) =>
        ApiSeed.PutAsync(page, $"/api/partnerships/{pid}/reviews/{round}/answer",
            new { overall, communication = 3, fairness = 3, progress = 3 });
}
