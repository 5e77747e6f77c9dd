using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Reviews;

/// <summary>
/// A review round between two organisations: Rina (Koperasi Maju, desktop, English) opens it and Budi (Dinas
/// Pertanian, phone, Indonesian) sees it arrive; each answers and sees only that the other party answered; Rina closes
/// it and both see the results per party as a chart; an agreed change becomes an action item on the board.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task BothPartiesAnswerLiveAndTheClosedRoundShowsEachPartysScoresAsAChart()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var partnership = await ApiSeed.GetAsync(rina, $"/api/partnerships/{pid}");
        var party = partnership.GetProperty("parties")[0].GetProperty("id").GetString();
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/goals", new
        {
            title = "Train 40 farmers", ownerPartyId = party, status = "OnTrack", version = 0,
        });
        await rina.GotoAsync($"/p/{pid}/reviews");
        await budi.GotoAsync($"/p/{pid}/reviews");
        await Assertions.Expect(budi.Locator("h1")).ToHaveTextAsync("Tinjauan");
        await UiSteps.LiveAsync(budi, "Budi Santoso");

        await rina.GetByRole(AriaRole.Button, new() { Name = "Open a review round" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await dialog.GetByLabel("Title", new() { Exact = true }).FillAsync("First half-year review");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(rina.Locator("h1")).ToContainTextAsync("First half-year review");
        await Assertions.Expect(budi.Locator(".review-row")).ToContainTextAsync("First half-year review");
        await BrowserFixture.ScreenshotAsync(budi, "reviews-list-open-id-390");
        await budi.Locator(".review-row a.title").ClickAsync();
        await Assertions.Expect(budi.GetByRole(AriaRole.Group, new() { Name = "Kemitraan secara keseluruhan" }))
            .ToBeVisibleAsync();
        await UiSteps.LiveAsync(rina, "Budi Santoso");

        await AnswerAsync(rina, [4, 4, 5, 3, 5], "Weekly calls work well", "Invoices are paid late");
        await Assertions.Expect(budi.Locator("#progress")).ToContainTextAsync("Koperasi Maju: 1 dari 1 sudah menjawab");
        Assert.DoesNotContain("Invoices are paid late", await budi.ContentAsync(), StringComparison.Ordinal);
        await AnswerAsync(budi, [2, 3, 2, 3, 2], "Hari lapangan bersama", "Bagikan data panen");
        await Assertions.Expect(rina.Locator("#progress")).ToContainTextAsync("Dinas Pertanian: 1 of 1 answered");
        await Assertions.Expect(budi.Locator("#answer-form button[type=submit]"))
            .ToHaveTextAsync("Perbarui jawaban saya");
        await LayoutChecks.AssertFitsAsync(budi, "review answer form at 390 px");
        await LayoutChecks.ShootBothAsync(rina, budi, "review-answer");

        await rina.GetByRole(AriaRole.Button, new() { Name = "Close the round" }).ClickAsync();
        await rina.Locator("dialog.form-dialog button[type=submit]").ClickAsync();
        await Assertions.Expect(budi.GetByRole(AriaRole.Heading, new() { Name = "Hasil" })).ToBeVisibleAsync();
        await Assertions.Expect(budi.Locator("#results-chart")).ToBeVisibleAsync();
        await Assertions.Expect(budi.Locator(".review-table tbody tr").First).ToContainTextAsync("4");
        await Assertions.Expect(budi.Locator(".review-said").Nth(0)).ToContainTextAsync("Invoices are paid late");
        await Assertions.Expect(rina.Locator(".review-said").Nth(1)).ToContainTextAsync("Bagikan data panen");
        await Assertions.Expect(budi.GetByRole(AriaRole.Heading, new() { Name = "Perubahan yang disepakati" }))
            .ToBeVisibleAsync();
        Assert.True(await budi.Locator("#results-chart").EvaluateAsync<bool>("c => c.width > 0 && c.height > 0"));

        await rina.Locator("#change-form input").FillAsync("Pay invoices within 14 days");
        await rina.Locator("#change-form button[type=submit]").ClickAsync();
        await Assertions.Expect(budi.Locator(".change-list")).ToContainTextAsync("Pay invoices within 14 days");
        await rina.GetByRole(AriaRole.Button, new() { Name = "Make an action item" }).ClickAsync();
        await rina.Locator("dialog.form-dialog button[type=submit]").ClickAsync();
        await Assertions.Expect(budi.Locator(".change-list")).ToContainTextAsync("Tugas A1");
        await LayoutChecks.AssertFitsAsync(budi, "review results at 390 px");
        await LayoutChecks.ShootBothAsync(rina, budi, "review-results");

        await budi.GotoAsync($"/p/{pid}/reviews");
        await Assertions.Expect(budi.Locator("#trend")).ToBeVisibleAsync();
        await LayoutChecks.AssertFitsAsync(budi, "reviews list at 390 px");
        await rina.GotoAsync($"/p/{pid}/reviews");
        await Assertions.Expect(rina.Locator("#trend")).ToBeVisibleAsync();
        await LayoutChecks.ShootBothAsync(rina, budi, "reviews-list");
        await rina.GotoAsync($"/p/{pid}/actions");
        await Assertions.Expect(rina.GetByText("Pay invoices within 14 days")).ToBeVisibleAsync();
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    /// <summary>Scores for the four questions and the goal (in the form's order), the two texts, then sends.</summary>
    private static async Task AnswerAsync(IPage page, int[] scores, string works, string change)
    {
        var groups = page.Locator("#answer-form fieldset.score-row");
        for (var i = 0; i < scores.Length; i++)
        {
            await groups.Nth(i).Locator($"label.score:has(input[value='{scores[i]}'])").ClickAsync();
        }
        await page.Locator("#answer-form textarea[name=whatWorks]").FillAsync(works);
        await page.Locator("#answer-form textarea[name=whatShouldChange]").FillAsync(change);
        await page.Locator("#answer-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#answered-at")).ToBeVisibleAsync();
    }
}
