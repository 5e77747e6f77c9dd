using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Kernel;

public interface IPartnershipGrain : IGrainWithGuidKey
{
    Task<Outcome<PartnershipView>> CreateAsync(Actor actor, CreatePartnership command);

    /// <summary>The partnership, or null when it does not exist.</summary>
    Task<PartnershipView?> GetAsync();

    /// <summary>
    /// The member, or null when the user is not in this partnership (or it does not exist). Asked on every hub call,
    /// so it never queues behind a write of this grain: it only reads the member list, which a membership change
    /// updates in one step after storing it, so a change that has returned is seen by every later call.
    /// </summary>
    [AlwaysInterleave]
    Task<MemberView?> GetMemberAsync(string userId);

    /// <summary>
    /// True when the partnership exists and is archived (read-only). Interleaves like <see cref="GetMemberAsync"/>.
    /// </summary>
    [AlwaysInterleave]
    Task<bool> IsArchivedAsync();

    Task<IReadOnlyList<ActivityView>> GetActivityAsync(int take);

    Task<Outcome<PartnershipView>> RenameAsync(Actor actor, string name);

    Task<Outcome<PartnershipView>> SetArchivedAsync(Actor actor, bool archived);

    Task<Outcome<PartyView>> AddPartyAsync(Actor actor, string name);

    Task<Outcome<MemberView>> ChangeMemberAsync(Actor actor, ChangeMember command);

    Task<Outcome<bool>> RemoveMemberAsync(Actor actor, string userId);

    Task<Outcome<CreatedInvitation>> InviteAsync(Actor actor, InviteMember command);

    /// <summary>Pending invitations of the parties the actor administers (owners see all).</summary>
    Task<Outcome<IReadOnlyList<InvitationView>>> GetInvitationsAsync(Actor actor);

    Task<Outcome<bool>> RevokeInvitationAsync(Actor actor, Guid invitationId);

    Task<InvitationPreview?> PreviewInvitationAsync(string tokenHash);

    Task<Outcome<MemberView>> AcceptInvitationAsync(Actor actor, string tokenHash);
}

public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How long an invitation link stays usable.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// The single authority for one partnership's shared state. Every command is validated here,
/// written to the database, and then pushed to every connected member.
/// </summary>
public sealed partial class PartnershipGrain(
    IDbContextFactory<WorkspaceDb> dbs,
    PartnershipFeed feed,
    LiveConnections connections,
    MemberDirectory directory,
    TimeProvider clock,
    IOptions<InvitationOptions> invitationOptions,
    ILogger<PartnershipGrain> logger) : Grain, IPartnershipGrain
{
    private Partnership? _partnership;
    private List<Party> _parties = [];
    private List<MemberView> _members = [];
    private List<Invitation> _invitations = [];
    private MemberDirectory.Members? _published;

    private Guid Id => this.GetPrimaryKey();
    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        _partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (_partnership is null)
        {
            return;
        }
        _parties = await db.Parties.AsNoTracking().Where(p => p.PartnershipId == Id).ToListAsync(cancellationToken);
        _parties = [.. _parties.OrderBy(p => p.CreatedAt)];
        _members = await LoadMembersAsync(db, cancellationToken);
        _invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.PartnershipId == Id && i.AcceptedAt == null && i.RevokedAt == null)
            .ToListAsync(cancellationToken);
        MembersChanged();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_published is not null)
        {
            directory.Withdraw(Id, _published);
        }
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>
    /// Hands the member list to this node's <see cref="MemberDirectory"/>; called in the turn that changed it, right
    /// after the change, so hub calls answered from there see exactly what <see cref="GetMemberAsync"/> would.
    /// </summary>
    private void MembersChanged() => _published = directory.Publish(Id, _members);

    private async Task<List<MemberView>> LoadMembersAsync(WorkspaceDb db, CancellationToken ct)
    {
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join u in db.Set<WorkspaceUser>().AsNoTracking() on m.UserId equals u.Id
                          where m.PartnershipId == Id
                          select new
                          {
                              m.JoinedAt,
                              View = new MemberView(
                                  m.UserId, u.DisplayName, u.Email ?? "", m.PartyId, m.Role, m.IsPartyAdmin),
                          }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.JoinedAt).Select(r => r.View)];
    }

    public async Task<Outcome<PartnershipView>> CreateAsync(Actor actor, CreatePartnership command)
    {
        if (_partnership is not null)
        {
            return Rejected(ErrorCodes.PartnershipExists, "This partnership already exists.", 409);
        }
        if (CheckName(command.Name, "name", "A partnership needs a name of 1 to 200 characters.", out var name)
            is { } badName)
        {
            return badName;
        }
        if (CheckName(command.OrganisationName, "organisation",
            "Your organisation needs a name of 1 to 200 characters.", out var organisation) is { } badOrganisation)
        {
            return badOrganisation;
        }

        var now = Now;
        var partnership = new Partnership { Id = Id, Name = name, CreatedAt = now, Version = 1 };
        var party = new Party { Id = Guid.NewGuid(), PartnershipId = Id, Name = organisation, CreatedAt = now };
        var membership = new Membership
        {
            PartnershipId = Id, UserId = actor.UserId, PartyId = party.Id,
            Role = PartnershipRole.Owner, IsPartyAdmin = true, JoinedAt = now,
        };

        await using (var db = await dbs.CreateDbContextAsync())
        {
            db.Partnerships.Add(partnership);
            db.Parties.Add(party);
            db.Memberships.Add(membership);
            db.Activity.Add(Activity(actor, "partnership.created",
                $"created the partnership “{name}” for {organisation}", new { name, party = organisation }));
            await db.SaveChangesAsync();
        }

        _partnership = partnership;
        _parties = [party];
        _members =
            [new MemberView(actor.UserId, actor.DisplayName, actor.Email, party.Id, PartnershipRole.Owner, true)];
        MembersChanged();
        return View();
    }

    public Task<PartnershipView?> GetAsync() => Task.FromResult(_partnership is null ? null : View());

    public Task<MemberView?> GetMemberAsync(string userId) => Task.FromResult(_members.Find(m => m.UserId == userId));

    public Task<bool> IsArchivedAsync() => Task.FromResult(_partnership?.ArchivedAt is not null);

    public async Task<IReadOnlyList<ActivityView>> GetActivityAsync(int take)
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await db.Activity.AsNoTracking()
            .Where(a => a.PartnershipId == Id)
            .OrderByDescending(a => a.Id)
            .Take(Math.Clamp(take, 1, 500))
            .Select(a => new ActivityView(a.Id, a.At, a.ActorName, a.Kind, a.Summary, a.Args))
            .ToListAsync();
    }

    public async Task<Outcome<PartnershipView>> RenameAsync(Actor actor, string name)
    {
        if ((RequireWritable(actor, out var me) ?? RequireOwner(me)
            ?? CheckName(name, "name", "A partnership needs a name of 1 to 200 characters.", out name)) is { } refused)
        {
            return refused;
        }
        if (name == _partnership!.Name)
        {
            return View();
        }
        var old = _partnership.Name;
        await SaveAsync(async db =>
        {
            var row = await db.Partnerships.FirstAsync(p => p.Id == Id);
            row.Name = name;
            row.Version++;
            db.Activity.Add(Activity(actor, "partnership.renamed",
                $"renamed the partnership from “{old}” to “{name}”", new { from = old, to = name }));
        });
        _partnership.Name = name;
        _partnership.Version++;
        return await PublishViewAsync("partnership.renamed");
    }

    public async Task<Outcome<PartnershipView>> SetArchivedAsync(Actor actor, bool archived)
    {
        if ((RequireExisting(actor, out var me) ?? RequireOwner(me)) is { } refused)
        {
            return refused;
        }
        if (archived == (_partnership!.ArchivedAt is not null))
        {
            return View();
        }
        var archivedAt = archived ? Now : (DateTimeOffset?)null;
        await SaveAsync(async db =>
        {
            var row = await db.Partnerships.FirstAsync(p => p.Id == Id);
            row.ArchivedAt = archivedAt;
            row.Version++;
            db.Activity.Add(Activity(actor, archived ? "partnership.archived" : "partnership.restored",
                archived ? "archived the partnership (read-only from now on)"
                    : "restored the partnership from the archive"));
        });
        _partnership.ArchivedAt = archivedAt;
        _partnership.Version++;
        return await PublishViewAsync(archived ? "partnership.archived" : "partnership.restored");
    }

    public async Task<Outcome<PartyView>> AddPartyAsync(Actor actor, string name)
    {
        if ((RequireWritable(actor, out var me) ?? RequireOwner(me) ?? CheckName(
            name, "name", "An organisation needs a name of 1 to 200 characters.", out name)) is { } refused)
        {
            return refused;
        }
        if (_parties.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Rejected(
                ErrorCodes.PartyExists, $"“{name}” already takes part in this partnership.", 409, ("name", name));
        }
        if (_parties.Count >= 50)
        {
            return Rejected(
                ErrorCodes.TooManyParties, "A partnership can have at most 50 organisations.", 400, ("max", 50));
        }
        var party = new Party { Id = Guid.NewGuid(), PartnershipId = Id, Name = name, CreatedAt = Now };
        await SaveAsync(db =>
        {
            db.Parties.Add(party);
            db.Activity.Add(Activity(actor, "party.added", $"added the organisation {name}", new { party = name }));
        });
        _parties.Add(party);
        await PublishViewAsync("party.added");
        return new PartyView(party.Id, party.Name);
    }

    /// <summary>The actor as a member of this (existing) partnership; otherwise the refusal.</summary>
    private Refusal? RequireExisting(Actor actor, out MemberView me)
    {
        me = null!;
        var found = _partnership is null ? null : _members.Find(m => m.UserId == actor.UserId);
        if (found is null)
        {
            return Rejected(ErrorCodes.UnknownPartnership, "Unknown partnership.", 404);
        }
        me = found;
        return null;
    }

    /// <summary>As <see cref="RequireExisting"/>, and the partnership is not archived.</summary>
    private Refusal? RequireWritable(Actor actor, out MemberView me) =>
        RequireExisting(actor, out me) ?? (_partnership!.ArchivedAt is not null
            ? Rejected(ErrorCodes.Archived, "This partnership is archived and read-only.", 409) : null);

    private static Refusal? RequireOwner(MemberView me) =>
        me.Role == PartnershipRole.Owner ? null : Rejected(
            ErrorCodes.OwnerOnly, $"Only an owner can do this; you are {me.Role}.", 403, ("role", me.Role));

    /// <summary>
    /// Each organisation manages its own people: only that party's admins. An owner may also act for
    /// a party that has no admin yet, so a newly added organisation can get its first admin.
    /// </summary>
    private Refusal? RequireManages(MemberView me, Guid partyId)
    {
        if (me.IsPartyAdmin && me.PartyId == partyId)
        {
            return null;
        }
        if (me.Role == PartnershipRole.Owner && !_members.Any(m => m.PartyId == partyId && m.IsPartyAdmin))
        {
            return null;
        }
        return Rejected(
            ErrorCodes.PartyAdminOnly,
            $"Only an admin of {PartyName(partyId)} can manage its members.", 403, ("party", PartyName(partyId)));
    }

    private int OwnerCount() => _members.Count(m => m.Role == PartnershipRole.Owner);

    private string PartyName(Guid partyId) => _parties.Find(p => p.Id == partyId)?.Name ?? "?";

    private static string Describe(MemberView m) => Describe(m.Role, m.IsPartyAdmin);

    private static string Describe(PartnershipRole role, bool admin) => admin ? $"{role} (admin)" : role.ToString();

    private static Refusal? CheckName(string? value, string field, string message, out string name)
    {
        name = value?.Trim() ?? "";
        return name.Length switch
        {
            0 => Rejected(ErrorCodes.Required, message, 400, ("field", field)),
            > 200 => Rejected(ErrorCodes.TooLong, message, 400, ("field", field), ("max", 200)),
            _ => null,
        };
    }

    private static Refusal Rejected(
        string code, string message, int status = 400, params (string Name, object? Value)[] args) =>
        Refusal.Of(status, code, message, args);

    private Task SaveAsync(Action<WorkspaceDb> change) => SaveAsync(db => { change(db); return Task.CompletedTask; });

    private async Task SaveAsync(Func<WorkspaceDb, Task> change)
    {
        await using var db = await dbs.CreateDbContextAsync();
        await change(db);
        await db.SaveChangesAsync();
    }

    private ActivityEntry Activity(Actor actor, string kind, string summary, object? args = null) =>
        feed.Activity(Id, actor, kind, summary, args);

    private PartnershipView View() => new(
        Id,
        _partnership!.Name,
        _partnership.ArchivedAt is not null,
        _partnership.Version,
        _parties.Select(p => new PartyView(p.Id, p.Name)).ToList(),
        [.. _members]);

    private async Task<PartnershipView> PublishViewAsync(string kind)
    {
        var view = View();
        try
        {
            await Publish(kind, view);
        }
        catch (Exception e)
        {
            // Push is best-effort: the change is stored, and clients re-read on reconnect.
            logger.LogWarning(e, "Could not publish {Kind} for partnership {Id}", kind, Id);
        }
        return view;
    }

    /// <summary>Group name of everyone connected to one partnership.</summary>
    public static string Group(Guid partnershipId) => $"partnership:{partnershipId:N}";

    private Task Publish(string kind, object payload) => feed.PublishAsync(Id, kind, payload);
}
