using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Agreements;

/// <summary>What the agreement endpoints share: finding an agreement of this partnership, signatories, views.</summary>
internal static class AgreementAccess
{
    public static CommandRejectedException Unknown() =>
        new(ErrorCodes.UnknownAgreement, "Unknown agreement.") { StatusCode = 404 };

    /// <summary>The agreement when it belongs to the partnership; otherwise "unknown agreement" (404).</summary>
    public static async Task<Agreement> LoadAsync(WorkspaceDb db, Guid partnershipId, Guid agreementId,
        CancellationToken ct) =>
        await db.Set<Agreement>().AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == agreementId && a.PartnershipId == partnershipId, ct) ?? throw Unknown();

    public static async Task<SignOffView> SignOffAsync(IGrainFactory grains, Agreement agreement) =>
        await AgreementDocument.Of(grains, agreement.DocumentId).GetSignOffAsync() ?? throw Unknown();

    /// <summary>Creates the document, makes it an agreement in draft with <paramref name="text"/>, and stores the
    /// row.</summary>
    public static async Task<Agreement> StartAsync(
        WorkspaceDb db, IGrainFactory grains, Guid partnershipId, string title, string language, string text,
        Guid? amends, int number, Actor actor, CancellationToken ct)
    {
        var documentId = Guid.NewGuid();
        (await grains.GetGrain<IDocumentGrain>(documentId).CreateAsync(partnershipId, title, actor)).OrRaise();
        (await AgreementDocument.Of(grains, documentId).StartAgreementAsync(partnershipId, text, actor)).OrRaise();
        var agreement = new Agreement
        {
            Id = Guid.NewGuid(), PartnershipId = partnershipId, DocumentId = documentId, Title = title, Language =
                language,
            AmendsId = amends, AmendmentNumber = number, CreatedBy = actor.UserId, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Add(agreement);
        await db.SaveChangesAsync(ct);
        return agreement;
    }

    /// <summary>Who may approve for each party: those named, or (none named) the party's admins.</summary>
    public static async Task<Dictionary<Guid, List<SignatoryView>>> SignatoriesAsync(
        WorkspaceDb db, PartnershipView partnership, CancellationToken ct)
    {
        var named = await db.Set<AgreementSignatory>().AsNoTracking()
            .Where(s => s.PartnershipId == partnership.Id).ToListAsync(ct);
        var members = partnership.Members.ToDictionary(m => m.UserId);
        return partnership.Parties.ToDictionary(p => p.Id, p =>
        {
            var mine = named.Where(s => s.PartyId == p.Id && members.ContainsKey(s.UserId)).ToList();
            return mine.Count > 0
                ? mine.ConvertAll(s => new SignatoryView(s.UserId, members[s.UserId].DisplayName, false))
                : partnership.Members.Where(m => m.PartyId == p.Id && m.IsPartyAdmin)
                    .Select(m => new SignatoryView(m.UserId, m.DisplayName, true)).ToList();
        });
    }

    public static async Task<bool> IsSignatoryAsync(WorkspaceDb db, Guid partnershipId, MemberView member,
        CancellationToken ct)
    {
        var named = await db.Set<AgreementSignatory>().AsNoTracking()
            .Where(s => s.PartnershipId == partnershipId && s.PartyId == member.PartyId).Select(s => s.UserId)
            .ToListAsync(ct);
        return named.Count > 0 ? named.Contains(member.UserId) : member.IsPartyAdmin;
    }

    public static async Task<List<AgreementSummary>> SummariesAsync(
        WorkspaceDb db, Guid partnershipId, MemberView me, bool mayApprove, CancellationToken ct)
    {
        var rows = await (from a in db.Set<Agreement>().AsNoTracking()
                          join s in db.Set<AgreementSignOff>().AsNoTracking() on a.DocumentId equals s.DocumentId
                          where a.PartnershipId == partnershipId
                          select new { a, s.Status, s.Approvals, s.RequiredParties }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.a.AmendsId ?? r.a.Id).ThenBy(r => r.a.AmendmentNumber)
            .Select(r => new AgreementSummary(r.a.Id, r.a.Title, r.Status, r.a.DocumentId, r.a.AmendsId,
                r.a.AmendmentNumber, r.a.Language, r.a.CreatedAt,
                mayApprove && r.Status == SignOffStatus.Review && AwaitsParty(r.RequiredParties, r.Approvals,
                    me.PartyId)))];
    }

    private static bool AwaitsParty(string required, string approvals, Guid party) =>
        (JsonSerializer.Deserialize<List<Guid>>(required) ?? []).Contains(party)
        && !(JsonSerializer.Deserialize<List<Approval>>(approvals) ?? []).Exists(a => a.PartyId == party);

    public static async Task<AgreementDetail> DetailAsync(
        WorkspaceDb db, IGrainFactory grains, Agreement agreement, MemberView me, CancellationToken ct)
    {
        var signOff = await SignOffAsync(grains, agreement);
        var partnership = (await grains.GetGrain<IPartnershipGrain>(agreement.PartnershipId).GetAsync())!;
        var signatories = await SignatoriesAsync(db, partnership, ct);
        var parties = partnership.Parties.Where(p => signOff.RequiredParties.Count == 0 ||
            signOff.RequiredParties.Contains(p.Id))
            .Select(p => new PartySignOff(p.Id, p.Name, signatories.GetValueOrDefault(p.Id) ?? [],
                signOff.Approvals.FirstOrDefault(a => a.PartyId == p.Id))).ToList();
        var canApprove = signOff.Status == SignOffStatus.Review && signOff.RequiredParties.Contains(me.PartyId)
            && (signatories.GetValueOrDefault(me.PartyId)?.Exists(s => s.UserId == me.UserId) ?? false);
        var root = agreement.AmendsId ?? agreement.Id;
        var mayApprove = signatories.GetValueOrDefault(me.PartyId)?.Exists(s => s.UserId == me.UserId) ?? false;
        var amendments = (await SummariesAsync(db, agreement.PartnershipId, me, mayApprove, ct))
            .Where(a => a.AmendsId == root).ToList();
        var clauses = await AgreementAmendments.ClausesAsync(db, grains, agreement, ct);
        return new AgreementDetail(agreement.Id, agreement.Title, agreement.Language, agreement.DocumentId,
            agreement.AmendsId, agreement.AmendmentNumber, signOff, parties, me.PartyId, canApprove, amendments,
                clauses);
    }
}
