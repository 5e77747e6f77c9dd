using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// Facilitator mode: one occurrence of a meeting run live. Every member reads the run; owners and the run's current
/// facilitator start, step, take attendance, hand over and end it (checked by the grain, which knows the facilitator);
/// editors capture decisions and action items under the current agenda item. Each change is pushed as
/// <c>meeting.run</c>. The occurrence of a series is named in the body (or the <c>occurrence</c> query of the GET,
/// <c>yyyyMMddTHHmmss</c>); a single meeting takes none.
/// </summary>
public static class MeetingRunApi
{
    public static void MapMeetingRun(this RouteGroupBuilder group)
    {
        group.MapGet("/meetings/{meetingId:guid}/run", async (Guid partnershipId, Guid meetingId, string? occurrence,
            IGrainFactory grains) => MeetingsApi.ParseOccurrence(occurrence, out var at) is { } bad ? bad
                : (await Grain(grains, partnershipId).GetRunAsync(meetingId, at)).ToHttp())
            .RequireMember().Produces<RunView>()
            .WithSummary("The run of a meeting occurrence (state, current item, timer, attendance)");

        // Registered in the order a meeting goes (tests that replay every endpoint rely on it).
        var member = group.MapGroup("/meetings/{meetingId:guid}/run").RequireMember().ValidateRequests();
        member.MapPost("/start", (Guid partnershipId, Guid meetingId, RunStepInput input, HttpContext http,
            IGrainFactory grains) => Run(grains, partnershipId, http, (g, a, r) => g.StartRunAsync(a, r, meetingId,
                input))).WithSummary("Start the meeting: its first agenda item becomes current");
        member.MapPost("/next", (Guid partnershipId, Guid meetingId, RunStepInput input, HttpContext http,
            IGrainFactory grains) => Run(grains, partnershipId, http, (g, a, r) => g.StepRunAsync(a, r, meetingId,
                input, 1))).WithSummary("Go to the next agenda item");
        member.MapPost("/previous", (Guid partnershipId, Guid meetingId, RunStepInput input, HttpContext http,
            IGrainFactory grains) => Run(grains, partnershipId, http, (g, a, r) => g.StepRunAsync(a, r, meetingId,
                input, -1))).WithSummary("Go back to the previous agenda item");
        member.MapPost("/attendance", (Guid partnershipId, Guid meetingId, AttendanceInput input, HttpContext http,
            IGrainFactory grains) => Run(grains, partnershipId, http, (g, a, r) => g.SetAttendanceAsync(a, r,
                meetingId, input))).WithSummary("Mark a member present or absent");
        member.MapPost("/facilitator", (Guid partnershipId, Guid meetingId, HandOverInput input, HttpContext http,
            IGrainFactory grains) => Run(grains, partnershipId, http, (g, a, r) => g.HandOverAsync(a, r, meetingId,
                input))).WithSummary("Hand the facilitator role to another attendee");

        var editor = group.MapGroup("/meetings/{meetingId:guid}/run").RequireMember(PartnershipRole.Editor)
            .ValidateRequests();
        editor.MapPost("/decisions", (Guid partnershipId, Guid meetingId, CaptureDecisionInput input,
            HttpContext http, IGrainFactory grains) => Run(grains, partnershipId, http, (g, a, _) =>
                g.CaptureDecisionAsync(a, meetingId, input)))
            .WithSummary("Capture a decision under the current agenda item");
        editor.MapPost("/action-items", (Guid partnershipId, Guid meetingId, CaptureActionInput input,
            HttpContext http, IGrainFactory grains) => Run(grains, partnershipId, http, (g, a, _) =>
                g.CaptureActionAsync(a, meetingId, input)))
            .WithSummary("Capture an action item (it remembers the meeting) under the current agenda item");

        // A group of its own: endpoints are listed group by group, and the end comes after the captures.
        var closing = group.MapGroup("/meetings/{meetingId:guid}/run").RequireMember().ValidateRequests();
        closing.MapPost("/end", (Guid partnershipId, Guid meetingId, EndRunInput input, HttpContext http,
            IGrainFactory grains) => Run(grains, partnershipId, http, (g, a, r) => g.EndRunAsync(a, r, meetingId,
                input))).WithSummary("End the meeting; each unreached agenda item is carried (default) or dropped");
    }

    private static async Task<Results<Ok<RunView>, ValidationProblem, ProblemHttpResult,
        Conflict<ConflictResponse<RunView>>>> Run(IGrainFactory grains, Guid partnershipId, HttpContext http,
        Func<IMeetingRunGrain, Actor, PartnershipRole, Task<Outcome<RunView>>> command)
    {
        var member = http.Member();
        return (await command(Grain(grains, partnershipId), PartnershipAccess.ActorOf(http.User, member),
            member.Role)).ToHttp();
    }

    private static IMeetingRunGrain Grain(IGrainFactory grains, Guid partnershipId) =>
        grains.GetGrain<IMeetingRunGrain>(partnershipId);
}
