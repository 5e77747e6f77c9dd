using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workspace.Server.Kernel;
using Workspace.Server.Features.Partnerships;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>Steps many partnership tests share: create, invite, join with a role.</summary>
public static class PartnershipKit
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<PartnershipView> CreatePartnershipAsync(
        this TestUser owner,
        string name = "Shared plan",
        CancellationToken ct = default)
    {
        var response = await owner.Http.PostAsJsonAsync(
            "/api/partnerships",
            new { name, organisation = owner.Organisation },
            Json,
            ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PartnershipView>(Json, ct))!;
    }

    public static async Task<PartnershipView> GetPartnershipAsync(
        this TestUser member,
        Guid id,
        CancellationToken ct = default) =>
        (await member.Http.GetFromJsonAsync<PartnershipView>($"/api/partnerships/{id}", Json, ct))!;

    public static Task<HttpResponseMessage> InviteAsync(
        this TestUser admin,
        Guid partnershipId,
        Guid partyId,
        string email,
        PartnershipRole role,
        bool isPartyAdmin = false,
        CancellationToken ct = default) =>
        admin.Http.PostAsJsonAsync(
            $"/api/partnerships/{partnershipId}/invitations",
            new { partyId, email, role, isPartyAdmin },
            Json,
            ct);

    public static async Task<InviteResponse> InviteOkAsync(
        this TestUser admin,
        Guid partnershipId,
        Guid partyId,
        string email,
        PartnershipRole role,
        bool isPartyAdmin = false,
        CancellationToken ct = default)
    {
        var response = await admin.InviteAsync(partnershipId, partyId, email, role, isPartyAdmin, ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
        return (await response.Content.ReadFromJsonAsync<InviteResponse>(Json, ct))!;
    }

    public static Task<HttpResponseMessage> AcceptAsync(
        this TestUser user,
        string token,
        CancellationToken ct = default) =>
        user.Http.PostAsync($"/api/invitations/{token}/accept", null, ct);

    public sealed record WithSecondParty(TestUser Owner, PartnershipView Partnership, PartyView OrgB, TestUser AdminB);

    /// <summary>A new partnership of <paramref name="ownerName"/> (of <paramref name="organisation"/>) with a second
    /// organisation, "Org B", and Org B's first admin, "Admin B", an editor.</summary>
    public static async Task<WithSecondParty> PartnershipWithSecondPartyAsync(
        this WorkspaceFactory factory,
        string ownerName,
        string organisation,
        string partnershipName,
        CancellationToken ct = default)
    {
        var owner = await factory.SignUpAsync(ownerName, organisation, ct: ct);
        var p = await owner.CreatePartnershipAsync(partnershipName, ct);
        var orgB = await owner.AddPartyAsync(p.Id, "Org B", ct);
        var adminB = await factory.JoinAsync(
            owner, p.Id, PartnershipRole.Editor, "Admin B", orgB.Id, isPartyAdmin: true, ct: ct);
        return new WithSecondParty(owner, p, orgB, adminB);
    }

    /// <summary>
    /// A new person, invited by <paramref name="admin"/> into <paramref name="partyId"/> (default: the admin's party)
    /// with a role, who accepted.
    /// </summary>
    public static async Task<TestUser> JoinAsync(
        this WorkspaceFactory factory,
        TestUser admin,
        Guid partnershipId,
        PartnershipRole role,
        string name,
        Guid? partyId = null,
        bool isPartyAdmin = false,
        CancellationToken ct = default)
    {
        if (partyId is null)
        {
            var view = await admin.GetPartnershipAsync(partnershipId, ct);
            partyId = view.Members.Single(m => m.UserId == admin.Id).PartyId;
        }
        var user = await factory.SignUpAsync(name, ct: ct);
        var invitation = await admin.InviteOkAsync(partnershipId, partyId.Value, user.Email, role, isPartyAdmin, ct);
        var accepted = await user.AcceptAsync(invitation.Token, ct);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync(ct));
        return user;
    }

    public static async Task<PartyView> AddPartyAsync(
        this TestUser owner,
        Guid partnershipId,
        string name,
        CancellationToken ct = default)
    {
        var response = await owner.Http.PostAsJsonAsync(
            $"/api/partnerships/{partnershipId}/parties",
            new { name },
            Json,
            ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(ct));
        return (await response.Content.ReadFromJsonAsync<PartyView>(Json, ct))!;
    }
}
