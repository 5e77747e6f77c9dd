using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Kernel;

/// <summary>A member of partnership A reaches nothing of partnership B: not over HTTP, not through a hub.</summary>
public sealed partial class CrossPartnershipIsolationTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryPartnershipEndpointRefusesAMemberOfAnotherPartnership()
    {
        var alice = await factory.SignUpAsync("Alice A", "Org A", ct: _ct);
        var a = await alice.CreatePartnershipAsync("Partnership A", _ct);
        var bob = await factory.SignUpAsync("Bob B", "Org B", ct: _ct);
        var b = await bob.CreatePartnershipAsync("Secret partnership B", _ct);
        var bParty = b.Parties[0].Id;
        var pending = await bob.InviteOkAsync(b.Id, bParty, "pending.b@example.org", PartnershipRole.Viewer, ct: _ct);
        var bobsActivityBefore = await bob.Http.GetStringAsync($"/api/partnerships/{b.Id}/activity", _ct);

        var endpoints = PartnershipEndpoints();
        Assert.True(endpoints.Count >= 12, $"only {endpoints.Count} partnership endpoints found");
        // A body that would be valid for every endpoint, so only authorisation can stop it.
        var body = new
        {
            name = "Taken over",
            organisation = "Intruders",
            role = "Owner",
            isPartyAdmin = true,
            partyId = bParty,
            email = "intruder@example.org",
            markdown = "# hello",
            userId = bob.Id,
        };

        foreach (var (method, pattern) in endpoints)
        {
            var path = RouteParameter().Replace(pattern, m => m.Groups["name"].Value switch
            {
                "partnershipId" => b.Id.ToString(),
                "userId" => bob.Id,
                "invitationId" => pending.Invitation.Id.ToString(),
                "revision" => "1",
                _ when m.Value.Contains(":guid", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
                _ => "x",
            });
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is not "GET" and not "HEAD" and not "DELETE")
            {
                request.Content = JsonContent.Create(body);
            }
            using var response = await alice.Http.SendAsync(request, _ct);
            var text = await response.Content.ReadAsStringAsync(_ct);

            Assert.True(
                response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden,
                $"{method} {pattern} answered {(int)response.StatusCode}: {text}");
            Assert.DoesNotContain("Secret partnership B", text, StringComparison.Ordinal);
            Assert.DoesNotContain(bob.Email, text, StringComparison.Ordinal);
        }

        // And nothing of B changed.
        var after = await bob.GetPartnershipAsync(b.Id, _ct);
        Assert.Equal("Secret partnership B", after.Name);
        Assert.False(after.Archived);
        Assert.Single(after.Parties);
        Assert.Equal([bob.Id], after.Members.Select(m => m.UserId));
        Assert.Single(await bob.Http.GetFromJsonAsync<InvitationView[]>(
            $"/api/partnerships/{b.Id}/invitations",
            PartnershipKit.Json,
            _ct) ?? []);
        Assert.Equal(bobsActivityBefore, await bob.Http.GetStringAsync($"/api/partnerships/{b.Id}/activity", _ct));
        // The control: the same requests work on Alice's own partnership, so the test can fail.
        Assert.Equal(
            HttpStatusCode.OK,
            (await alice.Http.GetAsync($"/api/partnerships/{a.Id}/activity", _ct)).StatusCode);
    }

    [Fact]
    public async Task HubMethodsAndGroupsOfAnotherPartnershipAreRefused()
    {
        var alice = await factory.SignUpAsync("Alice H", "Org A", ct: _ct);
        var a = await alice.CreatePartnershipAsync("Hub A", _ct);
        var bob = await factory.SignUpAsync("Bob H", "Org B", ct: _ct);
        var b = await bob.CreatePartnershipAsync("Hub B", _ct);

        var hubs = HubEndpoints();
        Assert.Contains(typeof(PartnershipHub), hubs.Keys);
        var checkedMethods = 0;
        foreach (var (hubType, path) in hubs)
        {
            await using var connection = factory.Hub(alice, path);
            await connection.StartAsync(_ct);
            foreach (
                var method in hubType.GetMethods(
                    BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var parameters = method.GetParameters();
                if (!parameters.Any(p => p.Name == "partnershipId") || method.Name.StartsWith(
                    "On",
                    StringComparison.Ordinal))
                {
                    continue;
                }
                var args = parameters.Select(p => p.Name == "partnershipId" ? b.Id : Placeholder(p.ParameterType))
                    .ToArray();
                var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeCoreAsync(
                    method.Name,
                    typeof(object),
                    args,
                    _ct));
                Assert.DoesNotContain("Hub B", error.Message, StringComparison.Ordinal);
                checkedMethods++;
            }
        }
        Assert.True(checkedMethods >= 2);

        // Alice's connection joined nothing of B, so B's changes never reach her, while A's do.
        await using var live = factory.Hub(alice, "/hubs/partnership");
        var seen = new List<PartnershipEvent>();
        live.On<PartnershipEvent>(nameof(IPartnershipClient.PartnershipChanged), e => { lock (seen) { seen.Add(e); } });
        await live.StartAsync(_ct);
        await Assert.ThrowsAsync<HubException>(() => live.InvokeAsync<PartnershipView>("JoinPartnership", b.Id, _ct));
        await live.InvokeAsync<PartnershipView>("JoinPartnership", a.Id, _ct);
        (await bob.Http.PutAsJsonAsync($"/api/partnerships/{b.Id}/name", new { name = "Hub B renamed" }, _ct))
            .EnsureSuccessStatusCode();
        (await alice.Http.PutAsJsonAsync($"/api/partnerships/{a.Id}/name", new { name = "Hub A renamed" }, _ct))
            .EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => { lock (seen) { return seen.Any(e => e.PartnershipId == a.Id); } }, _ct);
        await Task.Delay(200, _ct);
        lock (seen)
        {
            Assert.DoesNotContain(seen, e => e.PartnershipId == b.Id);
        }
    }

    private List<(string Method, string Pattern)> PartnershipEndpoints()
    {
        _ = factory.Server;
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name == "partnershipId"))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (
                m,
                "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()];
    }

    private Dictionary<Type, string> HubEndpoints()
    {
        _ = factory.Server;
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Hub: e.Metadata.GetMetadata<HubMetadata>()?.HubType, Pattern: e.RoutePattern.RawText ?? ""))
            .Where(x => x.Hub is not null && !x.Pattern.EndsWith("/negotiate", StringComparison.Ordinal))
            .GroupBy(x => x.Hub!)
            .ToDictionary(g => g.Key, g => "/" + g.First().Pattern.TrimStart('/'));
    }

    private static object? Placeholder(Type type) =>
        type == typeof(string) ? "x"
        : type == typeof(Guid) ? Guid.NewGuid()
        : type.IsValueType ? Activator.CreateInstance(type)
        : null;

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
