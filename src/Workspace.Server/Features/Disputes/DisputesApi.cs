using Microsoft.Extensions.DependencyInjection.Extensions;
using Workspace.Collaboration.Errors;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Disputes;

/// <summary>
/// Disputes between the parties. Every member reads them (notes: only their own party's); commenters of an involved
/// party write in the discussion and anyone keeps notes for their party; editors and owners raise, move steps,
/// propose and answer on behalf of their own party (the party of their membership, never one named in the body).
/// </summary>
public static class DisputesApi
{
    public static void AddWorkspaceDisputes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DisputePush>();
        builder.Services.TryAddSingleton<DisputeEffects>();
        builder.Services.AddHostedService<PendingResolutionEffects>();
        // Replaced by the agreements feature's clause parser when it is wired (TryAdd: first one wins).
        builder.Services.TryAddSingleton<IDisputeStepsSource, NoAgreementSteps>();
    }

    public static void MapDisputes(this WebApplication app)
    {
        var group = app.MapGroup("/api/partnerships/{partnershipId:guid}/disputes").WithTags("Disputes")
            .RequireAuthorization();
        group.MapGet("", async (Guid partnershipId, IGrainFactory grains) =>
            TypedResults.Ok(await Grain(grains, partnershipId).GetAllAsync())).RequireMember();
        group.MapGet("/{disputeId:guid}", async (Guid partnershipId, Guid disputeId, IGrainFactory grains) =>
            await Grain(grains, partnershipId).GetAsync(disputeId) is { } d
                ? Results.Ok(d) : Problems.NotFound(ErrorCodes.UnknownDispute, "This dispute does not exist."))
            .RequireMember();
        group.MapGet("/{disputeId:guid}/notes", async (Guid partnershipId, Guid disputeId, HttpContext http,
            IGrainFactory grains) => (await Grain(grains, partnershipId).GetNotesAsync(disputeId,
                http.Member().PartyId)).ToHttp()).RequireMember();

        var commenter = group.MapGroup("").RequireMember(PartnershipRole.Commenter).ValidateRequests();
        commenter.MapPost("/{disputeId:guid}/messages", async (Guid partnershipId, Guid disputeId,
            DisputeMessageInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).PostMessageAsync(Who(http), disputeId, input)).ToHttp());
        commenter.MapPost("/{disputeId:guid}/notes", async (Guid partnershipId, Guid disputeId,
            DisputeNoteInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).AddNoteAsync(Who(http), disputeId, input)).ToHttp());

        var editor = group.MapGroup("").RequireMember(PartnershipRole.Editor).ValidateRequests();
        editor.MapPost("", async (Guid partnershipId, RaiseDisputeInput input, HttpContext http,
            IGrainFactory grains) => (await Grain(grains, partnershipId).RaiseAsync(Who(http), input)).ToHttp());
        editor.MapPost("/{disputeId:guid}/steps/next", async (Guid partnershipId, Guid disputeId,
            AdvanceStepInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).AdvanceAsync(Who(http), disputeId, input)).ToHttp());
        editor.MapPost("/{disputeId:guid}/proposals", async (Guid partnershipId, Guid disputeId,
            ProposalInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).ProposeAsync(Who(http), disputeId, input)).ToHttp());
        editor.MapPost("/{disputeId:guid}/proposals/{proposalId:guid}/answer", async (Guid partnershipId,
            Guid disputeId, Guid proposalId, AnswerInput input, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).AnswerAsync(Who(http), disputeId, proposalId, input)).ToHttp());
        editor.MapPost("/{disputeId:guid}/proposals/{proposalId:guid}/withdraw", async (Guid partnershipId,
            Guid disputeId, Guid proposalId, HttpContext http, IGrainFactory grains) =>
            (await Grain(grains, partnershipId).WithdrawAsync(Who(http), disputeId, proposalId)).ToHttp());
    }

    private static IDisputesGrain Grain(IGrainFactory grains, Guid partnershipId) =>
        grains.GetGrain<IDisputesGrain>(partnershipId);

    private static DisputeActor Who(HttpContext http)
    {
        var member = http.Member();
        return new DisputeActor(PartnershipAccess.ActorOf(http.User, member), member.PartyId, member.Role);
    }
}
