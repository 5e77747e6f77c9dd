using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Kernel;

/// <summary>Each role can do exactly what it should: one row per role and action.</summary>
public sealed class RolePermissionTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public enum Action {
        Read,
        ReadActivity,
        PreviewMarkdown,
        ListInvitations,
        Rename,
        AddParty,
        Archive,
        InviteIntoOwnParty,
        ChangeColleagueRole,
        RemoveColleague
    }

    private static readonly PartnershipRole[] Roles = [
        PartnershipRole.Viewer,
        PartnershipRole.Commenter,
        PartnershipRole.Editor,
        PartnershipRole.Owner];

    /// <summary>What a member who is not a party admin may do; party-admin rights are tested separately.</summary>
    private static bool Allowed(PartnershipRole role, Action action) => action switch
    {
        Action.Read or Action.ReadActivity or Action.PreviewMarkdown or Action.ListInvitations => true,
        Action.Rename or Action.AddParty or Action.Archive => role == PartnershipRole.Owner,
        Action.InviteIntoOwnParty or Action.ChangeColleagueRole or Action.RemoveColleague => false,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static TheoryData<PartnershipRole, Action, bool> Table()
    {
        var data = new TheoryData<PartnershipRole, Action, bool>();
        foreach (var role in Roles)
        {
            foreach (var action in Enum.GetValues<Action>())
            {
                data.Add(role, action, Allowed(role, action));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task MemberWithRoleCanDoExactlyWhatTheRoleAllows(PartnershipRole role, Action action, bool allowed)
    {
        var owner = await factory.SignUpAsync("Owner", "Org", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Roles", _ct);
        var member = await factory.JoinAsync(owner, p.Id, role, $"{role} member", ct: _ct);
        var colleague = await factory.JoinAsync(owner, p.Id, PartnershipRole.Viewer, "Colleague", ct: _ct);
        var before = await owner.GetPartnershipAsync(p.Id, _ct);
        var url = $"/api/partnerships/{p.Id}";

        var response = action switch
        {
            Action.Read => await member.Http.GetAsync(url, _ct),
            Action.ReadActivity => await member.Http.GetAsync($"{url}/activity", _ct),
            Action.PreviewMarkdown =>
                await member.Http.PostAsJsonAsync($"{url}/markdown/preview", new { markdown = "**x**" }, _ct),
            Action.ListInvitations => await member.Http.GetAsync($"{url}/invitations", _ct),
            Action.Rename => await member.Http.PutAsJsonAsync($"{url}/name", new { name = "Renamed" }, _ct),
            Action.AddParty => await member.Http.PostAsJsonAsync($"{url}/parties", new { name = "New org" }, _ct),
            Action.Archive => await member.Http.PostAsync($"{url}/archive", null, _ct),
            Action.InviteIntoOwnParty =>
                await member.InviteAsync(p.Id, p.Parties[0].Id, "friend@example.org", PartnershipRole.Viewer, ct: _ct),
            Action.ChangeColleagueRole =>
                await member.Http.PutAsJsonAsync(
                    $"{url}/members/{colleague.Id}",
                    new { role = "Commenter", isPartyAdmin = false },
                    PartnershipKit.Json,
                    _ct),
            Action.RemoveColleague => await member.Http.DeleteAsync($"{url}/members/{colleague.Id}", _ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        var body = await response.Content.ReadAsStringAsync(_ct);
        if (allowed)
        {
            Assert.True(response.IsSuccessStatusCode, $"{role} {action}: {(int)response.StatusCode} {body}");
        }
        else
        {
            Assert.True(
                response.StatusCode == HttpStatusCode.Forbidden,
                $"{role} {action}: {(int)response.StatusCode} {body}");
            var after = await owner.GetPartnershipAsync(p.Id, _ct);
            Assert.Equal(before.Name, after.Name);
            Assert.Equal(before.Archived, after.Archived);
            Assert.Equal(before.Parties.Count, after.Parties.Count);
            Assert.Equal(before.Members, after.Members);
        }
    }

    public static TheoryData<PartnershipRole, PartnershipRole, bool> FilterTable()
    {
        var data = new TheoryData<PartnershipRole, PartnershipRole, bool>();
        foreach (var role in Roles)
        {
            foreach (var minimum in Roles)
            {
                data.Add(role, minimum, role >= minimum);
            }
        }
        return data;
    }

    /// <summary>
    /// The helper other features put on their endpoints: <c>RequireMember(PartnershipRole.Commenter)</c>
    /// lets commenters comment, <c>RequireMember(PartnershipRole.Editor)</c> lets editors edit, and so on.
    /// </summary>
    [Theory]
    [MemberData(nameof(FilterTable))]
    public async Task RequireMemberLetsThroughExactlyTheRolesAtOrAboveTheMinimum(
        PartnershipRole role,
        PartnershipRole minimum,
        bool allowed)
    {
        var owner = await factory.SignUpAsync("Filter owner", "Org", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Filter", _ct);
        var member = role == PartnershipRole.Owner ? owner : await factory.JoinAsync(
            owner,
            p.Id,
            role,
            $"{role} filter",
            ct: _ct);

        var result = await RunFilterAsync(new RequireMemberFilter(minimum), p.Id, member.Id, "POST");

        if (allowed)
        {
            Assert.Equal("handler ran", result);
        }
        else
        {
            Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<ProblemHttpResult>(result).StatusCode);
        }
    }

    [Fact]
    public async Task RequireMemberRefusesWritesToAnArchivedPartnershipButAllowsReads()
    {
        var owner = await factory.SignUpAsync("Archivist", "Org", ct: _ct);
        var p = await owner.CreatePartnershipAsync("To archive", _ct);
        (await owner.Http.PostAsync($"/api/partnerships/{p.Id}/archive", null, _ct)).EnsureSuccessStatusCode();

        var write = await RunFilterAsync(new RequireMemberFilter(PartnershipRole.Viewer), p.Id, owner.Id, "POST");
        var read = await RunFilterAsync(new RequireMemberFilter(PartnershipRole.Viewer), p.Id, owner.Id, "GET");

        Assert.Equal(StatusCodes.Status409Conflict, Assert.IsType<ProblemHttpResult>(write).StatusCode);
        Assert.Equal("handler ran", read);
    }

    private async Task<object?> RunFilterAsync(
        RequireMemberFilter filter,
        Guid partnershipId,
        string userId,
        string method)
    {
        var http = new DefaultHttpContext
        {
            RequestServices = factory.Services,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test")),
        };
        http.Request.Method = method;
        http.Request.RouteValues["partnershipId"] = partnershipId.ToString();
        http.SetEndpoint(new Endpoint(null, new EndpointMetadataCollection(), "test"));
        var context = EndpointFilterInvocationContext.Create(http);
        return await filter.InvokeAsync(context, _ => ValueTask.FromResult<object?>("handler ran"));
    }
}
