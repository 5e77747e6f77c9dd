using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// .ics downloads (per meeting or series, behind the cookie) and each person's private calendar feed: a random token
/// in the URL is the only credential a calendar app can send, so only its SHA-256 is stored, a new one revokes the
/// old, and an unknown or revoked token, or one whose person has left the partnership, is a plain 404.
/// </summary>
public static class CalendarFiles
{
    private const string IcsType = "text/calendar; charset=utf-8";

    public static void MapCalendarFiles(this WebApplication app, RouteGroupBuilder group)
    {
        group.MapGet("/meetings/{meetingId:guid}/ics", async (Guid partnershipId, Guid meetingId, IGrainFactory grains,
            WorkspaceDb db) => await MeetingsApi.Grain(grains, partnershipId).GetMeetingAsync(meetingId) is { } meeting
                ? Results.Text(MeetingCalendar.ToIcs([meeting], await EmailsAsync(db, [meeting]), meeting.Title),
                    IcsType)
                : Problems.NotFound(ErrorCodes.UnknownMeeting, "This meeting does not exist."))
            .RequireMember();
        group.MapPost("/calendar-feed", CreateFeedAsync).RequireMember().AllowOnArchived();
        group.MapDelete("/calendar-feed", async (Guid partnershipId, HttpContext http, WorkspaceDb db,
            TimeProvider clock) =>
        {
            await RevokeAsync(db, partnershipId, http.Member().UserId, clock.GetUtcNow());
            await db.SaveChangesAsync(http.RequestAborted);
            return TypedResults.NoContent();
        }).RequireMember().AllowOnArchived();

        app.MapGet("/api/calendar-feeds/{token}", FeedAsync).WithTags("Meetings").AllowAnonymous()
            .RequireRateLimiting(RateLimits.CalendarFeed);
    }

    private static async Task<IResult> CreateFeedAsync(
        Guid partnershipId, HttpContext http, WorkspaceDb db, TimeProvider clock)
    {
        var userId = http.Member().UserId;
        var now = clock.GetUtcNow();
        await RevokeAsync(db, partnershipId, userId, now);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        db.Add(new CalendarFeedToken { Id = Guid.NewGuid(), PartnershipId = partnershipId, UserId = userId,
            TokenHash = Hash(token), CreatedAt = now });
        await db.SaveChangesAsync(http.RequestAborted);
        var url = $"{http.Request.Scheme}://{http.Request.Host}/api/calendar-feeds/{token}";
        return TypedResults.Ok(new CalendarFeedView(url));
    }

    private static async Task<IResult> FeedAsync(string token, WorkspaceDb db, IGrainFactory grains,
        CancellationToken ct)
    {
        var hash = Hash(token.EndsWith(".ics", StringComparison.Ordinal) ? token[..^4] : token);
        var feed = await db.Set<CalendarFeedToken>().AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash && t.RevokedAt == null, ct);
        if (feed is null
            || await grains.GetGrain<IPartnershipGrain>(feed.PartnershipId).GetMemberAsync(feed.UserId) is null)
        {
            return Problems.NotFound(ErrorCodes.UnknownCalendarFeed, "Unknown calendar feed.");
        }
        var mine = (await MeetingsApi.Grain(grains, feed.PartnershipId).GetMeetingsAsync())
            .Where(m => m.FacilitatorUserId == feed.UserId || m.AttendeeUserIds.Contains(feed.UserId)).ToList();
        var name = (await grains.GetGrain<IPartnershipGrain>(feed.PartnershipId).GetAsync())?.Name ?? "Meetings";
        return Results.Text(MeetingCalendar.ToIcs(mine, await EmailsAsync(db, mine), name), IcsType);
    }

    private static async Task RevokeAsync(WorkspaceDb db, Guid partnershipId, string userId, DateTimeOffset now)
    {
        foreach (var old in await db.Set<CalendarFeedToken>()
            .Where(t => t.PartnershipId == partnershipId && t.UserId == userId && t.RevokedAt == null).ToListAsync())
        {
            old.RevokedAt = now;
        }
    }

    private static async Task<Func<string, string?>> EmailsAsync(WorkspaceDb db, IReadOnlyList<MeetingView> meetings)
    {
        var ids = meetings.SelectMany(m => m.AttendeeUserIds.Append(m.FacilitatorUserId)).Distinct().ToList();
        var emails = await db.Set<WorkspaceUser>().AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email);
        return id => emails.GetValueOrDefault(id);
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
