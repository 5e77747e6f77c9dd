using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Meetings;

/// <summary>
/// Facilitator mode with two organisations: Rina (Koperasi Maju, desktop, English) runs the meeting; Budi (Dinas
/// Pertanian, a phone, Indonesian) follows it. Rina takes attendance, starts, watches the timer run over, steps on by
/// keyboard, captures a decision and two action items from the capture bar; Budi sees each live (delays in the test
/// output) and finds the items on the action-item board; Rina ends the meeting and carries the unreached item.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MeetingRunBrowserTests(BrowserFixture fixture)
{
    private static readonly string[] Agenda = ["Harvest figures", "Warehouse rent", "Next season's seed"];

    [Fact]
    public async Task TheFacilitatorRunsTheMeetingAndThePartnerSeesEveryCaptureLive()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, meetingId) = await SeedAsync(rina, budi);
        var run = $"/p/{pid}/meetings/{meetingId}/run";

        await budi.GotoAsync($"/p/{pid}/meetings/{meetingId}");
        await UiSteps.LiveAsync(budi, "Budi Santoso"); // everything Rina does below reaches Budi's page live
        await budi.GetByRole(AriaRole.Link, new() { Name = "Mode fasilitator" }).ClickAsync();
        await Assertions.Expect(budi.Locator(".run-now")).ToContainTextAsync("Menunggu fasilitator memulai rapat.");
        // Rina's computer clock is three hours slow: the timer still counts from the server's time.
        var slow = DateTime.UtcNow.AddHours(-3);
        await rina.Clock.InstallAsync(new() { TimeDate = slow });
        await rina.GotoAsync(run);
        await rina.GetByRole(AriaRole.Button, new() { Name = "Budi Santoso present" }).ClickAsync();
        await Assertions.Expect(budi.Locator(".attendance li", new() { HasText = "Budi Santoso" }))
            .ToContainTextAsync("Hadir");
        await Assertions.Expect(budi.GetByRole(AriaRole.Button, new() { Name = "Mulai rapat" })).ToHaveCountAsync(0);

        await rina.GetByRole(AriaRole.Button, new() { Name = "Start the meeting" }).ClickAsync();
        // Keys do nothing while the page waits for the answer to its start; with the answer, the capture bar has the
        // focus (the push can reach both pages before the answer does).
        await Assertions.Expect(rina.GetByRole(AriaRole.Textbox, new() { Name = "Capture" })).ToBeFocusedAsync();
        await Assertions.Expect(budi.Locator(".run-item-title")).ToHaveTextAsync(Agenda[0]);
        await Assertions.Expect(budi.Locator("#now-title")).ToHaveTextAsync("Butir 1 dari 3");
        await Assertions.Expect(budi.Locator("#run-elapsed")).Not.ToHaveTextAsync("0:00");
        await Assertions.Expect(rina.Locator("#run-elapsed")).ToHaveTextAsync(new Regex(@"^0:[0-5]\d$"));
        await Assertions.Expect(rina.Locator("#run-over")).ToBeHiddenAsync();
        // Rina's clock jumps 11 minutes ahead (as if 11 minutes passed): the 10-minute item shows it is over time.
        var rinasNow = await rina.EvaluateAsync<double>("() => Date.now()");
        await rina.Clock.SetSystemTimeAsync(DateTimeOffset.FromUnixTimeMilliseconds((long)rinasNow).UtcDateTime
            .AddMinutes(11));
        await Assertions.Expect(rina.Locator("#run-timer")).ToHaveClassAsync(new Regex("overtime"));
        await Assertions.Expect(rina.Locator("#run-over")).ToHaveTextAsync(new Regex(@"^1:\d\d over$"));
        await BrowserFixture.ScreenshotAsync(rina, "meeting-run-overtime-en-desktop");

        await rina.Keyboard.PressAsync("Alt+ArrowRight");
        await Assertions.Expect(budi.Locator(".run-item-title")).ToHaveTextAsync(Agenda[1]);
        await Assertions.Expect(budi.Locator(".run-agenda li").First).ToContainTextAsync("sudah dibahas");

        await CaptureAsync(rina, budi, "d Buy at the regional floor price", "Buy at the regional floor price");
        await CaptureAsync(rina, budi, "a Send the price list @budi due:2027-01-15", "Send the price list");
        await CaptureAsync(rina, budi, "a Book the warehouse @rina due:fri", "Book the warehouse");
        await Assertions.Expect(budi.Locator(".captures li", new() { HasText = "Send the price list" }))
            .ToContainTextAsync("Budi Santoso");
        await Assertions.Expect(budi.Locator(".captures li", new() { HasText = "Send the price list" }))
            .ToContainTextAsync("15 Jan 2027");

        // The second item's timer runs on Budi's screen too (counted from the server's start of the item).
        await Assertions.Expect(budi.Locator("#run-elapsed")).Not.ToHaveTextAsync("0:00");
        await ScreenshotsAsync(rina, budi);
        Assert.Empty(await Axe.SeriousViolationsAsync(rina, "facilitator mode, desktop, English"));
        Assert.Empty(await Axe.SeriousViolationsAsync(budi, "facilitator mode, phone, Indonesian"));
        await LayoutChecks.AssertFitsAsync(budi, "facilitator mode at 390 px");

        await EndAsync(rina, budi);
        await BoardAsync(budi, pid);
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    /// <summary>Both organisations, a single meeting led by Rina with both invited, three agenda items.</summary>
    private static async Task<(string Pid, string MeetingId)> SeedAsync(IPage rina, IPage budi)
    {
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var rinaId = (await ApiSeed.GetAsync(rina, "/api/account/me")).GetProperty("id").GetString();
        var budiId = (await ApiSeed.GetAsync(budi, "/api/account/me")).GetProperty("id").GetString();
        var start = DateTime.UtcNow.Date.AddDays(1).AddHours(3).ToString("yyyy-MM-dd'T'HH:mm:ss",
            CultureInfo.InvariantCulture);
        var meeting = await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/meetings", new
        {
            title = "Rice partnership review", start, durationMinutes = 30, timeZone = "Asia/Jakarta",
            location = "Balai desa", facilitatorUserId = rinaId, attendeeUserIds = new[] { rinaId, budiId },
            recurrence = "None", version = 0,
        });
        var meetingId = meeting.GetProperty("id").GetString()!;
        foreach (var (title, minutes) in Agenda.Zip([10, 10, 5]))
        {
            await ApiSeed.PostAsync(budi, $"/api/partnerships/{pid}/meetings/{meetingId}/agenda",
                new { occurrence = (string?)null, title, minutes, ownerUserId = budiId });
        }
        return (pid, meetingId);
    }

    /// <summary>Rina types a line into the capture bar and presses Enter; Budi sees it (how soon goes to the test
    /// output).</summary>
    private static async Task CaptureAsync(IPage rina, IPage budi, string line, string text)
    {
        var bar = rina.GetByRole(AriaRole.Textbox, new() { Name = "Capture" });
        await bar.FillAsync(line);
        await Assertions.Expect(rina.Locator("#capture-hint")).Not.ToHaveClassAsync(new Regex("problem"));
        await bar.PressAsync("Enter");
        await LiveDelay.SeenAsync($"capture “{text}”",
            () => Assertions.Expect(budi.Locator(".captures li", new() { HasText = text })).ToHaveCountAsync(1));
        await Assertions.Expect(bar).ToHaveValueAsync("");
        await Assertions.Expect(bar).ToBeFocusedAsync();
    }

    /// <summary>Facilitator mode in both languages at both sizes (each page switched to the other ones).</summary>
    private static async Task ScreenshotsAsync(IPage rina, IPage budi)
    {
        await BrowserFixture.ScreenshotAsync(rina, "meeting-run-en-desktop");
        await BrowserFixture.ScreenshotAsync(budi, "meeting-run-id-390");
        await rina.SetViewportSizeAsync(390, 844);
        await LayoutChecks.AssertFitsAsync(rina, "facilitator mode at 390 px, English");
        await BrowserFixture.ScreenshotAsync(rina, "meeting-run-en-390");
        await rina.SetViewportSizeAsync(1280, 800);
        await budi.SetViewportSizeAsync(1280, 800);
        await BrowserFixture.ScreenshotAsync(budi, "meeting-run-id-desktop");
        await budi.SetViewportSizeAsync(390, 844);
    }

    /// <summary>Rina ends the meeting: the unreached third item is carried; Budi's screen says it has ended.</summary>
    private static async Task EndAsync(IPage rina, IPage budi)
    {
        await rina.GetByRole(AriaRole.Button, new() { Name = "End the meeting" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await Assertions.Expect(dialog.GetByLabel(Agenda[2])).ToHaveValueAsync("carry");
        await BrowserFixture.ScreenshotAsync(rina, "meeting-run-end-en-desktop");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(budi.Locator(".run-state")).ToHaveTextAsync("Selesai");
        await Assertions.Expect(budi.Locator(".run-agenda li").Nth(2)).ToContainTextAsync("dibawa ke rapat berikutnya");
    }

    /// <summary>The captured action items are on Budi's board, each saying it came from the meeting.</summary>
    private static async Task BoardAsync(IPage budi, string pid)
    {
        await budi.GotoAsync($"/p/{pid}/actions");
        foreach (var title in new[] { "Send the price list", "Book the warehouse" })
        {
            var card = budi.Locator(".item-card", new() { HasText = title });
            await Assertions.Expect(card).ToHaveCountAsync(1);
            await Assertions.Expect(card.Locator(".meeting-link")).ToContainTextAsync("Rice partnership review");
        }
    }
}
