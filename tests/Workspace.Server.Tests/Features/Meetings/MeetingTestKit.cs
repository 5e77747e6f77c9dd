using System.Net;
using System.Text.Json;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Meetings;

/// <summary>Scheduling steps the meeting tests share.</summary>
internal static class MeetingTestKit
{
    public const string Amsterdam = "Europe/Amsterdam";

    public static object Meeting(string facilitator, string start = "2026-10-20T10:00:00", string recurrence = "Weekly",
        string zone = Amsterdam, int duration = 60, string title = "Weekly partner sync", string[]? attendees = null,
        int version = 0) =>
        new
        {
            title, start, durationMinutes = duration, timeZone = zone, location = "https://meet.example/sync",
            facilitatorUserId = facilitator, attendeeUserIds = attendees ?? [], recurrence, until = (string?)null,
                version,
        };

    public static async Task<JsonElement> ScheduleAsync(TestPartnership p, TestUser by, object meeting,
        CancellationToken ct)
    {
        var (status, body) = await by.Http.PostJsonAsync(p.Url("/meetings"), meeting, ct);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        return body;
    }

    /// <summary>A partnership with a commenter (Cora) and a viewer (Vic), a weekly meeting and its agenda's
    /// URL.</summary>
    public static async Task<AgendaWorld> AgendaWorldAsync(WorkspaceFactory factory, CancellationToken ct)
    {
        var p = await TestPartnership.CreateAsync(factory, ct: ct);
        var commenter = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Commenter, "Cora Commenter", ct: ct);
        var viewer = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Viewer, "Vic Viewer", ct: ct);
        var id = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id), ct)).GetProperty("id").GetGuid();
        return new AgendaWorld(p, commenter, viewer, id, p.Url($"/meetings/{id}/agenda"));
    }

    public static string Code(JsonElement problem, string field) =>
        problem.GetProperty("errorCodes").GetProperty(field)[0].GetProperty("code").GetString()!;
}

internal sealed record AgendaWorld(TestPartnership P, TestUser Commenter, TestUser Viewer, Guid MeetingId, string Url);
