using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Features.Disputes;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ClauseLinks;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Agreements;

public sealed record CreateAgreementRequest(
    [property: Required, MaxLength(200)] string Title, [property: MaxLength(8)] string? Language);

public sealed record ApproveRequest(
    [property: Range(0, 1_000_000_000)] long Revision, [property: MaxLength(64)] string? Hash);

public sealed record AgreementSummary(
    Guid Id, string Title, string Status, Guid DocumentId, Guid? AmendsId, int AmendmentNumber, string Language,
    DateTimeOffset CreatedAt, bool AwaitingMyApproval);

public sealed record SignatoryView(string UserId, string Name, bool ByDefault);

public sealed record PartySignOff(Guid PartyId, string Name, IReadOnlyList<SignatoryView> Signatories, Approval?
    Approval);

public sealed record AgreementDetail(
    Guid Id, string Title, string Language, Guid DocumentId, Guid? AmendsId, int AmendmentNumber, SignOffView SignOff,
    IReadOnlyList<PartySignOff> Parties, Guid MyPartyId, bool CanApprove, IReadOnlyList<AgreementSummary> Amendments,
    IReadOnlyList<ClauseView> Clauses);

/// <summary>
/// Agreements: created from a template as co-edited documents, sent for review, approved by a signatory of every party
/// (the document's grain decides), signed, terminated, amended. Members see them; editors draft; signatories approve.
/// </summary>
public static class AgreementsApi
{
    public static void AddWorkspaceAgreements(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<AgreementClauses>();
        builder.Services.AddSingleton<IDocumentGuardKind, AgreementGuardKind>();
        builder.Services.AddSingleton<IClauseLinks>(s => s.GetRequiredService<AgreementClauses>());
        // Disputes register a stand-in with TryAdd; this is the real one, whichever feature registers first.
        builder.Services.AddSingleton<AgreementDisputeClauses>();
        builder.Services.AddSingleton<IDisputeStepsSource>(s => s.GetRequiredService<AgreementDisputeClauses>());
    }

    public static void MapAgreements(this WebApplication app)
    {
        var group = app.MapGroup("/api/partnerships/{partnershipId:guid}/agreements").WithTags("Agreements")
            .RequireAuthorization().RequireMember().ValidateRequests()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListAsync);
        group.MapPost("/", CreateAsync).RequireMember(PartnershipRole.Editor);
        group.MapGet("/{agreementId:guid}", GetAsync);
        group.MapPost("/{agreementId:guid}/review", ReviewAsync).RequireMember(PartnershipRole.Editor);
        group.MapPost("/{agreementId:guid}/draft", BackToDraftAsync).RequireMember(PartnershipRole.Editor);
        group.MapPost("/{agreementId:guid}/approve", ApproveAsync).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/{agreementId:guid}/amendments", AgreementAmendments.CreateAsync)
            .RequireMember(PartnershipRole.Editor);
        group.MapPost("/{agreementId:guid}/terminate", TerminateAsync).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapAgreementSignatories();
        group.MapAgreementClauses();
        group.MapAgreementExports();
        group.MapAgreementObligations();
    }

    private static async Task<Ok<List<AgreementSummary>>> ListAsync(
        Guid partnershipId, HttpContext http, WorkspaceDb db, CancellationToken ct)
    {
        var mayApprove = await AgreementAccess.IsSignatoryAsync(db, partnershipId, http.Member(), ct);
        return TypedResults.Ok(await AgreementAccess.SummariesAsync(db, partnershipId, http.Member(), mayApprove, ct));
    }

    private static async Task<Results<Created<AgreementDetail>, ValidationProblem>> CreateAsync(
        Guid partnershipId, CreateAgreementRequest request, HttpContext http, WorkspaceDb db, IGrainFactory grains,
        PartnershipFeed feed, CancellationToken ct)
    {
        var language = string.IsNullOrWhiteSpace(request.Language) ? "en" : request.Language.Trim();
        if (!AgreementTemplates.Languages.Contains(language))
        {
            return Problems.Invalid("language", ErrorCodes.UnknownOption, "The language is en or id.");
        }
        var title = request.Title.Trim();
        if (title.Length == 0)
        {
            return Problems.Invalid("title", ErrorCodes.Required, "A title is required.");
        }
        var partnership = await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync();
        var text = AgreementTemplates.For(language, title, [.. partnership!.Parties.Select(p => p.Name)]);
        var agreement = await AgreementAccess.StartAsync(db, grains, partnershipId, title, language, text, null, 0,
            DocumentApi.Actor(http), ct);
        await feed.SaveAsync(partnershipId, _ => { }, DocumentApi.Actor(http), "agreement.created",
            $"started the agreement “{title}”", new { title });
        var detail = await AgreementAccess.DetailAsync(db, grains, agreement, http.Member(), ct);
        return TypedResults.Created($"/api/partnerships/{partnershipId}/agreements/{agreement.Id}", detail);
    }

    private static async Task<Ok<AgreementDetail>> GetAsync(
        Guid partnershipId, Guid agreementId, HttpContext http, WorkspaceDb db, IGrainFactory grains,
            CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAsync(db, partnershipId, agreementId, ct);
        return TypedResults.Ok(await AgreementAccess.DetailAsync(db, grains, agreement, http.Member(), ct));
    }

    private static async Task<Ok<AgreementDetail>> ReviewAsync(
        Guid partnershipId, Guid agreementId, HttpContext http, WorkspaceDb db, IGrainFactory grains,
        PartnershipFeed feed, CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAsync(db, partnershipId, agreementId, ct);
        var partnership = await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync();
        var grain = AgreementDocument.Of(grains, agreement.DocumentId);
        var before = await AgreementAccess.SignOffAsync(grains, agreement);
        (await grain.BeginReviewAsync([.. partnership!.Parties.Select(p => p.Id)], DocumentApi.Actor(http))).OrRaise();
        if (before.Status == SignOffStatus.Review)
        {
            return TypedResults.Ok(await AgreementAccess.DetailAsync(db, grains, agreement, http.Member(), ct));
        }
        var detail = await AgreementAccess.DetailAsync(db, grains, agreement, http.Member(), ct);
        // Each party's signatories are asked (its party admins unless the admins named others).
        await feed.SaveAsync(partnershipId, _ => { }, DocumentApi.Actor(http), "agreement.review",
            $"sent “{agreement.Title}” for approval", new { title = agreement.Title }, new Notice(partnershipId,
                DocumentApi.Actor(http), [.. detail.Parties.SelectMany(p => p.Signatories).Select(s => s.UserId)],
                "agreement.awaitsSignOff", new { title = agreement.Title },
                $"/p/{partnershipId}/agreements/{agreement.Id}"));
        return TypedResults.Ok(detail);
    }

    private static async Task<Ok<AgreementDetail>> BackToDraftAsync(
        Guid partnershipId, Guid agreementId, HttpContext http, WorkspaceDb db, IGrainFactory grains,
            CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAsync(db, partnershipId, agreementId, ct);
        (await AgreementDocument.Of(grains, agreement.DocumentId).BackToDraftAsync(DocumentApi.Actor(http))).OrRaise();
        return TypedResults.Ok(await AgreementAccess.DetailAsync(db, grains, agreement, http.Member(), ct));
    }

    private static async Task<Results<Ok<AgreementDetail>, ProblemHttpResult>> ApproveAsync(
        Guid partnershipId, Guid agreementId, ApproveRequest request, HttpContext http, WorkspaceDb db,
        IGrainFactory grains, PartnershipFeed feed, CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAsync(db, partnershipId, agreementId, ct);
        var member = http.Member();
        if (!await AgreementAccess.IsSignatoryAsync(db, partnershipId, member, ct))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.NotASignatory,
                "Only an authorised signatory of your organisation can approve.");
        }
        var actor = DocumentApi.Actor(http);
        var signOff = (await AgreementDocument.Of(grains, agreement.DocumentId)
            .ApproveAsync(member.PartyId, request.Revision, request.Hash, actor)).OrRaise();
        var signed = signOff.Status == SignOffStatus.Signed;
        await feed.SaveAsync(partnershipId, _ => { }, actor, signed ? "agreement.signed" : "agreement.approved",
            signed ? $"signed “{agreement.Title}” for every party (revision {request.Revision})"
                : $"approved revision {request.Revision} of “{agreement.Title}”",
            new { title = agreement.Title, revision = request.Revision });
        return TypedResults.Ok(await AgreementAccess.DetailAsync(db, grains, agreement, member, ct));
    }

    private static async Task<Results<Ok<AgreementDetail>, ProblemHttpResult>> TerminateAsync(
        Guid partnershipId, Guid agreementId, HttpContext http, WorkspaceDb db, IGrainFactory grains,
        PartnershipFeed feed, CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAsync(db, partnershipId, agreementId, ct);
        if (!await AgreementAccess.IsSignatoryAsync(db, partnershipId, http.Member(), ct))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.NotASignatory,
                "Only an authorised signatory can terminate an agreement.");
        }
        (await AgreementDocument.Of(grains, agreement.DocumentId).TerminateAsync(DocumentApi.Actor(http))).OrRaise();
        await feed.SaveAsync(partnershipId, _ => { }, DocumentApi.Actor(http), "agreement.terminated",
            $"terminated “{agreement.Title}”", new { title = agreement.Title });
        return TypedResults.Ok(await AgreementAccess.DetailAsync(db, grains, agreement, http.Member(), ct));
    }
}
