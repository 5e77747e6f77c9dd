using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Agreements;

/// <summary>One signed text in an agreement's life: the agreement itself (0) or amendment n, as signed.</summary>
internal sealed record SignedVersion(int Number, Guid AgreementId, string Text, long Revision, string Hash);

/// <summary>
/// A signed agreement changes only by numbered amendments. An amendment is an agreement of its own (same sign-off)
/// whose text starts as the agreement as amended so far; once signed, its text is the consolidated agreement, and
/// each clause names the amendment that last changed it.
/// </summary>
public static class AgreementAmendments
{
    internal static async Task<Results<Created<AgreementDetail>, ProblemHttpResult>> CreateAsync(
        Guid partnershipId, Guid agreementId, HttpContext http, WorkspaceDb db, IGrainFactory grains,
        PartnershipFeed feed, CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAsync(db, partnershipId, agreementId, ct);
        var root = agreement.AmendsId is { } rootId ? await AgreementAccess.LoadAsync(db, partnershipId, rootId, ct) :
            agreement;
        var rootSignOff = await AgreementAccess.SignOffAsync(grains, root);
        if (rootSignOff.Status != SignOffStatus.Signed)
        {
            return Problems.Of(StatusCodes.Status409Conflict, ErrorCodes.AgreementWrongStatus,
                "Only a signed agreement is amended.", ("status", rootSignOff.Status), ("needed",
                    SignOffStatus.Signed));
        }
        var family = await FamilyAsync(db, root, ct);
        if (family.Exists(f => f.Agreement.AmendmentNumber > 0 && f.Status is SignOffStatus.Draft or
            SignOffStatus.Review))
        {
            return Problems.Of(StatusCodes.Status409Conflict, ErrorCodes.AmendmentInProgress,
                "An amendment of this agreement is still open; sign or discard it first.");
        }
        var versions = await SignedVersionsAsync(db, family, ct);
        var number = family.Max(f => f.Agreement.AmendmentNumber) + 1;
        var title = root.Language == "id"
            ? $"{root.Title} — Adendum {number}"
            : $"{root.Title} — Amendment {number}";
        var actor = DocumentApi.Actor(http);
        var amendment = await AgreementAccess.StartAsync(db, grains, partnershipId, title.Length > 200 ? title[..200]
            : title,
            root.Language, versions[^1].Text, root.Id, number, actor, ct);
        await feed.SaveAsync(partnershipId, _ => { }, actor, "agreement.amendment",
            $"started amendment {number} of “{root.Title}”", new { title = root.Title, number });
        var detail = await AgreementAccess.DetailAsync(db, grains, amendment, http.Member(), ct);
        return TypedResults.Created($"/api/partnerships/{partnershipId}/agreements/{amendment.Id}", detail);
    }

    /// <summary>
    /// The clauses of this agreement as it reads now: for an agreement with signed amendments its consolidated text,
    /// for an amendment its own (draft) text; each with the amendment that last changed it.
    /// </summary>
    internal static async Task<IReadOnlyList<ClauseView>> ClausesAsync(
        WorkspaceDb db, IGrainFactory grains, Agreement agreement, CancellationToken ct)
    {
        var (text, lastChanged) = await ConsolidatedAsync(db, grains, agreement, ct);
        return [.. Clauses.Parse(text).Select(c => new ClauseView(c.Number, c.Title, c.Level, c.From, c.To,
            lastChanged.TryGetValue(c.Number, out var n) ? n : null))];
    }

    /// <summary>The text to read as this agreement now, and per clause number the amendment that last changed
    /// it.</summary>
    internal static async Task<(string Text, Dictionary<string, int> LastChanged)> ConsolidatedAsync(
        WorkspaceDb db, IGrainFactory grains, Agreement agreement, CancellationToken ct)
    {
        var root = agreement.AmendsId is { } rootId ? await AgreementAccess.LoadAsync(db, agreement.PartnershipId,
            rootId, ct) : agreement;
        var versions = await SignedVersionsAsync(db, await FamilyAsync(db, root, ct), ct);
        var current = (await grains.GetGrain<IDocumentGrain>(agreement.DocumentId).OpenAsync(null)).OrRaise().Text
            ?? "";
        if (agreement.AmendmentNumber == 0)
        {
            // Unsigned: the draft itself; signed: the newest signed text (the last signed amendment's, if any).
            return versions.Count == 0 ? (current, []) : (versions[^1].Text, LastChanged(versions));
        }
        var before = versions.Where(v => v.Number < agreement.AmendmentNumber).ToList();
        var mine = versions.FirstOrDefault(v => v.Number == agreement.AmendmentNumber);
        var chain = before.Append(mine ?? new SignedVersion(agreement.AmendmentNumber, agreement.Id, current, 0,
            "")).ToList();
        return (mine?.Text ?? current, LastChanged(chain));
    }

    /// <summary>Walks the signed texts in order; a clause whose text differs from the version before was changed
    /// there.</summary>
    private static Dictionary<string, int> LastChanged(IReadOnlyList<SignedVersion> versions)
    {
        var lastChanged = new Dictionary<string, int>(StringComparer.Ordinal);
        var previous = Clauses.Parse(versions[0].Text).GroupBy(c => c.Number).ToDictionary(g => g.Key, g =>
            g.First().Text);
        foreach (var version in versions.Skip(1))
        {
            var clauses = Clauses.Parse(version.Text).GroupBy(c => c.Number).ToDictionary(g => g.Key, g =>
                g.First().Text);
            foreach (var (number, text) in clauses)
            {
                if (!previous.TryGetValue(number, out var before) || before.TrimEnd() != text.TrimEnd())
                {
                    lastChanged[number] = version.Number;
                }
            }
            previous = clauses;
        }
        return lastChanged;
    }

    internal sealed record Member(Agreement Agreement, string Status, long? SignedRevision, string? SignedHash);

    /// <summary>The agreement and its amendments, in number order, with their sign-off status.</summary>
    internal static async Task<List<Member>> FamilyAsync(WorkspaceDb db, Agreement root, CancellationToken ct)
    {
        var rows = await (from a in db.Set<Agreement>().AsNoTracking()
                          join s in db.Set<AgreementSignOff>().AsNoTracking() on a.DocumentId equals s.DocumentId
                          where a.PartnershipId == root.PartnershipId && (a.Id == root.Id || a.AmendsId == root.Id)
                          select new Member(a, s.Status, s.SignedRevision, s.SignedHash)).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Agreement.AmendmentNumber)];
    }

    /// <summary>The signed texts of the family (the agreement, then each signed amendment), as they were
    /// signed.</summary>
    internal static async Task<List<SignedVersion>> SignedVersionsAsync(WorkspaceDb db, List<Member> family,
        CancellationToken ct)
    {
        var versions = new List<SignedVersion>();
        foreach (var m in family.Where(f => f.SignedRevision is not null))
        {
            var text = await DocumentHistory.TextAtAsync(db, m.Agreement.DocumentId, m.SignedRevision!.Value, ct) ?? "";
            versions.Add(new SignedVersion(m.Agreement.AmendmentNumber, m.Agreement.Id, text, m.SignedRevision.Value,
                m.SignedHash ?? ""));
        }
        return versions;
    }
}
