using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Goals;

/// <summary>Goals, KPIs and their measurements: every member reads, editors and owners change.</summary>
public static class GoalsApi
{
    public static void MapGoals(this WebApplication app)
    {
        var group = app.MapGroup("/api/partnerships/{partnershipId:guid}").WithTags("Goals & KPIs")
            .RequireAuthorization();

        group.MapGet("/goals", GetBoardAsync).RequireMember();
        var write = group.MapGroup("").RequireMember(PartnershipRole.Editor).ValidateRequests();
        write.MapPost("/goals", async (Guid partnershipId, GoalInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).CreateGoalAsync(Actor(http), input)).ToHttp());
        write.MapPut("/goals/{goalId:guid}",
            async (Guid partnershipId, Guid goalId, GoalInput input, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId).UpdateGoalAsync(Actor(http), goalId, input)).ToHttp());
        write.MapDelete("/goals/{goalId:guid}",
            async (Guid partnershipId, Guid goalId, int version, HttpContext http, IGrainFactory grains) =>
                Bounds.CheckVersion(version) is { } invalid
                    ? invalid
                    : (await Grain(grains, partnershipId).DeleteGoalAsync(Actor(http), goalId, version)).ToHttp());

        write.MapPost("/kpis", async (Guid partnershipId, KpiInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).CreateKpiAsync(Actor(http), input)).ToHttp());
        write.MapPut("/kpis/{kpiId:guid}",
            async (Guid partnershipId, Guid kpiId, KpiInput input, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId).UpdateKpiAsync(Actor(http), kpiId, input)).ToHttp());
        write.MapDelete("/kpis/{kpiId:guid}",
            async (Guid partnershipId, Guid kpiId, int version, HttpContext http, IGrainFactory grains) =>
                Bounds.CheckVersion(version) is { } invalid
                    ? invalid
                    : (await Grain(grains, partnershipId).DeleteKpiAsync(Actor(http), kpiId, version)).ToHttp());
        write.MapPost("/kpis/{kpiId:guid}/measurements",
            async (Guid partnershipId, Guid kpiId, MeasurementInput input, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId).AddMeasurementAsync(Actor(http), kpiId, input)).ToHttp());
        write.MapDelete("/kpis/{kpiId:guid}/measurements/{measurementId:guid}",
            async (Guid partnershipId, Guid kpiId, Guid measurementId, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId).DeleteMeasurementAsync(Actor(http), kpiId, measurementId))
                    .ToHttp());
    }

    private static async Task<Ok<GoalsBoard>> GetBoardAsync(Guid partnershipId, IGrainFactory grains) =>
        TypedResults.Ok(await Grain(grains, partnershipId).GetBoardAsync());

    private static IGoalsGrain Grain(IGrainFactory grains, Guid partnershipId) =>
        grains.GetGrain<IGoalsGrain>(partnershipId);

    private static Actor Actor(HttpContext http) => PartnershipAccess.ActorOf(http.User, http.Member());
}
