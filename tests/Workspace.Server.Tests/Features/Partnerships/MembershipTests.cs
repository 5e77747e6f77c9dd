using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Partnerships;

public sealed class MembershipTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task RemovedMembersOpenConnectionStopsReceivingUpdatesAtOnce()
    {
        var owner = await factory.SignUpAsync("Owner live", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Live", _ct);
        var member = await factory.JoinAsync(owner, p.Id, PartnershipRole.Editor, "Soon gone", ct: _ct);
        await using var ownerHub = factory.Hub(owner, "/hubs/partnership");
        await using var memberHub = factory.Hub(member, "/hubs/partnership");
        var ownerSaw = new List<PartnershipEvent>();
        var memberSaw = new List<PartnershipEvent>();
        ownerHub.On<PartnershipEvent>(
            nameof(IPartnershipClient.PartnershipChanged),
            e => { lock (ownerSaw) { ownerSaw.Add(e); } });
        memberHub.On<PartnershipEvent>(
            nameof(IPartnershipClient.PartnershipChanged),
            e => { lock (memberSaw) { memberSaw.Add(e); } });
        var memberClosed = new TaskCompletionSource();
        memberHub.Closed += _ => { memberClosed.TrySetResult(); return Task.CompletedTask; };
        await ownerHub.StartAsync(_ct);
        await memberHub.StartAsync(_ct);
        await ownerHub.InvokeAsync<PartnershipView>("JoinPartnership", p.Id, _ct);
        await memberHub.InvokeAsync<PartnershipView>("JoinPartnership", p.Id, _ct);

        // While a member, they hear about changes.
        (await owner.Http.PutAsJsonAsync($"/api/partnerships/{p.Id}/name", new { name = "Live 2" }, _ct))
            .EnsureSuccessStatusCode();
        await Eventually.TrueAsync(
            () => { lock (memberSaw) { return memberSaw.Any(e => e.Kind == "partnership.renamed"); } },
            _ct);

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await owner.Http.DeleteAsync($"/api/partnerships/{p.Id}/members/{member.Id}", _ct)).StatusCode);
        await memberClosed.Task.WaitAsync(TimeSpan.FromSeconds(20), _ct);
        int before;
        lock (memberSaw)
        {
            before = memberSaw.Count;
        }
        (await owner.Http.PutAsJsonAsync($"/api/partnerships/{p.Id}/name", new { name = "After removal" }, _ct))
            .EnsureSuccessStatusCode();
        await Eventually.TrueAsync(
            () => { lock (ownerSaw) { return ownerSaw.Any(
                e => e.Kind == "partnership.renamed" && ownerSaw.Count >= 3); } },
            _ct);
        await Task.Delay(200, _ct);

        lock (memberSaw)
        {
            Assert.Equal(before, memberSaw.Count);
            Assert.DoesNotContain(memberSaw, e => e.Kind == "member.removed");
        }
        // A new connection cannot rejoin either.
        await using var again = factory.Hub(member, "/hubs/partnership");
        await again.StartAsync(_ct);
        await Assert.ThrowsAsync<HubException>(() => again.InvokeAsync<PartnershipView>("JoinPartnership", p.Id, _ct));
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await member.Http.GetAsync($"/api/partnerships/{p.Id}", _ct)).StatusCode);
    }

    [Fact]
    public async Task EveryMembershipChangeIsInTheActivityLogReadableByAllParties()
    {
        var (owner, p, orgB, adminB) =
            await factory.PartnershipWithSecondPartyAsync("Owner log", "Org A", "Logged", _ct);
        var colleague = await factory.JoinAsync(owner, p.Id, PartnershipRole.Viewer, "Colleague A", ct: _ct);

        (await owner.Http.PutAsJsonAsync(
            $"/api/partnerships/{p.Id}/members/{colleague.Id}",
            new { role = "Commenter", isPartyAdmin = false },
            _ct))
            .EnsureSuccessStatusCode();
        (await owner.Http.DeleteAsync($"/api/partnerships/{p.Id}/members/{colleague.Id}", _ct))
            .EnsureSuccessStatusCode();

        var log = await adminB.Http.GetFromJsonAsync<ActivityView[]>(
            $"/api/partnerships/{p.Id}/activity",
            PartnershipKit.Json,
            _ct);
        var kinds = log!.Select(a => a.Kind).ToList();
        Assert.Contains("party.added", kinds);
        Assert.Equal(2, kinds.Count(k => k == "member.joined"));
        var changed = Assert.Single(log!, a => a.Kind == "member.changed");
        Assert.Equal("Owner log", changed.ActorName);
        Assert.Contains("Colleague A", changed.Summary, StringComparison.Ordinal);
        Assert.Contains("Commenter", changed.Summary, StringComparison.Ordinal);
        var removed = Assert.Single(log!, a => a.Kind == "member.removed");
        Assert.Contains("Colleague A", removed.Summary, StringComparison.Ordinal);
        Assert.All(log!, a => Assert.True(a.At > DateTimeOffset.UtcNow.AddMinutes(-5)));
    }

    [Fact]
    public async Task PartyAdminsManageOnlyTheirOwnPartyAndNeverAboveTheirRole()
    {
        var (owner, p, orgB, adminB) =
            await factory.PartnershipWithSecondPartyAsync("Owner scope", "Org A", "Scope", _ct);
        var memberB = await factory.JoinAsync(adminB, p.Id, PartnershipRole.Viewer, "Member B", orgB.Id, ct: _ct);
        var memberA = await factory.JoinAsync(owner, p.Id, PartnershipRole.Viewer, "Member A", ct: _ct);
        var url = $"/api/partnerships/{p.Id}/members";

        var promoteOwn = await adminB.Http.PutAsJsonAsync(
            $"{url}/{memberB.Id}",
            new { role = "Editor", isPartyAdmin = false },
            _ct);
        var promoteAboveSelf = await adminB.Http.PutAsJsonAsync(
            $"{url}/{memberB.Id}",
            new { role = "Owner", isPartyAdmin = false },
            _ct);
        var touchOtherParty = await adminB.Http.PutAsJsonAsync(
            $"{url}/{memberA.Id}",
            new { role = "Editor", isPartyAdmin = false },
            _ct);
        var removeOtherParty = await adminB.Http.DeleteAsync($"{url}/{memberA.Id}", _ct);
        var ownerTouchesB = await owner.Http.DeleteAsync($"{url}/{memberB.Id}", _ct);
        var removeOwn = await adminB.Http.DeleteAsync($"{url}/{memberB.Id}", _ct);

        Assert.Equal(HttpStatusCode.OK, promoteOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, promoteAboveSelf.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, touchOtherParty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, removeOtherParty.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownerTouchesB.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, removeOwn.StatusCode);
        var members = (await owner.GetPartnershipAsync(p.Id, _ct)).Members;
        Assert.Equal(PartnershipRole.Viewer, members.Single(m => m.UserId == memberA.Id).Role);
        Assert.DoesNotContain(members, m => m.UserId == memberB.Id);
    }

    [Fact]
    public async Task TheLastOwnerAndAPartysLastAdminCannotBeDemotedOrRemoved()
    {
        var owner = await factory.SignUpAsync("Sole owner", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Sole", _ct);
        var url = $"/api/partnerships/{p.Id}/members/{owner.Id}";

        var demote = await owner.Http.PutAsJsonAsync(url, new { role = "Editor", isPartyAdmin = true }, _ct);
        var dropAdmin = await owner.Http.PutAsJsonAsync(url, new { role = "Owner", isPartyAdmin = false }, _ct);
        var leave = await owner.Http.DeleteAsync(url, _ct);

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Contains("at least one owner", await demote.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, dropAdmin.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, leave.StatusCode);
        var me = (await owner.GetPartnershipAsync(p.Id, _ct)).Members.Single();
        Assert.Equal((PartnershipRole.Owner, true), (me.Role, me.IsPartyAdmin));
    }

    [Fact]
    public async Task ArchivedPartnershipIsReadOnlyForEverythingUntilRestored()
    {
        var owner = await factory.SignUpAsync("Owner archive", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Archive me", _ct);
        var editor = await factory.JoinAsync(owner, p.Id, PartnershipRole.Editor, "Editor archive", ct: _ct);
        var pending = await owner.InviteOkAsync(
            p.Id,
            p.Parties[0].Id,
            "late@example.org",
            PartnershipRole.Viewer,
            ct: _ct);
        var url = $"/api/partnerships/{p.Id}";

        Assert.Equal(HttpStatusCode.OK, (await owner.Http.PostAsync($"{url}/archive", null, _ct)).StatusCode);

        Assert.Equal(
            HttpStatusCode.Conflict,
            (await owner.Http.PutAsJsonAsync($"{url}/name", new { name = "New" }, _ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await owner.Http.PostAsJsonAsync($"{url}/parties", new { name = "Org X" }, _ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await owner.InviteAsync(p.Id, p.Parties[0].Id, "x@example.org", PartnershipRole.Viewer, ct: _ct))
                .StatusCode);
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await owner.Http.PutAsJsonAsync(
                $"{url}/members/{editor.Id}",
                new { role = "Viewer", isPartyAdmin = false },
                _ct))
                .StatusCode);
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await owner.Http.DeleteAsync($"{url}/members/{editor.Id}", _ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.Conflict,
            (await owner.Http.DeleteAsync($"{url}/invitations/{pending.Invitation.Id}", _ct)).StatusCode);
        var view = await editor.GetPartnershipAsync(p.Id, _ct);
        Assert.True(view.Archived);
        Assert.Equal("Archive me", view.Name);
        Assert.Equal(HttpStatusCode.OK, (await editor.Http.GetAsync($"{url}/activity", _ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await editor.Http.PostAsJsonAsync($"{url}/markdown/preview", new { markdown = "*read*" }, _ct))
                .StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.Http.PostAsync($"{url}/restore", null, _ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await owner.Http.PostAsync($"{url}/restore", null, _ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await owner.Http.PutAsJsonAsync($"{url}/name", new { name = "Back" }, _ct)).StatusCode);
    }

    [Fact]
    public async Task MembershipChangesArePushedToConnectedMembers()
    {
        var owner = await factory.SignUpAsync("Owner push", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Push", _ct);
        var viewer = await factory.JoinAsync(owner, p.Id, PartnershipRole.Viewer, "Viewer push", ct: _ct);
        await using var hub = factory.Hub(viewer, "/hubs/partnership");
        var kinds = new List<string>();
        hub.On<PartnershipEvent>(
            nameof(IPartnershipClient.PartnershipChanged),
            e => { lock (kinds) { kinds.Add(e.Kind); } });
        await hub.StartAsync(_ct);
        await hub.InvokeAsync<PartnershipView>("JoinPartnership", p.Id, _ct);

        (await owner.Http.PutAsJsonAsync(
            $"/api/partnerships/{p.Id}/members/{viewer.Id}",
            new { role = "Editor", isPartyAdmin = false },
            _ct))
            .EnsureSuccessStatusCode();
        await owner.AddPartyAsync(p.Id, "Org push", _ct);

        await Eventually.TrueAsync(
            () => { lock (kinds) { return kinds.Contains("member.changed") && kinds.Contains("party.added"); } },
            _ct);
    }

    [Fact]
    public async Task BadInputIsAProblemWithAClearMessageAndChangesNothing()
    {
        var owner = await factory.SignUpAsync("Owner input", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Input", _ct);

        var emptyName = await owner.Http.PutAsJsonAsync($"/api/partnerships/{p.Id}/name", new { name = "" }, _ct);
        var longName = await owner.Http.PutAsJsonAsync(
            $"/api/partnerships/{p.Id}/name",
            new { name = new string('x', 201) },
            _ct);
        var unknownMember = await owner.Http.PutAsJsonAsync(
            $"/api/partnerships/{p.Id}/members/nobody",
            new { role = "Editor", isPartyAdmin = false },
            _ct);

        Assert.Equal(HttpStatusCode.BadRequest, emptyName.StatusCode);
        Assert.Contains("name", await emptyName.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, longName.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownMember.StatusCode);
        Assert.Contains("not a member", await unknownMember.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal("Input", (await owner.GetPartnershipAsync(p.Id, _ct)).Name);
    }
}
