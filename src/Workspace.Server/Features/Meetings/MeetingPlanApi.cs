using Workspace.Collaboration.Errors;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// Planning reads every member may make: an occurrence's agenda order with its version, what its agenda starts with
/// (carried-over items and the series' KPIs), the searchable decision log, one decision by its permalink, and the
/// dashboard's meeting tiles.
/// </summary>
public static class MeetingPlanApi
{
    public static void MapMeetingPlan(this RouteGroupBuilder group)
    {
        var member = group.MapGroup("").RequireMember();
        member.MapGet("/meetings/{meetingId:guid}/agenda/order", async (Guid partnershipId, Guid meetingId,
            string? occurrence, IGrainFactory grains) => MeetingsApi.ParseOccurrence(occurrence, out var at) is { } bad
                ? bad : (await MeetingsApi.Grain(grains, partnershipId).GetAgendaOrderAsync(meetingId, at)).ToHttp());
        member.MapGet("/meetings/{meetingId:guid}/carry-over", async (Guid partnershipId, Guid meetingId,
            string? occurrence, IGrainFactory grains) => MeetingsApi.ParseOccurrence(occurrence, out var at) is { } bad
                ? bad : (await MeetingsApi.Grain(grains, partnershipId).GetCarryOverAsync(meetingId, at)).ToHttp());
        member.MapGet("/decision-log", async (Guid partnershipId, string? q, Guid? meetingId, Guid? partyId,
            DecisionState? status, Guid? goalId, Guid? kpiId, DateOnly? from, DateOnly? to, IGrainFactory grains) =>
            (await MeetingsApi.Grain(grains, partnershipId).SearchDecisionsAsync(
                new DecisionLogQuery(q, meetingId, partyId, status, goalId, kpiId, from, to))).ToHttp());
        member.MapGet("/decisions/{decisionId:guid}", async (Guid partnershipId, Guid decisionId,
            IGrainFactory grains) =>
            await MeetingsApi.Grain(grains, partnershipId).GetDecisionAsync(decisionId) is { } d
                ? Results.Ok(d) : Problems.NotFound(ErrorCodes.UnknownDecision, "This decision does not exist."));
        member.MapGet("/meeting-tiles", async (Guid partnershipId, IGrainFactory grains) =>
            TypedResults.Ok(await MeetingsApi.Grain(grains, partnershipId).GetTilesAsync()));
    }
}
