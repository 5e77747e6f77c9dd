using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Meetings;

/// <summary>
/// A week of a weekly series with two organisations: Budi (Dinas Pertanian, phone, Indonesian) adds an agenda item;
/// Rina (Koperasi Maju, desktop, English) runs the meeting (Budi's meeting page says so and leads him in), steps
/// on, captures a decision and two action items that Budi sees live and on his board, ends it with Budi's item
/// carried, produces the minutes Budi opens, and the next meeting of the series opens with the open items and the
/// unreached agenda item carried over.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingWeekTests(BrowserFixture fixture)
{
    private const string Series = "Weekly rice sync";
    private const string BudisItem = "Harga gabah";

    [Fact]
    public async Task AWeekOfTheSeriesFromAgendaThroughRunAndMinutesToTheNextMeeting()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync("id-ID", width: 390, height: 844);
        var (pid, series, key, nextKey) = await SeedAsync(rina, budi);
        var meeting = $"/p/{pid}/meetings/{series}?occurrence={key}";

        await budi.GotoAsync(meeting);
        await UiSteps.LiveAsync(budi, "Budi Santoso"); // Rina's start below reaches Budi's page live
        await budi.GetByRole(AriaRole.Button, new() { Name = "Tambah butir agenda" }).ClickAsync();
        await budi.Locator("dialog.form-dialog").GetByLabel("Topik").FillAsync(BudisItem);
        await budi.Locator("dialog.form-dialog button[type=submit]").ClickAsync();
        await Assertions.Expect(budi.Locator(".agenda li").Nth(2)).ToContainTextAsync(BudisItem);

        await Assertions.Expect(budi.Locator(".run-banner")).ToHaveCountAsync(0);
        await rina.GotoAsync($"/p/{pid}/meetings/{series}/run?occurrence={key}");
        await rina.GetByRole(AriaRole.Button, new() { Name = "Start the meeting" }).ClickAsync();
        // Budi's meeting page says the meeting has begun and leads him into it.
        await Assertions.Expect(budi.Locator(".run-banner")).ToContainTextAsync("Rapat ini sedang berlangsung.");
        await budi.GetByRole(AriaRole.Link, new() { Name = "Ikuti di mode fasilitator" }).ClickAsync();
        await Assertions.Expect(budi.Locator(".run-item-title")).ToHaveTextAsync("Harvest figures");
        await Assertions.Expect(budi.Locator("#run-elapsed")).Not.ToHaveTextAsync("0:00");
        // Alt+→ does nothing while Rina's page still waits for the answer to its start (the push may reach Budi's
        // page first); once the answer is in, the page puts the focus in the capture bar.
        await Assertions.Expect(rina.GetByRole(AriaRole.Textbox, new() { Name = "Capture" })).ToBeFocusedAsync();
        await rina.Keyboard.PressAsync("Alt+ArrowRight");
        await Assertions.Expect(budi.Locator(".run-item-title")).ToHaveTextAsync("Warehouse rent");
        await Assertions.Expect(rina.Locator("#run-elapsed")).ToHaveTextAsync(new Regex(@"^0:[0-5]\d$"));

        await CaptureAsync(rina, budi, "d Buy seed from two suppliers", "Buy seed from two suppliers");
        await CaptureAsync(rina, budi, "a Send the price list @budi due:2027-01-15", "Send the price list");
        await CaptureAsync(rina, budi, "a Book the warehouse @rina due:2027-01-20", "Book the warehouse");

        await rina.GetByRole(AriaRole.Button, new() { Name = "End the meeting" }).ClickAsync();
        var dialog = rina.Locator("dialog.form-dialog");
        await Assertions.Expect(dialog.GetByLabel(BudisItem)).ToHaveValueAsync("carry");
        await dialog.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(budi.Locator(".run-state")).ToHaveTextAsync("Selesai");

        await BoardAsync(budi, pid);
        await MinutesAsync(rina, budi, meeting);

        await budi.GotoAsync($"/p/{pid}/meetings/{series}?occurrence={nextKey}");
        var carried = budi.Locator(".carry-over");
        foreach (var title in new[] { "Send the price list", "Book the warehouse", BudisItem })
        {
            await Assertions.Expect(carried.Locator("li", new() { HasText = title })).ToHaveCountAsync(1);
        }
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    /// <summary>Both organisations and a weekly series led by Rina with both invited; its meeting tomorrow has two
    /// agenda items. Returns the occurrence keys of tomorrow's meeting and the one a week later.</summary>
    private static async Task<(string Pid, string Series, string Key, string NextKey)> SeedAsync(IPage rina, IPage budi)
    {
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        var rinaId = (await ApiSeed.GetAsync(rina, "/api/account/me")).GetProperty("id").GetString();
        var budiId = (await ApiSeed.GetAsync(budi, "/api/account/me")).GetProperty("id").GetString();
        var day = DateTime.UtcNow.Date.AddDays(1);
        var series = (await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/meetings", new
        {
            title = Series, start = $"{day:yyyy-MM-dd}T10:00:00", durationMinutes = 45, timeZone = "Asia/Jakarta",
            location = "Balai desa", facilitatorUserId = rinaId, attendeeUserIds = new[] { rinaId, budiId },
            recurrence = "Weekly", version = 0,
        })).GetProperty("id").GetString()!;
        foreach (var title in new[] { "Harvest figures", "Warehouse rent" })
        {
            await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/meetings/{series}/agenda",
                new { occurrence = $"{day:yyyy-MM-dd}T10:00:00", title, ownerUserId = rinaId, minutes = 10 });
        }
        return (pid, series, day.ToString("yyyyMMdd'T100000'", CultureInfo.InvariantCulture),
            day.AddDays(7).ToString("yyyyMMdd'T100000'", CultureInfo.InvariantCulture));
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
    }

    /// <summary>Both captured action items are on Budi's board.</summary>
    private static async Task BoardAsync(IPage budi, string pid)
    {
        await budi.GotoAsync($"/p/{pid}/actions");
        foreach (var title in new[] { "Send the price list", "Book the warehouse" })
        {
            await Assertions.Expect(budi.Locator(".item-card", new() { HasText = title })).ToHaveCountAsync(1);
        }
    }

    /// <summary>Rina produces the minutes on the meeting's page; Budi opens them: the decision and both items with
    /// their owners and due dates.</summary>
    private static async Task MinutesAsync(IPage rina, IPage budi, string meeting)
    {
        await rina.GotoAsync(meeting);
        await budi.GotoAsync(meeting);
        await rina.Locator("#produce-minutes").ClickAsync();
        await budi.Locator("#minutes-doc").ClickAsync();
        await Assertions.Expect(budi.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        var text = budi.Locator(".cm-content");
        foreach (var expected in new[]
        {
            $"# Minutes: {Series}", "Buy seed from two suppliers",
            "Send the price list | Budi Santoso | 2027-01-15", "Book the warehouse | Rina Wijaya | 2027-01-20",
        })
        {
            await Assertions.Expect(text).ToContainTextAsync(expected);
        }
    }
}
