using System.Globalization;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Meetings;

/// <summary>
/// Two organisations meet: the partner (commenter, on a phone, in Indonesian) adds an agenda item and the organiser
/// (desktop, English) sees it without reloading; the organiser records a decision and the partner sees it live.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingsBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task PartnerAddsAnAgendaItemAndTheOrganiserRecordsADecisionBothSeeItLive()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Commenter");
        var me = await ApiSeed.GetAsync(rina, "/api/account/me");
        var start = DateTime.UtcNow.Date.AddDays(7).AddHours(10).ToString("yyyy-MM-dd'T'HH:mm:ss",
            CultureInfo.InvariantCulture);
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/meetings", new
        {
            title = "Weekly rice sync", start, durationMinutes = 45, timeZone = "Asia/Jakarta", location = "Balai desa",
            facilitatorUserId = me.GetProperty("id").GetString(), attendeeUserIds = Array.Empty<string>(),
            recurrence = "Weekly", version = 0,
        });

        await rina.GotoAsync($"/p/{pid}/meetings");
        await budi.GotoAsync($"/p/{pid}/meetings");
        await UiSteps.LiveAsync(rina, "Rina Wijaya"); // Budi's agenda item reaches Rina's page live
        await UiSteps.LiveAsync(budi, "Budi Santoso"); // and Rina's decision Budi's
        await Assertions.Expect(budi.Locator(".meeting-row .badge").First).ToHaveTextAsync("Mingguan");
        await LayoutChecks.AssertFitsAsync(budi, "meetings list at 390 px");
        await BrowserFixture.ScreenshotAsync(budi, "meetings-list-id-390");
        await rina.Locator(".meeting-row a.title").First.ClickAsync();
        await budi.Locator(".meeting-row a.title").First.ClickAsync();
        await Assertions.Expect(rina.Locator("h1")).ToHaveTextAsync("Weekly rice sync");

        await budi.GetByRole(AriaRole.Button, new() { Name = "Tambah butir agenda" }).ClickAsync();
        await budi.Locator("dialog.form-dialog").GetByLabel("Topik").FillAsync("Harga gabah musim ini");
        await budi.Locator("dialog.form-dialog button[type=submit]").ClickAsync();
        await Assertions.Expect(rina.Locator(".agenda li")).ToContainTextAsync("Harga gabah musim ini");
        await Assertions.Expect(budi.GetByRole(AriaRole.Button,
            new() { Name = "Catat keputusan" })).ToHaveCountAsync(0);

        await rina.GetByRole(AriaRole.Button, new() { Name = "Record a decision" }).ClickAsync();
        await rina.Locator("dialog.form-dialog").GetByLabel("What was decided")
            .FillAsync("Buy at the regional floor price");
        await rina.Locator("dialog.form-dialog button[type=submit]").ClickAsync();
        await Assertions.Expect(budi.Locator(".decision .text")).ToContainTextAsync("Buy at the regional floor price");

        await LayoutChecks.AssertFitsAsync(budi, "meeting page at 390 px");
        await BrowserFixture.ScreenshotAsync(budi, "meeting-agenda-id-390");
        await BrowserFixture.ScreenshotAsync(rina, "meeting-agenda-en-desktop");
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }
}
