using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Partnerships;

public sealed record CreatePartnershipRequest(
    [property: Required, MaxLength(200)] string Name,
    [property: Required, MaxLength(200)] string Organisation);

public sealed record PartnershipSummary(Guid Id, string Name, bool Archived, PartnershipRole Role);

public static class PartnershipApi
{
    public static void AddWorkspacePartnerships(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PartnershipAccess>();
        builder.Services.AddSingleton<LiveConnections>();
        builder.Services.AddSingleton<PartnershipFeed>();
        builder.Services.AddSingleton(TimeProvider.System);
    }

    public static void MapPartnerships(this WebApplication app)
    {
        app.MapHub<PartnershipHub>("/hubs/partnership");

        var group = app.MapGroup("/api/partnerships").WithTags("Partnerships").RequireAuthorization();
        group.MapGet("/", ListMineAsync);
        group.MapPost("/", CreateAsync);

        var one = group.MapGroup("/{partnershipId:guid}").RequireMember();
        one.MapGet("/", GetAsync);
        one.MapGet("/activity", ActivityAsync);
    }

    private static async Task<Ok<List<PartnershipSummary>>> ListMineAsync(ClaimsPrincipal user, WorkspaceDb db, CancellationToken ct)
    {
        var userId = PartnershipAccess.UserId(user);
        var list = await (from m in db.Memberships
                          join p in db.Partnerships on m.PartnershipId equals p.Id
                          where m.UserId == userId
                          orderby p.Name
                          select new PartnershipSummary(p.Id, p.Name, p.ArchivedAt != null, m.Role)).ToListAsync(ct);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Created<PartnershipView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreatePartnershipRequest request, ClaimsPrincipal user, IGrainFactory grains, WorkspaceDb db)
    {
        if (Validation.Check(request) is { } invalid)
        {
            return invalid;
        }
        var userId = PartnershipAccess.UserId(user)!;
        var account = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId);
        var actor = new Actor(userId, account.DisplayName, account.Email ?? "");
        var id = Guid.NewGuid();
        var view = await grains.GetGrain<IPartnershipGrain>(id).CreateAsync(actor, new CreatePartnership(request.Name, request.Organisation));
        return TypedResults.Created($"/api/partnerships/{id}", view);
    }

    private static async Task<Ok<PartnershipView>> GetAsync(Guid partnershipId, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync())!);

    private static async Task<Ok<IReadOnlyList<ActivityView>>> ActivityAsync(Guid partnershipId, IGrainFactory grains, int? take) =>
        TypedResults.Ok(await grains.GetGrain<IPartnershipGrain>(partnershipId).GetActivityAsync(take ?? 100));
}
