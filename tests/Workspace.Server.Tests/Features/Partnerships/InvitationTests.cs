using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Data;
using Workspace.Server.Features.Partnerships;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Partnerships;

public sealed class InvitationTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task InviteeFromAnotherOrganisationJoinsTheirPartyWithTheInvitedRole()
    {
        var owner = await factory.SignUpAsync("Owner I", "Org A", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Invites", _ct);
        var orgB = await owner.AddPartyAsync(p.Id, "Org B", _ct);
        var invitee = await factory.SignUpAsync("Invitee", "Org B", ct: _ct);

        var invitation = await owner.InviteOkAsync(
            p.Id,
            orgB.Id,
            invitee.Email.ToUpperInvariant(),
            PartnershipRole.Editor,
            isPartyAdmin: true,
            _ct);
        Assert.Contains($"/invite/{invitation.Token}", invitation.Link, StringComparison.Ordinal);
        var preview = await (await factory.AnonymousClientAsync(_ct))
            .GetFromJsonAsync<InvitationPreview>($"/api/invitations/{invitation.Token}", PartnershipKit.Json, _ct);
        Assert.Equal(
            ("Invites", "Org B", InvitationStatus.Pending),
            (preview!.PartnershipName, preview.PartyName, preview.Status));
        var accepted = await invitee.AcceptAsync(invitation.Token, _ct);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var member = (await invitee.GetPartnershipAsync(p.Id, _ct)).Members.Single(m => m.UserId == invitee.Id);
        Assert.Equal((orgB.Id, PartnershipRole.Editor, true), (member.PartyId, member.Role, member.IsPartyAdmin));
        Assert.Empty(await PendingAsync(owner, p.Id));
        var activity = await invitee.Http.GetFromJsonAsync<ActivityView[]>(
            $"/api/partnerships/{p.Id}/activity",
            PartnershipKit.Json,
            _ct);
        Assert.Contains(
            activity!,
            a => a.Kind == "member.joined"
                && a.ActorName == "Invitee"
                && a.Summary.Contains("Org B", StringComparison.Ordinal));
        Assert.Contains(activity!, a => a.Kind == "invitation.created" && a.ActorName == "Owner I");
    }

    [Fact]
    public async Task InvitationLinkWorksOnlyOnce()
    {
        var (_, _, invitee, invitation) =
            await InvitedAsync(factory, "Owner once", "Once", "Once invitee", PartnershipRole.Viewer);
        (await invitee.AcceptAsync(invitation.Token, _ct)).EnsureSuccessStatusCode();

        var again = await invitee.AcceptAsync(invitation.Token, _ct);

        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedInvitationCannotBeUsed()
    {
        var (owner, p, invitee, invitation) =
            await InvitedAsync(factory, "Owner revoke", "Revoke", "Revoked invitee", PartnershipRole.Editor);

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await owner.Http.DeleteAsync($"/api/partnerships/{p.Id}/invitations/{invitation.Invitation.Id}", _ct))
                .StatusCode);
        var accept = await invitee.AcceptAsync(invitation.Token, _ct);

        Assert.Equal(HttpStatusCode.Gone, accept.StatusCode);
        Assert.Contains("revoked", await accept.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await invitee.Http.GetAsync($"/api/partnerships/{p.Id}", _ct)).StatusCode);
        Assert.DoesNotContain((await owner.GetPartnershipAsync(p.Id, _ct)).Members, m => m.UserId == invitee.Id);
    }

    [Fact]
    public async Task ExpiredInvitationCannotBeUsedAndLifetimeIsConfigurable()
    {
        // Its own server, because only this test moves the clock.
        await using var own = new WorkspaceFactory().With("Invitations:Lifetime", "2.00:00:00");
        var (owner, p, invitee, invitation) =
            await InvitedAsync(own, "Owner expiry", "Expiry", "Late invitee", PartnershipRole.Viewer);
        Assert.Equal(TimeSpan.FromDays(2), invitation.Invitation.ExpiresAt - invitation.Invitation.CreatedAt);

        own.Clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        var accept = await invitee.AcceptAsync(invitation.Token, _ct);
        var preview = await invitee.Http.GetFromJsonAsync<InvitationPreview>(
            $"/api/invitations/{invitation.Token}",
            PartnershipKit.Json,
            _ct);

        Assert.Equal(HttpStatusCode.Gone, accept.StatusCode);
        Assert.Contains("expired", await accept.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(InvitationStatus.Expired, preview!.Status);
        Assert.Empty(await PendingAsync(owner, p.Id));
        Assert.DoesNotContain((await owner.GetPartnershipAsync(p.Id, _ct)).Members, m => m.UserId == invitee.Id);
    }

    [Fact]
    public async Task InvitationForAnotherAddressIsRefused()
    {
        var (owner, p, stranger, invitation) = await InvitedAsync(
            factory, "Owner addr", "Address", "Stranger", PartnershipRole.Editor, "someone.else@example.org");

        var accept = await stranger.AcceptAsync(invitation.Token, _ct);

        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Single(await PendingAsync(owner, p.Id));
    }

    [Fact]
    public async Task UnknownTokenIsNotFound()
    {
        var user = await factory.SignUpAsync("Guesser", ct: _ct);

        Assert.Equal(HttpStatusCode.NotFound, (await user.AcceptAsync("not-a-real-token", _ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await user.Http.GetAsync("/api/invitations/not-a-real-token", _ct)).StatusCode);
    }

    [Fact]
    public async Task OnlyTheHashOfTheTokenIsStored()
    {
        var owner = await factory.SignUpAsync("Owner hash", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Hash", _ct);
        var invitation = await owner.InviteOkAsync(
            p.Id,
            p.Parties[0].Id,
            "hash@example.org",
            PartnershipRole.Viewer,
            ct: _ct);

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>()
            .CreateDbContextAsync(_ct);
        var row = await db.Invitations.SingleAsync(i => i.Id == invitation.Invitation.Id, _ct);

        Assert.NotEqual(invitation.Token, row.TokenHash);
        Assert.Equal(PartnershipGrain.HashToken(invitation.Token), row.TokenHash);
        Assert.True(invitation.Token.Length >= 40);
    }

    [Fact]
    public async Task PartyAdminCannotInviteAboveTheirOwnRole()
    {
        var (owner, p, orgB, adminB) =
            await factory.PartnershipWithSecondPartyAsync("Owner limit", "Org", "Limits", _ct);

        var tooHigh = await adminB.InviteAsync(p.Id, orgB.Id, "boss@example.org", PartnershipRole.Owner, ct: _ct);
        var otherParty = await adminB.InviteAsync(
            p.Id,
            p.Parties[0].Id,
            "spy@example.org",
            PartnershipRole.Viewer,
            ct: _ct);
        var fine = await adminB.InviteAsync(p.Id, orgB.Id, "colleague@example.org", PartnershipRole.Editor, ct: _ct);
        // Org B has an admin now, so Org A's owner no longer manages Org B's people.
        var ownerIntoB = await owner.InviteAsync(p.Id, orgB.Id, "plant@example.org", PartnershipRole.Viewer, ct: _ct);

        Assert.Equal(HttpStatusCode.Forbidden, tooHigh.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherParty.StatusCode);
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ownerIntoB.StatusCode);
    }

    [Fact]
    public async Task BadInvitationInputIsAProblemAndChangesNothing()
    {
        var owner = await factory.SignUpAsync("Owner bad", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Bad input", _ct);

        var badEmail = await owner.InviteAsync(
            p.Id,
            p.Parties[0].Id,
            "not an address",
            PartnershipRole.Viewer,
            ct: _ct);
        var badParty = await owner.InviteAsync(p.Id, Guid.NewGuid(), "x@example.org", PartnershipRole.Viewer, ct: _ct);
        var badRole = await owner.Http.PostAsJsonAsync(
            $"/api/partnerships/{p.Id}/invitations",
            new { partyId = p.Parties[0].Id, email = "x@example.org", role = "Emperor" },
            _ct);

        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.Equal("application/problem+json", badEmail.Content.Headers.ContentType?.MediaType);
        Assert.Contains("email", await badEmail.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, badParty.StatusCode);
        Assert.Equal("application/problem+json", badParty.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Empty(await PendingAsync(owner, p.Id));
    }

    /// <summary>A new partnership of <paramref name="ownerName"/> and an invitation into its first party for the
    /// new user <paramref name="inviteeName"/> (to <paramref name="email"/> when given, else to the invitee).</summary>
    private async Task<(TestUser Owner, PartnershipView Partnership, TestUser Invitee, InviteResponse Invitation)>
        InvitedAsync(WorkspaceFactory on, string ownerName, string partnershipName, string inviteeName,
            PartnershipRole role, string? email = null)
    {
        var owner = await on.SignUpAsync(ownerName, ct: _ct);
        var p = await owner.CreatePartnershipAsync(partnershipName, _ct);
        var invitee = await on.SignUpAsync(inviteeName, ct: _ct);
        var invitation = await owner.InviteOkAsync(p.Id, p.Parties[0].Id, email ?? invitee.Email, role, ct: _ct);
        return (owner, p, invitee, invitation);
    }

    private async Task<InvitationView[]> PendingAsync(TestUser owner, Guid partnershipId) =>
        await owner.Http.GetFromJsonAsync<InvitationView[]>(
            $"/api/partnerships/{partnershipId}/invitations",
            PartnershipKit.Json,
            _ct) ?? [];
}
