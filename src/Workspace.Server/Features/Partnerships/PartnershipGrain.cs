using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Features.Accounts;

namespace Workspace.Server.Features.Partnerships;

public interface IPartnershipGrain : IGrainWithGuidKey
{
    Task<PartnershipView> CreateAsync(Actor actor, CreatePartnership command);

    /// <summary>The partnership, or null when it does not exist.</summary>
    Task<PartnershipView?> GetAsync();

    /// <summary>The member, or null when the user is not in this partnership (or it does not exist).</summary>
    Task<MemberView?> GetMemberAsync(string userId);

    Task<IReadOnlyList<ActivityView>> GetActivityAsync(int take);
}

/// <summary>
/// The single authority for one partnership's shared state. Every command is validated here,
/// written to the database, and then pushed to every connected member.
/// </summary>
public sealed class PartnershipGrain(
    IDbContextFactory<WorkspaceDb> dbs,
    IHubContext<PartnershipHub, IPartnershipClient> hub) : Grain, IPartnershipGrain
{
    private Partnership? _partnership;
    private List<Party> _parties = [];
    private List<MemberView> _members = [];

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        _partnership = await db.Partnerships.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, cancellationToken);
        if (_partnership is null)
        {
            return;
        }
        // Ordered in memory: SQLite cannot ORDER BY a DateTimeOffset.
        _parties = (await db.Parties.AsNoTracking().Where(p => p.PartnershipId == Id).ToListAsync(cancellationToken)).OrderBy(p => p.CreatedAt).ToList();
        _members = await LoadMembersAsync(db, cancellationToken);
    }

    private async Task<List<MemberView>> LoadMembersAsync(WorkspaceDb db, CancellationToken ct) =>
        (await (from m in db.Memberships.AsNoTracking()
                join u in db.Set<WorkspaceUser>().AsNoTracking() on m.UserId equals u.Id
                where m.PartnershipId == Id
                select new { m.JoinedAt, View = new MemberView(m.UserId, u.DisplayName, u.Email ?? "", m.PartyId, m.Role, m.IsPartyAdmin) }).ToListAsync(ct))
        .OrderBy(m => m.JoinedAt).Select(m => m.View).ToList();

    public async Task<PartnershipView> CreateAsync(Actor actor, CreatePartnership command)
    {
        if (_partnership is not null)
        {
            throw new CommandRejectedException("This partnership already exists.") { StatusCode = 409 };
        }
        var name = command.Name?.Trim() ?? "";
        var organisation = command.OrganisationName?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            throw new CommandRejectedException("A partnership needs a name of 1 to 200 characters.");
        }
        if (organisation.Length is 0 or > 200)
        {
            throw new CommandRejectedException("Your organisation needs a name of 1 to 200 characters.");
        }

        var now = DateTimeOffset.UtcNow;
        var partnership = new Partnership { Id = Id, Name = name, CreatedAt = now, Version = 1 };
        var party = new Party { Id = Guid.NewGuid(), PartnershipId = Id, Name = organisation, CreatedAt = now };
        var membership = new Membership { PartnershipId = Id, UserId = actor.UserId, PartyId = party.Id, Role = PartnershipRole.Owner, IsPartyAdmin = true, JoinedAt = now };

        await using (var db = await dbs.CreateDbContextAsync())
        {
            db.Partnerships.Add(partnership);
            db.Parties.Add(party);
            db.Memberships.Add(membership);
            db.Activity.Add(Activity(actor, "partnership.created", $"created the partnership “{name}” for {organisation}"));
            await db.SaveChangesAsync();
        }

        _partnership = partnership;
        _parties = [party];
        _members = [new MemberView(actor.UserId, actor.DisplayName, actor.Email, party.Id, PartnershipRole.Owner, true)];
        return View();
    }

    public Task<PartnershipView?> GetAsync() => Task.FromResult(_partnership is null ? null : View());

    public Task<MemberView?> GetMemberAsync(string userId) => Task.FromResult(_members.Find(m => m.UserId == userId));

    public async Task<IReadOnlyList<ActivityView>> GetActivityAsync(int take)
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await db.Activity.AsNoTracking()
            .Where(a => a.PartnershipId == Id)
            .OrderByDescending(a => a.Id)
            .Take(Math.Clamp(take, 1, 500))
            .Select(a => new ActivityView(a.Id, a.At, a.ActorName, a.Kind, a.Summary))
            .ToListAsync();
    }

    private ActivityEntry Activity(Actor actor, string kind, string summary) => new()
    {
        PartnershipId = Id,
        At = DateTimeOffset.UtcNow,
        ActorUserId = actor.UserId,
        ActorName = actor.DisplayName,
        Kind = kind,
        Summary = summary,
    };

    private PartnershipView View() => new(
        Id,
        _partnership!.Name,
        _partnership.ArchivedAt is not null,
        _partnership.Version,
        _parties.Select(p => new PartyView(p.Id, p.Name)).ToList(),
        _members);

    /// <summary>Group name of everyone connected to one partnership.</summary>
    public static string Group(Guid partnershipId) => $"partnership:{partnershipId:N}";

    private Task Publish(string kind, object payload) => hub.Clients.Group(Group(Id)).PartnershipChanged(new PartnershipEvent(Id, kind, payload));
}
