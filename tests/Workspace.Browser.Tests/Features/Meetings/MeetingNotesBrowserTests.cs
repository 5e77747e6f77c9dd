using System.Globalization;
using Microsoft.Playwright;
using Workspace.Browser.Tests.Infrastructure;

namespace Workspace.Browser.Tests.Features.Meetings;

/// <summary>
/// Two organisations write a meeting's notes together in the meeting page, the facilitator produces and shares the
/// minutes, and the partner opens them; plus the notes and the minutes' print view at every size in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingNotesBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task TwoOrganisationsCoEditTheNotesLiveProduceTheMinutesAndOpenThem()
    {
        var rina = await fixture.NewPageAsync();
        var budi = await fixture.NewPageAsync();
        var cspErrors = new List<string>();
        foreach (var page in new[] { rina, budi })
        {
            page.Console += (_, m) =>
            {
                if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) cspErrors.Add(m.Text);
            };
        }
        var (pid, meetingId) = await MeetingAsync(rina, budi);

        await rina.GotoAsync($"/p/{pid}/meetings/{meetingId}");
        await budi.GotoAsync($"/p/{pid}/meetings/{meetingId}");
        foreach (var page in new[] { rina, budi })
        {
            await Expect(page.Locator("#notes-sync")).ToHaveAttributeAsync("data-state", "saved");
        }
        await UiSteps.LiveAsync(budi, "Budi Santoso"); // the minutes Rina produces reach Budi's page live
        await rina.Locator(".meeting-notes .cm-content").ClickAsync();
        await budi.Locator(".meeting-notes .cm-content").ClickAsync();
        await Task.WhenAll(
            rina.Keyboard.TypeAsync("Rina: the pilot starts in Malang.\n", new() { Delay = 15 }),
            budi.Keyboard.TypeAsync("Budi: the warehouse is ready by March.\n", new() { Delay = 15 }));
        foreach (var page in new[] { rina, budi })
        {
            await Expect(page.Locator("#notes-sync")).ToHaveAttributeAsync("data-state", "saved",
                new() { Timeout = 30_000 });
        }
        foreach (var page in new[] { rina, budi })
        {
            await Expect(page.Locator(".meeting-notes .cm-content")).ToContainTextAsync("the pilot starts in Malang");
            await Expect(page.Locator(".meeting-notes .cm-content")).ToContainTextAsync("ready by March");
        }
        await Expect(budi.Locator("#produce-minutes")).ToHaveCountAsync(0);

        await rina.Locator("#produce-minutes").ClickAsync();
        await Expect(budi.Locator("#minutes-doc")).ToBeVisibleAsync();
        await rina.Locator("#share-minutes").ClickAsync();
        await Expect(budi.Locator("#minutes-shared")).ToContainTextAsync("Rina Wijaya");
        var printUrl = await budi.Locator("#minutes-print").GetAttributeAsync("href");

        await budi.Locator("#minutes-doc").ClickAsync();
        await Expect(budi.Locator("#sync")).ToHaveAttributeAsync("data-state", "saved");
        await Expect(budi.Locator(".cm-content")).ToContainTextAsync("# Minutes: Pilot review");
        await Expect(budi.Locator(".cm-content")).ToContainTextAsync("Budi: the warehouse is ready by March.");
        await Expect(budi.Locator(".cm-content")).ToContainTextAsync("Start the pilot in Malang");
        await Expect(budi.Locator(".meeting-back")).ToHaveTextAsync("← Meeting: Pilot review");
        await budi.GotoAsync($"/p/{pid}/docs");
        await Expect(budi.Locator(".meeting-docs li")).ToHaveCountAsync(2);
        await Expect(budi.Locator(".meeting-docs .kind-minutes")).ToHaveTextAsync("Minutes");
        await budi.GotoAsync(printUrl!);
        await Expect(budi.Locator("h1")).ToHaveTextAsync("Minutes: Pilot review");
        await Expect(budi.Locator("#notes")).ToContainTextAsync("the pilot starts in Malang");

        Assert.Empty(cspErrors);
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    [Theory]
    [InlineData("en-GB", 1280, 800)]
    [InlineData("en-GB", 390, 844)]
    [InlineData("id-ID", 1280, 800)]
    [InlineData("id-ID", 390, 844)]
    public async Task NotesAndMinutesPrintViewAtEverySizeInBothLanguages(string locale, int width, int height)
    {
        var (lang, size) = (locale[..2], width > 900 ? "desktop" : "phone");
        var rina = await fixture.NewPageAsync(locale, width, height);
        var budi = await fixture.NewPageAsync(locale, width, height);
        var (pid, meetingId) = await MeetingAsync(rina, budi);
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/meetings/{meetingId}/notes", new { });
        await ApiSeed.PostAsync(rina, $"/api/partnerships/{pid}/meetings/{meetingId}/minutes", new { language = lang });

        await rina.GotoAsync($"/p/{pid}/meetings/{meetingId}");
        await Expect(rina.Locator("#notes-sync")).ToHaveAttributeAsync("data-state", "saved");
        await rina.Locator(".meeting-notes .cm-content").ClickAsync();
        await rina.Keyboard.TypeAsync(
            "## Harvest\nYield rose 12% in Sumberpucung.\n- [ ] Book the warehouse due:2026-12-20");
        await Expect(rina.Locator("#notes-sync")).ToHaveAttributeAsync("data-state", "saved");
        await rina.WaitForTimeoutAsync(600);
        await SaveAsync(rina, $"meeting-notes-{size}-{lang}");
        await LayoutChecks.AssertFitsAsync(rina, "meeting notes");

        await rina.GotoAsync($"/api/partnerships/{pid}/meetings/{meetingId}/minutes.html");
        await Expect(rina.Locator("h1")).ToContainTextAsync("Pilot review");
        await SaveAsync(rina, $"minutes-print-{size}-{lang}");
        // The print view has no app shell: only the page itself must fit.
        var widths = await rina.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, innerWidth]");
        Assert.True(widths[0] <= widths[1], $"minutes print view: {widths[0]} px wide in a {widths[1]} px window");
        // The PDF beside them, to be looked at too (screenshots/tmp is not kept in git).
        var pdf = await rina.Context.APIRequest.GetAsync($"/api/partnerships/{pid}/meetings/{meetingId}/minutes.pdf");
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        var dir = Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotDir)!, "..", "screenshots", "tmp");
        Directory.CreateDirectory(dir);
        await File.WriteAllBytesAsync(Path.Combine(dir, $"minutes-{size}-{lang}.pdf"), await pdf.BodyAsync(),
            TestContext.Current.CancellationToken);
        await rina.Context.CloseAsync();
        await budi.Context.CloseAsync();
    }

    /// <summary>Rina (Koperasi Maju, owner, facilitator) and Budi (Dinas Pertanian, editor) with tomorrow's "Pilot
    /// review": an agenda item and a decision both parties agreed to.</summary>
    private static async Task<(string Pid, string MeetingId)> MeetingAsync(IPage rina, IPage budi)
    {
        var (pid, _) = await ApiSeed.TwoOrganisationsAsync(rina.Context, budi.Context, "Budi Santoso", "Editor");
        string Url(string path) => $"/api/partnerships/{pid}{path}";
        var me = (await ApiSeed.GetAsync(rina, "/api/account/me")).GetProperty("id").GetString();
        var partner = (await ApiSeed.GetAsync(budi, "/api/account/me")).GetProperty("id").GetString();
        var parties = (await ApiSeed.GetAsync(rina, Url(""))).GetProperty("parties").EnumerateArray()
            .Select(p => p.GetProperty("id").GetString()!).ToArray();
        var start = DateTime.UtcNow.Date.AddDays(1).AddHours(10).ToString("yyyy-MM-dd'T'HH:mm:ss",
            CultureInfo.InvariantCulture);
        var meeting = await ApiSeed.PostAsync(rina, Url("/meetings"), new
        {
            title = "Pilot review", start, durationMinutes = 60, timeZone = "Asia/Jakarta", location = "Balai desa",
            facilitatorUserId = me, attendeeUserIds = new[] { me, partner }, recurrence = "None", version = 0,
        });
        var id = meeting.GetProperty("id").GetString()!;
        await ApiSeed.PostAsync(rina, Url($"/meetings/{id}/agenda"),
            new { occurrence = (string?)null, title = "Harvest figures", ownerUserId = partner, minutes = 15 });
        await ApiSeed.PostAsync(rina, Url($"/meetings/{id}/decisions"), new
        {
            occurrence = (string?)null, text = "Start the pilot in Malang", why = "Lower cost of transport",
            partyIds = parties,
        });
        return (pid, id);
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        var dir = Path.Combine(Path.GetDirectoryName(BrowserFixture.ScreenshotDir)!, "..", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(dir, name + ".png"), FullPage = true,
        });
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
