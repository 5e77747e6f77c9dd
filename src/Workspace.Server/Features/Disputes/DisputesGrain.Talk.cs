using Workspace.Collaboration.Errors;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Disputes;

/// <summary>The threaded discussion every member reads, and the notes only one's own party ever receives.</summary>
public sealed partial class DisputesGrain
{
    /// <summary>Commenters of an involved party write in the discussion, also after the resolution.</summary>
    public async Task<Outcome<DisputeView>> PostMessageAsync(DisputeActor who, Guid disputeId,
        DisputeMessageInput input)
    {
        if (Talks(who, disputeId, out var state) is { } refused)
        {
            return refused;
        }
        var text = input.Text?.Trim() ?? "";
        if (text.Length is 0 or > 4000)
        {
            return Outcome<DisputeView>.Invalid(
                Problems.Length("text", text, 4000, "A message has 1 to 4000 characters."));
        }
        if (input.ReplyToId is { } replyTo && state.Messages.All(m => m.Id != replyTo))
        {
            return Outcome<DisputeView>.Invalid("replyToId", ErrorCodes.UnknownMessage,
                "The message replied to must be of this dispute.");
        }
        var message = new DisputeMessage
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, DisputeId = disputeId, ReplyToId = input.ReplyToId,
            PartyId = who.PartyId, AuthorUserId = who.Actor.UserId, AuthorName = who.Actor.DisplayName, Text = text,
            At = clock.GetUtcNow(),
        };
        await using (var db = await dbs.CreateDbContextAsync())
        {
            db.Add(message);
            await db.SaveChangesAsync();
        }
        state.Messages.Add(message);
        return await PublishAsync(state);
    }

    /// <summary>
    /// A confidential note of the writer's party: stored with that party, read back only by its members, and pushed
    /// only to their connections (never to the partnership's group). Any party's commenters keep notes.
    /// </summary>
    public async Task<Outcome<NoteView>> AddNoteAsync(DisputeActor who, Guid disputeId, DisputeNoteInput input)
    {
        if (!_disputes.TryGetValue(disputeId, out var state))
        {
            return Outcome<NoteView>.NotFound(ErrorCodes.UnknownDispute, "This dispute does not exist.");
        }
        if (who.Role < PartnershipRole.Commenter)
        {
            return Outcome<NoteView>.Forbidden(ErrorCodes.RoleTooLow, "Notes need a commenter.");
        }
        var text = input.Text?.Trim() ?? "";
        if (text.Length is 0 or > 4000)
        {
            return Outcome<NoteView>.Invalid(Problems.Length("text", text, 4000, "A note has 1 to 4000 characters."));
        }
        var note = new DisputeNote
        {
            Id = Guid.NewGuid(), PartnershipId = PartnershipId, DisputeId = disputeId, PartyId = who.PartyId,
            AuthorUserId = who.Actor.UserId, AuthorName = who.Actor.DisplayName, Text = text, At = clock.GetUtcNow(),
        };
        await using (var db = await dbs.CreateDbContextAsync())
        {
            db.Add(note);
            await db.SaveChangesAsync();
        }
        state.Notes.Add(note);
        var view = NoteViewOf(note);
        var members = (await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync())?.Members ?? [];
        await push.ToPartyAsync(PartnershipId, members.Where(m => m.PartyId == who.PartyId).Select(m => m.UserId),
            "dispute.note", view);
        return Outcome<NoteView>.Ok(view);
    }

    private Outcome<DisputeView>? Talks(DisputeActor who, Guid disputeId, out DisputeState state)
    {
        if (!_disputes.TryGetValue(disputeId, out state!))
        {
            return Outcome<DisputeView>.NotFound(ErrorCodes.UnknownDispute, "This dispute does not exist.");
        }
        if (who.Role < PartnershipRole.Commenter)
        {
            return Outcome<DisputeView>.Forbidden(ErrorCodes.RoleTooLow, "Writing here needs a commenter.");
        }
        return state.Involves(who.PartyId) ? null
            : Outcome<DisputeView>.Forbidden(ErrorCodes.NotInvolved, "Your organisation is not involved.");
    }

    private static NoteView NoteViewOf(DisputeNote n) => new(n.Id, n.DisputeId, n.PartyId, n.AuthorName, n.Text, n.At);
}
