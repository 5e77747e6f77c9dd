using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ClauseLinks;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Agreements;

public sealed record LinkClauseRequest([property: Required, MaxLength(32)] string Number);

public sealed record ResolveClauseRequest(
    Guid AgreementId, [property: Range(0, 1_000_000_000)] long Revision, [property: Range(0, 100_000_000)] int From,
    [property: Range(0, 100_000_000)] int To, [property: MaxLength(32)] string? Number, [property: MaxLength(300)]
        string? Title);

/// <summary>The live event (kind <c>signatories</c>) when a party's signatories change.</summary>
public sealed record SignatoriesChanged(Guid PartyId, IReadOnlyList<SignatoryView> Signatories);

public sealed record SignatoriesRequest([property: Required, MaxLength(50)] IReadOnlyList<string> UserIds);

/// <summary>Clauses (list, link, resolve), the dispute steps, comparisons, and who signs for each party.</summary>
public static class AgreementClausesApi
{
    public static void MapAgreementClauses(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/{agreementId:guid}/clauses", ListAsync);
        group.MapPost("/{agreementId:guid}/clauses/link", LinkAsync).AllowOnArchived();
        group.MapPost("/clauses/resolve", ResolveAsync).AllowOnArchived();
        group.MapGet("/{agreementId:guid}/dispute-steps", StepsAsync);
        group.MapGet("/{agreementId:guid}/compare", CompareAsync);
    }

    public static void MapAgreementSignatories(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/signatories", SignatoriesAsync);
        group.MapPut("/signatories/{partyId:guid}",
            SetSignatoriesAsync).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Ok<IReadOnlyList<ClauseView>>> ListAsync(
        Guid partnershipId, Guid agreementId, WorkspaceDb db, IGrainFactory grains, CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAsync(db, partnershipId, agreementId, ct);
        return TypedResults.Ok(await AgreementAmendments.ClausesAsync(db, grains, agreement, ct));
    }

    private static async Task<Results<Ok<ClauseRef>, ProblemHttpResult>> LinkAsync(
        Guid partnershipId, Guid agreementId, LinkClauseRequest request, AgreementClauses clauses, CancellationToken ct)
    {
        if (await clauses.FindAsync(partnershipId, agreementId, ct) is null)
        {
            throw AgreementAccess.Unknown();
        }
        return await clauses.LinkAsync(partnershipId, agreementId, request.Number, ct) is { } link
            ? TypedResults.Ok(link)
            : Problems.NotFound(ErrorCodes.UnknownClause, "This agreement has no clause with that number.");
    }

    private static async Task<Results<Ok<ResolvedClause>, ProblemHttpResult>> ResolveAsync(
        Guid partnershipId, ResolveClauseRequest request, AgreementClauses clauses, CancellationToken ct)
    {
        if (await clauses.FindAsync(partnershipId, request.AgreementId, ct) is null)
        {
            throw AgreementAccess.Unknown();
        }
        var link = new ClauseRef(request.AgreementId, request.Revision, request.From, request.To, request.Number ?? "",
            request.Title ?? "");
        return await clauses.ResolveAsync(partnershipId, link, ct) is { } resolved
            ? TypedResults.Ok(resolved)
            : Problems.NotFound(ErrorCodes.UnknownClause, "The linked clause is no longer in the agreement.");
    }

    private static async Task<Ok<IReadOnlyList<DisputeStep>>> StepsAsync(
        Guid partnershipId, Guid agreementId, AgreementClauses clauses, CancellationToken ct) =>
        TypedResults.Ok(await clauses.DisputeStepsAsync(partnershipId, agreementId, ct) ?? throw
            AgreementAccess.Unknown());

    /// <summary>
    /// <c>from</c>/<c>to</c>: two revisions of this agreement's text (from 0, the empty text, to the current one
    /// unless given); or
    /// <c>from=signed</c> on an amendment: the agreement as signed so far against this amendment's text.
    /// </summary>
    private static async Task<Results<Ok<DiffView>, ValidationProblem>> CompareAsync(
        Guid partnershipId, Guid agreementId, string? from, long? to, WorkspaceDb db, IGrainFactory grains,
        CancellationToken ct)
    {
        from = string.IsNullOrEmpty(from) ? "0" : from;
        var agreement = await AgreementAccess.LoadAsync(db, partnershipId, agreementId, ct);
        var current = (await grains.GetGrain<IDocumentGrain>(agreement.DocumentId).OpenAsync(null)).OrRaise();
        var newRevision = to ?? current.Revision;
        if (newRevision < 0 || newRevision > current.Revision)
        {
            return Problems.Invalid("to", ErrorCodes.UnknownRevision, "No such revision.", ("revision", newRevision));
        }
        var newer = newRevision == current.Revision ? current.Text ?? ""
            : await DocumentHistory.TextAtAsync(db, agreement.DocumentId, newRevision, ct) ?? "";
        if (from == "signed")
        {
            var family = await AgreementAmendments.FamilyAsync(db, await RootAsync(db, agreement, ct), ct);
            var signed = (await AgreementAmendments.SignedVersionsAsync(db, family, ct))
                .Where(v => v.Number < Math.Max(1, agreement.AmendmentNumber)).ToList();
            if (signed.Count == 0)
            {
                return Problems.Invalid("from", ErrorCodes.AgreementWrongStatus, "Nothing is signed yet.",
                    ("status", SignOffStatus.Draft), ("needed", SignOffStatus.Signed));
            }
            return TypedResults.Ok(AgreementDiff.Compare(signed[^1].Text, newer, "signed", $"r{newRevision}"));
        }
        if (!long.TryParse(from, out var oldRevision) || oldRevision < 0 || oldRevision > current.Revision)
        {
            return Problems.Invalid("from", ErrorCodes.UnknownRevision,
                "Name a revision of this agreement or \"signed\".",
                ("revision", from ?? ""));
        }
        var older = await DocumentHistory.TextAtAsync(db, agreement.DocumentId, oldRevision, ct) ?? "";
        return TypedResults.Ok(AgreementDiff.Compare(older, newer, $"r{oldRevision}", $"r{newRevision}"));
    }

    private static async Task<Agreement> RootAsync(WorkspaceDb db, Agreement agreement, CancellationToken ct) =>
        agreement.AmendsId is { } id ? await AgreementAccess.LoadAsync(db, agreement.PartnershipId, id, ct) : agreement;

    private static async Task<Ok<Dictionary<Guid, List<SignatoryView>>>> SignatoriesAsync(
        Guid partnershipId, WorkspaceDb db, IGrainFactory grains, CancellationToken ct)
    {
        var partnership = (await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync())!;
        return TypedResults.Ok(await AgreementAccess.SignatoriesAsync(db, partnership, ct));
    }

    /// <summary>A party's admins (or an owner) name who signs for it; an empty list goes back to the admins.</summary>
    private static async Task<Results<Ok<List<SignatoryView>>, ValidationProblem, ProblemHttpResult>>
        SetSignatoriesAsync(
        Guid partnershipId, Guid partyId, SignatoriesRequest request, HttpContext http, WorkspaceDb db,
        IGrainFactory grains, PartnershipFeed feed, CancellationToken ct)
    {
        var partnership = (await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync())!;
        if (!partnership.Parties.Any(p => p.Id == partyId))
        {
            return Problems.Invalid("partyId", ErrorCodes.UnknownParty,
                "That organisation is not part of this partnership.");
        }
        var me = http.Member();
        if (!(me.Role == PartnershipRole.Owner || (me.IsPartyAdmin && me.PartyId == partyId)))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.NotPartyAdmin,
                "Only an admin of that organisation or an owner names its signatories.");
        }
        var ids = request.UserIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Find(id => !partnership.Members.Any(m => m.UserId == id && m.PartyId == partyId)) is not null)
        {
            return Problems.Invalid("userIds", ErrorCodes.NotAMember,
                "A signatory must be a member of that organisation.");
        }
        db.RemoveRange(await db.Set<AgreementSignatory>().Where(s => s.PartnershipId == partnershipId && s.PartyId ==
            partyId)
            .ToListAsync(ct));
        db.AddRange(ids.Select(id => new AgreementSignatory { PartnershipId = partnershipId, PartyId = partyId, UserId
            = id }));
        await db.SaveChangesAsync(ct);
        var signatories = (await AgreementAccess.SignatoriesAsync(db, partnership, ct))[partyId];
        // Every open agreement page of the partnership redraws its approvals with the new names.
        await feed.PublishAsync(partnershipId, "signatories", new SignatoriesChanged(partyId, signatories));
        return TypedResults.Ok(signatories);
    }
}
