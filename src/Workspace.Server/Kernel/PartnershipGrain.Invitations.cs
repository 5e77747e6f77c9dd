using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Kernel;

/// <summary>
/// Invitation links: made by a party's admin, listed, revoked, previewed by whoever holds the link, and accepted
/// once, only by the invited e-mail address.
/// </summary>
public sealed partial class PartnershipGrain
{
    public async Task<Outcome<CreatedInvitation>> InviteAsync(Actor actor, InviteMember command)
    {
        if (RequireWritable(actor, out var me) is { } refused)
        {
            return refused;
        }
        var party = _parties.Find(p => p.Id == command.PartyId);
        if (party is null)
        {
            return Rejected(ErrorCodes.UnknownParty, "That organisation is not part of this partnership.", 404);
        }
        if (RequireManages(me, party.Id) is { } notAdmin)
        {
            return notAdmin;
        }
        var email = (command.Email ?? "").Trim();
        if (email.Length is 0 or > 256
            || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            return Rejected(ErrorCodes.InvalidEmail, "Enter a valid e-mail address.", 400, ("field", "email"));
        }
        if (!Enum.IsDefined(command.Role))
        {
            return Rejected(ErrorCodes.UnknownRole, "Unknown role.");
        }
        if (command.Role > me.Role)
        {
            return Rejected(
                ErrorCodes.RoleAboveYours,
                $"You cannot invite someone with a role above your own ({me.Role}).", 403, ("role", me.Role));
        }
        if (_members.Any(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase)))
        {
            return Rejected(
                ErrorCodes.AlreadyMember, $"{email} is already a member of this partnership.", 409, ("email", email));
        }
        if (_invitations.Count(i => Status(i) == InvitationStatus.Pending) >= 200)
        {
            return Rejected(ErrorCodes.TooManyInvitations, "Too many pending invitations: revoke some first.", 409);
        }

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = Now;
        var invitation = new Invitation
        {
            Id = Guid.NewGuid(),
            PartnershipId = Id,
            PartyId = party.Id,
            Email = email,
            Role = command.Role,
            IsPartyAdmin = command.IsPartyAdmin,
            TokenHash = HashToken(token),
            InvitedByUserId = me.UserId,
            InvitedByName = me.DisplayName,
            CreatedAt = now,
            ExpiresAt = now + invitationOptions.Value.Lifetime,
        };
        await SaveAsync(db =>
        {
            db.Invitations.Add(invitation);
            db.Activity.Add(Activity(actor, "invitation.created",
                $"invited {email} into {party.Name} as {Describe(invitation.Role, invitation.IsPartyAdmin)}",
                new { email, party = party.Name, role = invitation.Role.ToString() }));
        });
        _invitations.Add(invitation);
        await PublishViewAsync("invitation.created");
        return new CreatedInvitation(ToView(invitation), token);
    }

    public Task<Outcome<IReadOnlyList<InvitationView>>> GetInvitationsAsync(Actor actor)
    {
        if (RequireExisting(actor, out var me) is { } refused)
        {
            return Task.FromResult(Outcome<IReadOnlyList<InvitationView>>.Refuse(refused));
        }
        IReadOnlyList<InvitationView> list = [.. _invitations
            .Where(i => Status(i) == InvitationStatus.Pending
                && (me.Role == PartnershipRole.Owner || (me.IsPartyAdmin && me.PartyId == i.PartyId)))
            .OrderBy(i => i.CreatedAt)
            .Select(ToView)];
        return Task.FromResult(Outcome<IReadOnlyList<InvitationView>>.Ok(list));
    }

    public async Task<Outcome<bool>> RevokeInvitationAsync(Actor actor, Guid invitationId)
    {
        if (RequireWritable(actor, out var me) is { } refused)
        {
            return refused;
        }
        var invitation = _invitations.Find(i => i.Id == invitationId);
        if (invitation is null)
        {
            return Rejected(ErrorCodes.UnknownInvitation, "There is no such open invitation.", 404);
        }
        if (RequireManages(me, invitation.PartyId) is { } notAdmin)
        {
            return notAdmin;
        }
        var revokedAt = Now;
        await SaveAsync(async db =>
        {
            var row = await db.Invitations.FirstAsync(i => i.Id == invitationId);
            row.RevokedAt = revokedAt;
            db.Activity.Add(Activity(actor, "invitation.revoked",
                $"revoked the invitation of {invitation.Email} into {PartyName(invitation.PartyId)}",
                new { email = invitation.Email, party = PartyName(invitation.PartyId) }));
        });
        _invitations.Remove(invitation);
        await PublishViewAsync("invitation.revoked");
        return true;
    }

    public async Task<InvitationPreview?> PreviewInvitationAsync(string tokenHash)
    {
        var invitation = await FindInvitationAsync(tokenHash);
        return invitation is null || _partnership is null ? null : new InvitationPreview(
            Id, _partnership.Name, PartyName(invitation.PartyId), invitation.Email, invitation.Role,
            invitation.InvitedByName, invitation.ExpiresAt, Status(invitation));
    }

    public async Task<Outcome<MemberView>> AcceptInvitationAsync(Actor actor, string tokenHash)
    {
        var invitation = await FindInvitationAsync(tokenHash);
        if (invitation is null)
        {
            return Rejected(ErrorCodes.InvitationInvalid, "This invitation link is not valid.", 404);
        }
        switch (Status(invitation))
        {
            case InvitationStatus.Accepted: return Rejected(
                ErrorCodes.InvitationUsed, "This invitation has already been used.", 410);
            case InvitationStatus.Revoked: return Rejected(
                ErrorCodes.InvitationRevoked, "This invitation has been revoked.", 410);
            case InvitationStatus.Expired: return Rejected(
                ErrorCodes.InvitationExpired, "This invitation has expired; ask for a new one.", 410);
        }
        if (_partnership!.ArchivedAt is not null)
        {
            return Rejected(ErrorCodes.Archived, "This partnership is archived and read-only.", 409);
        }
        if (!string.Equals(actor.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
        {
            return Rejected(
                ErrorCodes.InvitationForOther,
                $"This invitation is for {invitation.Email}. Sign in with that address to accept it.",
                403,
                ("email", invitation.Email));
        }
        if (_members.Any(m => m.UserId == actor.UserId))
        {
            return Rejected(ErrorCodes.AlreadyJoined, "You are already a member of this partnership.", 409);
        }
        var now = Now;
        var member = new MemberView(
            actor.UserId, actor.DisplayName, actor.Email, invitation.PartyId, invitation.Role, invitation.IsPartyAdmin);
        await SaveAsync(async db =>
        {
            var row = await db.Invitations.FirstAsync(i => i.Id == invitation.Id);
            row.AcceptedAt = now;
            row.AcceptedByUserId = actor.UserId;
            db.Memberships.Add(new Membership
            {
                PartnershipId = Id,
                UserId = actor.UserId,
                PartyId = invitation.PartyId,
                Role = invitation.Role,
                IsPartyAdmin = invitation.IsPartyAdmin,
                JoinedAt = now,
            });
            db.Activity.Add(Activity(actor, "member.joined",
                $"joined {PartyName(invitation.PartyId)} as {Describe(member)}, invited by {invitation.InvitedByName}",
                new
                {
                    party = PartyName(invitation.PartyId), role = member.Role.ToString(),
                    inviter = invitation.InvitedByName,
                }));
        });
        _invitations.Remove(invitation);
        _members.Add(member);
        MembersChanged();
        await PublishViewAsync("member.joined");
        return member;
    }

    /// <summary>
    /// An open invitation is in memory; a used, revoked or unknown one is looked up so the page can say why it fails.
    /// </summary>
    private async Task<Invitation?> FindInvitationAsync(string tokenHash)
    {
        if (_partnership is null)
        {
            return null;
        }
        var wanted = Encoding.ASCII.GetBytes(tokenHash);
        var open = _invitations.Find(i =>
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(i.TokenHash), wanted));
        if (open is not null)
        {
            return open;
        }
        await using var db = await dbs.CreateDbContextAsync();
        return await db.Invitations.AsNoTracking()
            .FirstOrDefaultAsync(i => i.PartnershipId == Id && i.TokenHash == tokenHash);
    }

    private InvitationStatus Status(Invitation i) =>
        i.AcceptedAt is not null ? InvitationStatus.Accepted
        : i.RevokedAt is not null ? InvitationStatus.Revoked
        : i.ExpiresAt <= Now ? InvitationStatus.Expired
        : InvitationStatus.Pending;

    private InvitationView ToView(Invitation i) =>
        new(i.Id, i.PartyId, PartyName(i.PartyId), i.Email, i.Role, i.IsPartyAdmin, i.InvitedByName, i.CreatedAt,
            i.ExpiresAt, Status(i));

    /// <summary>The SHA-256 (hex) of a link token: what the database keeps instead of the token.</summary>
    public static string HashToken(string token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token ?? "")));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
