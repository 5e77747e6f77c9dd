using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Partnerships;

public sealed record CreatePartnershipRequest(
    [property: Required, MaxLength(PartnershipLimits.NameMax)] string Name,
    [property: Required, MaxLength(PartnershipLimits.NameMax)] string Organisation);

public sealed record PartnershipSummary(Guid Id, string Name, bool Archived, PartnershipRole Role);

public sealed record RenameRequest([property: Required, MaxLength(PartnershipLimits.NameMax)] string Name);

public sealed record AddPartyRequest([property: Required, MaxLength(PartnershipLimits.NameMax)] string Name);

public sealed record ChangeMemberRequest(
    [property: EnumDataType(typeof(PartnershipRole))] PartnershipRole Role, bool IsPartyAdmin);

public sealed record InviteRequest(
    Guid PartyId,
    [property: Required, EmailAddress, MaxLength(PartnershipLimits.EmailMax)] string Email,
    [property: EnumDataType(typeof(PartnershipRole))] PartnershipRole Role,
    bool IsPartyAdmin);

/// <summary>
/// The new invitation, its one-time token and the link to send (there is no mail server: the inviter passes it on).
/// </summary>
public sealed record InviteResponse(InvitationView Invitation, string Token, string Link);

public sealed record MarkdownPreviewRequest(
    [property: Required(AllowEmptyStrings = true), MaxLength(MarkdownRenderer.MaxLength)] string Markdown);

public sealed record MarkdownPreviewResponse(string Html);

public static class PartnershipApi
{
    public static void MapPartnerships(this WebApplication app)
    {
        app.MapHub<PartnershipHub>("/hubs/partnership");

        var group = app.MapGroup("/api/partnerships").WithTags("Partnerships").RequireAuthorization();
        group.MapGet("/", ListMineAsync);
        group.MapPost("/", CreateAsync).ValidateRequests();

        var one = group.MapGroup("/{partnershipId:guid}").RequireMember().ValidateRequests();
        one.MapGet("/", GetAsync);
        one.MapGet("/activity", ActivityAsync);
        one.MapPut("/name", RenameAsync).RequireMember(PartnershipRole.Owner);
        one.MapPost("/archive", ArchiveAsync).RequireMember(PartnershipRole.Owner);
        one.MapPost("/restore", RestoreAsync).RequireMember(PartnershipRole.Owner).AllowOnArchived();
        one.MapPost("/parties", AddPartyAsync).RequireMember(PartnershipRole.Owner);
        // Party admins of any role manage their own party; the grain checks who may change whom.
        one.MapPut("/members/{userId}", ChangeMemberAsync);
        one.MapDelete("/members/{userId}", RemoveMemberAsync);
        one.MapGet("/invitations", InvitationsAsync);
        one.MapPost("/invitations", InviteAsync).RequireRateLimiting(RateLimits.Invitations);
        one.MapDelete("/invitations/{invitationId:guid}", RevokeAsync);
        one.MapPost("/markdown/preview", PreviewMarkdown).AllowOnArchived();

        var invitations = app.MapGroup("/api/invitations/{token}").WithTags("Invitations")
            .RequireRateLimiting(RateLimits.Invitations);
        invitations.MapGet("/", PreviewInvitationAsync).AllowAnonymous();
        invitations.MapPost("/accept", AcceptInvitationAsync).RequireAuthorization();
    }

    private static async Task<Ok<List<PartnershipSummary>>> ListMineAsync(
        ClaimsPrincipal user, WorkspaceDb db, CancellationToken ct)
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
        CreatePartnershipRequest request, ClaimsPrincipal user, IGrainFactory grains, WorkspaceDb db,
        CancellationToken ct)
    {
        var actor = await PartnershipAccess.ActorAsync(user, db, ct);
        var id = Guid.NewGuid();
        var (view, problem) = (await grains.GetGrain<IPartnershipGrain>(id)
            .CreateAsync(actor, new CreatePartnership(request.Name, request.Organisation))).OrProblem();
        return problem is not null ? problem : TypedResults.Created($"/api/partnerships/{id}", view);
    }

    private static async Task<Ok<PartnershipView>> GetAsync(Guid partnershipId, IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync())!);

    private static async Task<Results<Ok<IReadOnlyList<ActivityView>>, ValidationProblem>> ActivityAsync(
        Guid partnershipId, IGrainFactory grains, int? take) =>
        Bounds.CheckRange("take", take, 1, 500) is { } invalid
            ? invalid
            : TypedResults.Ok(await grains.GetGrain<IPartnershipGrain>(partnershipId).GetActivityAsync(take ?? 100));

    private static async Task<Results<Ok<PartnershipView>, ValidationProblem, ProblemHttpResult>> RenameAsync(
        Guid partnershipId, RenameRequest request, HttpContext http, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IPartnershipGrain>(partnershipId).RenameAsync(Actor(http), request.Name));

    private static async Task<Results<Ok<PartnershipView>, ValidationProblem, ProblemHttpResult>> ArchiveAsync(
        Guid partnershipId, HttpContext http, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IPartnershipGrain>(partnershipId).SetArchivedAsync(Actor(http), archived: true));

    private static async Task<Results<Ok<PartnershipView>, ValidationProblem, ProblemHttpResult>> RestoreAsync(
        Guid partnershipId, HttpContext http, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IPartnershipGrain>(partnershipId).SetArchivedAsync(Actor(http), archived: false));

    private static async Task<Results<Created<PartyView>, ValidationProblem, ProblemHttpResult>> AddPartyAsync(
        Guid partnershipId, AddPartyRequest request, HttpContext http, IGrainFactory grains)
    {
        var (party, problem) = (await grains.GetGrain<IPartnershipGrain>(partnershipId)
            .AddPartyAsync(Actor(http), request.Name)).OrProblem();
        return problem is not null ? problem : TypedResults.Created($"/api/partnerships/{partnershipId}", party);
    }

    private static async Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult>> ChangeMemberAsync(
        Guid partnershipId, string userId, ChangeMemberRequest request, HttpContext http, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IPartnershipGrain>(partnershipId)
            .ChangeMemberAsync(Actor(http), new ChangeMember(userId, request.Role, request.IsPartyAdmin)));

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveMemberAsync(
        Guid partnershipId, string userId, HttpContext http, IGrainFactory grains) =>
        Done(await grains.GetGrain<IPartnershipGrain>(partnershipId).RemoveMemberAsync(Actor(http), userId));

    private static async Task<Results<Ok<IReadOnlyList<InvitationView>>, ValidationProblem, ProblemHttpResult>>
        InvitationsAsync(Guid partnershipId, HttpContext http, IGrainFactory grains) =>
        Answer(await grains.GetGrain<IPartnershipGrain>(partnershipId).GetInvitationsAsync(Actor(http)));

    private static async Task<Results<Created<InviteResponse>, ValidationProblem, ProblemHttpResult>> InviteAsync(
        Guid partnershipId, InviteRequest request, HttpContext http, IGrainFactory grains,
        ILogger<InviteRequest> logger)
    {
        var (created, problem) = (await grains.GetGrain<IPartnershipGrain>(partnershipId)
            .InviteAsync(Actor(http),
                new InviteMember(request.PartyId, request.Email, request.Role, request.IsPartyAdmin))).OrProblem();
        if (created is null)
        {
            return problem!;
        }
        var link = $"{http.Request.Scheme}://{http.Request.Host}/invite/{created.Token}";
        // No mail server: the inviter passes the link on, and operators can find it in the log.
        logger.LogInformation("Invitation {InvitationId} for {Email} into partnership {PartnershipId}: {Link}",
            created.Invitation.Id, created.Invitation.Email, partnershipId, link);
        return TypedResults.Created($"/api/partnerships/{partnershipId}/invitations",
            new InviteResponse(created.Invitation, created.Token, link));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid partnershipId, Guid invitationId, HttpContext http, IGrainFactory grains) =>
        Done(await grains.GetGrain<IPartnershipGrain>(partnershipId).RevokeInvitationAsync(Actor(http), invitationId));

    /// <summary>200 with the value, or the refusal's ProblemDetails (a membership command has no edit conflict).
    /// </summary>
    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(Outcome<T> outcome) =>
        outcome.OrProblem() switch
        {
            (_, { } problem) => problem,
            (var value, _) => TypedResults.Ok(value!),
        };

    private static Results<NoContent, ProblemHttpResult> Done(Outcome<bool> outcome) =>
        outcome.OrProblem().Problem is { } problem ? problem : TypedResults.NoContent();

    private static Results<Ok<MarkdownPreviewResponse>, ValidationProblem> PreviewMarkdown(
        MarkdownPreviewRequest request, MarkdownRenderer markdown)
    {
        return TypedResults.Ok(new MarkdownPreviewResponse(markdown.Render(request.Markdown)));
    }

    private static async Task<Results<Ok<InvitationPreview>, ProblemHttpResult>> PreviewInvitationAsync(
        string token, WorkspaceDb db, IGrainFactory grains, CancellationToken ct)
    {
        var partnershipId = await FindPartnershipOfTokenAsync(token, db, ct);
        var preview = partnershipId is { } id
            ? await grains.GetGrain<IPartnershipGrain>(id).PreviewInvitationAsync(PartnershipGrain.HashToken(token))
            : null;
        return preview is null
            ? Problems.NotFound(ErrorCodes.InvitationInvalid, "This invitation link is not valid.")
            : TypedResults.Ok(preview);
    }

    private static async Task<Results<Ok<MemberView>, ProblemHttpResult>> AcceptInvitationAsync(
        string token, ClaimsPrincipal user, WorkspaceDb db, IGrainFactory grains, CancellationToken ct)
    {
        if (await FindPartnershipOfTokenAsync(token, db, ct) is not { } partnershipId)
        {
            return Problems.NotFound(ErrorCodes.InvitationInvalid, "This invitation link is not valid.");
        }
        var actor = await PartnershipAccess.ActorAsync(user, db, ct);
        var (member, problem) = (await grains.GetGrain<IPartnershipGrain>(partnershipId)
            .AcceptInvitationAsync(actor, PartnershipGrain.HashToken(token))).OrProblem();
        return problem is not null ? problem : TypedResults.Ok(member!);
    }

    private static async Task<Guid?> FindPartnershipOfTokenAsync(string token, WorkspaceDb db, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = PartnershipGrain.HashToken(token);
        var row = await db.Invitations.AsNoTracking().Where(i => i.TokenHash == hash)
            .Select(i => new { i.PartnershipId }).FirstOrDefaultAsync(ct);
        return row?.PartnershipId;
    }

    private static Actor Actor(HttpContext http) => PartnershipAccess.ActorOf(http.User, http.Member());
}
