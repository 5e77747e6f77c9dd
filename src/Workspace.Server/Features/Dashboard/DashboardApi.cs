using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Goals;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Dashboard;

public sealed record DashboardView(
    IReadOnlyList<GoalView> Goals,
    IReadOnlyList<KpiView> Kpis,
    IReadOnlyList<ActionItemView> MyOpenItems,
    IReadOnlyList<ActionItemView> OverdueItems,
    int OpenItems,
    int DoneItems,
    IReadOnlyList<ActivityView> RecentActivity,
    int MyDoneItems);

/// <summary>
/// What a member sees first: goals with progress, KPI status, my open items, overdue items, recent activity.
/// </summary>
public static class DashboardApi
{
    public static void MapDashboard(this WebApplication app)
    {
        app.MapGet("/api/partnerships/{partnershipId:guid}/dashboard", GetAsync)
            .WithTags("Dashboard").RequireAuthorization().RequireMember();
    }

    private static async Task<Ok<DashboardView>> GetAsync(Guid partnershipId, HttpContext http, IGrainFactory grains,
        TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var me = http.Member().UserId;
        var boardTask = grains.GetGrain<IGoalsGrain>(partnershipId).GetBoardAsync();
        var itemsTask = grains.GetGrain<IActionItemsGrain>(partnershipId).GetAllAsync();
        var activityTask = grains.GetGrain<IPartnershipGrain>(partnershipId).GetActivityAsync(10);
        await Task.WhenAll(boardTask, itemsTask, activityTask);
        var items = itemsTask.Result;
        return TypedResults.Ok(new DashboardView(
            boardTask.Result.Goals,
            boardTask.Result.Kpis,
            items.Where(i => i.OwnerUserId == me && i.Status != ActionStatus.Done)
                .OrderBy(i => i.DueDate ?? DateOnly.MaxValue).ToList(),
            items.Where(i => ActionItemsApi.IsOverdue(i, today)).OrderBy(i => i.DueDate).ToList(),
            items.Count(i => i.Status != ActionStatus.Done),
            items.Count(i => i.Status == ActionStatus.Done),
            activityTask.Result,
            items.Count(i => i.OwnerUserId == me && i.Status == ActionStatus.Done)));
    }
}
