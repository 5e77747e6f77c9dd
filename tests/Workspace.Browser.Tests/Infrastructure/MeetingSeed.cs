using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Workspace.Browser.Tests.Infrastructure;

/// <summary>Meetings with something on every part of their pages, seeded through the API by the owner.</summary>
public static class MeetingSeed
{
    public static readonly string[] Agenda = ["Harvest figures", "Warehouse rent", "Next season's seed"];

    /// <summary>
    /// A weekly series held in Jakarta time, and tomorrow's "Board review" (once) with <see cref="Agenda"/> in that
    /// order and a decision worded twice (so its earlier wording shows). Returns the board review's id.
    /// </summary>
    public static async Task<string> BoardReviewAsync(IPage owner, string pid)
    {
        string Url(string path) => $"/api/partnerships/{pid}{path}";
        static string Start(int days) => DateTime.UtcNow.Date.AddDays(days).AddHours(10)
            .ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var me = (await ApiSeed.GetAsync(owner, "/api/account/me")).GetProperty("id").GetString()!;
        var parties = (await ApiSeed.GetAsync(owner, Url(""))).GetProperty("parties").EnumerateArray()
            .Select(p => p.GetProperty("id").GetString()!).ToArray();
        await ApiSeed.PostAsync(owner, Url("/meetings"), new
        {
            title = "Weekly rice sync", start = Start(2), durationMinutes = 45, timeZone = "Asia/Jakarta",
            location = "Balai desa", facilitatorUserId = me, attendeeUserIds = Array.Empty<string>(),
            recurrence = "Weekly", version = 0,
        });
        var meeting = await ApiSeed.PostAsync(owner, Url("/meetings"), new
        {
            title = "Board review", start = Start(1), durationMinutes = 60, timeZone = "Europe/London",
            location = "https://meet.example.org/board", facilitatorUserId = me,
            attendeeUserIds = Array.Empty<string>(), recurrence = "None", version = 0,
        });
        var id = Id(meeting);
        foreach (var title in Agenda)
        {
            await ApiSeed.PostAsync(owner, Url($"/meetings/{id}/agenda"),
                new { occurrence = (string?)null, title, ownerUserId = me, minutes = 15 });
        }
        var decision = await ApiSeed.PostAsync(owner, Url($"/meetings/{id}/decisions"), new
        {
            occurrence = (string?)null, text = "Rent the Subang warehouse", why = "Closest to the mills",
            partyIds = parties,
        });
        await ApiSeed.PostAsync(owner, Url($"/decisions/{Id(decision)}/revisions"), new
        {
            text = "Rent the Subang warehouse for two seasons", why = "Closest to the mills", partyIds = parties,
            reason = "The owner offered a lower rent for two seasons", revision = 1,
        });
        return id;
    }

    private static string Id(JsonElement view) => view.GetProperty("id").GetString()!;
}
