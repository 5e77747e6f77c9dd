using Workspace.Server.Kernel.ClauseLinks;

namespace Workspace.Server.Features.Disputes;

/// <summary>
/// The clause a dispute is about, followed through the agreement's later edits: read, it is moved to the current
/// text (and stored there, as comment passages are), so its number and heading are the clause's current ones and a
/// deleted clause is shown as deleted rather than as whatever carries its old number.
/// </summary>
public sealed partial class DisputesGrain
{
    private async Task FollowClauseAsync(DisputeState state)
    {
        if (ClauseLinkState.Read(state.Dispute.ClauseLink) is not { } link)
        {
            return;
        }
        var moved = (await clauses.FollowAsync(PartnershipId, [link]))[0];
        if (moved == link)
        {
            return;
        }
        var updated = state.Dispute.Copy();
        Link(updated, moved);
        await using var db = await dbs.CreateDbContextAsync();
        db.Update(updated);
        await db.SaveChangesAsync();
        state.Dispute = updated;
    }

    private static void Link(Dispute dispute, ClauseLinkState? link)
    {
        dispute.ClauseLink = ClauseLinkState.Write(link);
        if (link is not null)
        {
            dispute.Clause = Cut(link.Ref.Number, 100);
            dispute.ClauseTitle = Cut($"{link.AgreementTitle} § {link.Ref.Number} {link.Ref.Title}".Trim(), 300);
        }
    }

    private static ClauseView? ClauseViewOf(Dispute d)
    {
        if (d.AgreementId is not { } agreementId)
        {
            return null;
        }
        var link = ClauseLinkState.Read(d.ClauseLink);
        return new ClauseView(agreementId, d.Clause, d.ClauseTitle, link?.Ref.Number ?? d.Clause,
            link?.Ref.Title ?? "", link?.Deleted ?? false);
    }
}
