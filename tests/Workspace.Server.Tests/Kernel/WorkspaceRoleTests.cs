using System.Net;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// Goals, KPIs and action items: viewers and commenters read, editors and owners of any party change.
/// </summary>
public sealed class WorkspaceRoleTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PartnershipRole.Viewer, false)]
    [InlineData(PartnershipRole.Commenter, false)]
    [InlineData(PartnershipRole.Editor, true)]
    public async Task EachRoleCanDoExactlyWhatItShould(PartnershipRole role, bool canWrite)
    {
        var p = await TestPartnership.CreateAsync(factory, ct: _ct);
        var partner = await p.Owner.AddPartyAsync(p.Id, "Partner Org", _ct);
        // The partner organisation's first admin, then a member of theirs with the role under test.
        var partnerAdmin = await factory.JoinAsync(
            p.Owner,
            p.Id,
            PartnershipRole.Editor,
            "Partner Admin",
            partner.Id,
            isPartyAdmin: true,
            ct: _ct);
        var member = await factory.JoinAsync(partnerAdmin, p.Id, role, $"Partner {role}", partner.Id, ct: _ct);
        var (_, goal) = await p.Owner.Http.PostJsonAsync(
            p.Url("/goals"),
            new { title = "Shared goal", ownerPartyId = p.OwnerPartyId, status = "OnTrack", version = 0 },
            _ct);
        var (_, kpi) = await p.Owner.Http.PostJsonAsync(
            p.Url("/kpis"),
            new { name = "KPI", direction = "HigherIsBetter", target = 10, ownerPartyId = p.OwnerPartyId, version = 0 },
            _ct);
        var (_, item) = await p.Owner.Http.PostJsonAsync(
            p.Url("/action-items"),
            new { title = "Item", status = "Open", version = 0 },
            _ct);
        var expected = canWrite ? HttpStatusCode.OK : HttpStatusCode.Forbidden;

        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetJsonAsync(p.Url("/goals"), _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetJsonAsync(p.Url("/action-items"), _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetJsonAsync(p.Url("/dashboard"), _ct)).Status);
        Assert.Equal(
            expected,
            (await member.Http.PostJsonAsync(
                p.Url("/goals"),
                new { title = "Theirs", ownerPartyId = partner.Id, status = "OnTrack", version = 0 },
                _ct))
                .Status);
        Assert.Equal(
            expected,
            (await member.Http.PutJsonAsync(
                p.Url($"/goals/{goal.GetProperty("id").GetGuid()}"),
                new { title = "Edited", ownerPartyId = p.OwnerPartyId, status = "AtRisk", version = 1 },
                _ct))
                .Status);
        Assert.Equal(
            expected,
            (await member.Http.PostJsonAsync(
                p.Url($"/kpis/{kpi.GetProperty("id").GetGuid()}/measurements"),
                new { date = "2026-11-01", value = 3 },
                _ct))
                .Status);
        Assert.Equal(
            expected,
            (await member.Http.PostJsonAsync(
                p.Url($"/action-items/{item.GetProperty("id").GetGuid()}/move"),
                new { status = "Done", version = 1 },
                _ct))
                .Status);
        Assert.Equal(
            expected,
            (await member.Http.PostJsonAsync(
                p.Url("/action-items"),
                new { title = "New", ownerUserId = p.Owner.Id, status = "Open", version = 0 },
                _ct))
                .Status);
    }
}
