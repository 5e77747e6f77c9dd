using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Reviews;

/// <summary>
/// Periodic reviews of the partnership. Every member reads the rounds and answers for themselves (a viewer's view of
/// the partnership counts as much as an owner's); commenters note agreed changes; editors of any party open and close
/// rounds and turn agreed changes into action items. No party owns a round.
/// </summary>
public static class ReviewsApi
{
    public static void MapReviews(this WebApplication app)
    {
        var group = app.MapGroup("/api/partnerships/{partnershipId:guid}/reviews").WithTags("Reviews")
            .RequireAuthorization();
        group.MapGet("", async (Guid partnershipId, HttpContext http, IGrainFactory grains) =>
            TypedResults.Ok(await Grain(grains, partnershipId).GetAllAsync(Who(http).Actor.UserId))).RequireMember();
        group.MapGet("/{roundId:guid}", async (Guid partnershipId, Guid roundId, HttpContext http,
            IGrainFactory grains) => (await Grain(grains, partnershipId).GetAsync(Who(http).Actor.UserId, roundId))
                .ToHttp()).RequireMember();

        // Mapped in the order a round lives: answered, closed, then its agreed changes noted and made items of.
        var member = group.MapGroup("").RequireMember().ValidateRequests();
        member.MapPut("/{roundId:guid}/answer", async (Guid partnershipId, Guid roundId, ReviewAnswerInput input,
            HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).AnswerAsync(Who(http), roundId, input)).ToHttp());

        var closer = group.MapGroup("").RequireMember(PartnershipRole.Editor).ValidateRequests();
        closer.MapPost("/{roundId:guid}/close", async (Guid partnershipId, Guid roundId, HttpContext http,
            IGrainFactory grains) => (await Grain(grains, partnershipId).CloseAsync(Who(http), roundId)).ToHttp());

        var commenter = group.MapGroup("").RequireMember(PartnershipRole.Commenter).ValidateRequests();
        commenter.MapPost("/{roundId:guid}/changes", async (Guid partnershipId, Guid roundId,
            ReviewChangeInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).AddChangeAsync(Who(http), roundId, input)).ToHttp());

        var editor = group.MapGroup("").RequireMember(PartnershipRole.Editor).ValidateRequests();
        editor.MapPost("", async (Guid partnershipId, OpenReviewInput input, HttpContext http,
            IGrainFactory grains) => (await Grain(grains, partnershipId).OpenAsync(Who(http), input)).ToHttp());
        editor.MapPost("/changes/{changeId:guid}/action-item", async (Guid partnershipId, Guid changeId,
            ChangeToItemInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).ChangeToItemAsync(Who(http), changeId, input)).ToHttp());
    }

    private static IReviewsGrain Grain(IGrainFactory grains, Guid partnershipId) =>
        grains.GetGrain<IReviewsGrain>(partnershipId);

    private static ReviewActor Who(HttpContext http)
    {
        var member = http.Member();
        return new ReviewActor(PartnershipAccess.ActorOf(http.User, member), member.PartyId, member.Role);
    }
}
