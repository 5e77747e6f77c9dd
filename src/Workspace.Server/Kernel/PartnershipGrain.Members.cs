using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Kernel;

/// <summary>Changing a member's role or admin right, and removing a member (or leaving).</summary>
public sealed partial class PartnershipGrain
{
    public async Task<Outcome<MemberView>> ChangeMemberAsync(Actor actor, ChangeMember command)
    {
        if (RequireMember(actor, command.UserId, out var me, out var target) is { } refused)
        {
            return refused;
        }
        if (RequireManages(me, target.PartyId) is { } notAdmin)
        {
            return notAdmin;
        }
        if (!Enum.IsDefined(command.Role))
        {
            return Rejected(ErrorCodes.UnknownRole, "Unknown role.");
        }
        if (target.Role > me.Role || command.Role > me.Role)
        {
            return Rejected(
                ErrorCodes.RoleAboveYours,
                $"You cannot give or change a role above your own ({me.Role}).", 403, ("role", me.Role));
        }
        if (target.Role == PartnershipRole.Owner && command.Role != PartnershipRole.Owner && OwnerCount() == 1)
        {
            return Rejected(ErrorCodes.LastOwner, "A partnership needs at least one owner.", 409);
        }
        if (target.IsPartyAdmin && !command.IsPartyAdmin
            && _members.Count(m => m.PartyId == target.PartyId && m.IsPartyAdmin) == 1)
        {
            return Rejected(ErrorCodes.PartyNeedsAdmin, "Each organisation needs at least one admin.", 409);
        }
        if (target.Role == command.Role && target.IsPartyAdmin == command.IsPartyAdmin)
        {
            return target;
        }
        var changed = target with { Role = command.Role, IsPartyAdmin = command.IsPartyAdmin };
        await SaveAsync(async db =>
        {
            var row = await db.Memberships.FirstAsync(m => m.PartnershipId == Id && m.UserId == target.UserId);
            row.Role = changed.Role;
            row.IsPartyAdmin = changed.IsPartyAdmin;
            db.Activity.Add(Activity(actor, "member.changed",
                $"changed {target.DisplayName} ({PartyName(target.PartyId)}) from {Describe(target)} "
                + $"to {Describe(changed)}",
                new
                {
                    name = target.DisplayName, party = PartyName(target.PartyId),
                    fromRole = target.Role.ToString(), toRole = changed.Role.ToString(),
                }));
        });
        _members[_members.IndexOf(target)] = changed;
        MembersChanged();
        await PublishViewAsync("member.changed");
        return changed;
    }

    public async Task<Outcome<bool>> RemoveMemberAsync(Actor actor, string userId)
    {
        if (RequireMember(actor, userId, out var me, out var target) is { } refused)
        {
            return refused;
        }
        if (target.UserId != me.UserId)
        {
            if (RequireManages(me, target.PartyId) is { } notAdmin)
            {
                return notAdmin;
            }
            if (target.Role > me.Role)
            {
                return Rejected(
                    ErrorCodes.RoleAboveYours,
                    $"You cannot remove someone whose role is above your own ({me.Role}).", 403, ("role", me.Role));
            }
        }
        if (target.Role == PartnershipRole.Owner && OwnerCount() == 1)
        {
            return Rejected(ErrorCodes.LastOwner, "A partnership needs at least one owner.", 409);
        }
        await SaveAsync(async db =>
        {
            var row = await db.Memberships.FirstAsync(m => m.PartnershipId == Id && m.UserId == target.UserId);
            db.Memberships.Remove(row);
            db.Activity.Add(target.UserId == me.UserId
                ? Activity(actor, "member.left", $"left the partnership ({PartyName(target.PartyId)})",
                    new { party = PartyName(target.PartyId) })
                : Activity(actor, "member.removed", $"removed {target.DisplayName} ({PartyName(target.PartyId)})",
                    new { name = target.DisplayName, party = PartyName(target.PartyId) }));
        });
        _members.Remove(target);
        MembersChanged();
        // Cut the removed person off before anyone else hears about it, so they see nothing more.
        connections.Revoke(Id, target.UserId);
        await PublishViewAsync("member.removed");
        return true;
    }

    /// <summary>The actor (who may change this partnership) and the member <paramref name="userId"/>; otherwise the
    /// refusal.</summary>
    private Refusal? RequireMember(Actor actor, string userId, out MemberView me, out MemberView target)
    {
        target = null!;
        if (RequireWritable(actor, out me) is { } refused)
        {
            return refused;
        }
        var found = _members.Find(m => m.UserId == userId);
        if (found is null)
        {
            return Rejected(ErrorCodes.UnknownMember, "That person is not a member of this partnership.", 404);
        }
        target = found;
        return null;
    }
}
