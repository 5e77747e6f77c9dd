using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// Every id a request carries (route, query, body, hub argument) must name something that exists in the partnership
/// the request is about. The walk is by reflection over the running server, so a field added later is probed too.
/// </summary>
public sealed partial class ReferenceIntegrityTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryIdInARequestMustNameSomethingOfTheSamePartnership()
    {
        var a = await PartnershipWorld.CreateAsync(factory, "Alpha", _ct);
        var b = await PartnershipWorld.CreateAsync(factory, "Beta", _ct);
        var (beforeA, beforeB) = (await a.SnapshotAsync(_ct), await b.SnapshotAsync(_ct));
        var failures = new List<string>();
        var probes = 0;
        var controls = new List<(ApiEndpoint Endpoint, JsonObject? Body)>();

        foreach (var endpoint in ContractWalk.PartnershipEndpoints(factory))
        {
            var body = endpoint.Body is null ? null : await b.ValidBodyAsync(endpoint.Body, endpoint, _ct);
            var slots = ReferenceSlots(endpoint).ToList();
            if (endpoint.Body is not null && body is null && slots.Any(s => s.Where == "body"))
            {
                failures.Add(
                    $"{endpoint}: no valid {endpoint.Body.Name} known; add one to PartnershipWorld.ValidBodyAsync");
                continue;
            }
            foreach (var (where, path) in slots)
            {
                var leaf = path.Split('.')[^1];
                var foreign = a.IdFor(leaf);
                if (foreign is null)
                {
                    failures.Add(
                        $"{endpoint} {where} {path}: the test knows no entity of that kind; "
                        + "teach PartnershipWorld.IdFor it");
                    continue;
                }
                foreach (var bad in new[] { foreign, Guid.NewGuid().ToString() }.OfType<string>())
                {
                    var (status, text) = await SendAsync(b, endpoint, body, where, path, bad, _ct);
                    probes++;
                    if (status is not (HttpStatusCode.BadRequest or HttpStatusCode.NotFound))
                    {
                        failures.Add(
                            $"{endpoint} {where} {path}={(bad == foreign ? "other partnership's" : "unknown")} "
                            + $"answered {(int)status}: {text}");
                    }
                    else if (!text.Contains("\"status\"", StringComparison.Ordinal))
                    {
                        failures.Add($"{endpoint} {where} {path}: {(int)status} without ProblemDetails: {text}");
                    }
                }
            }
            if (slots.Count > 0 && endpoint.Method != "DELETE" && !endpoint.RouteParameters.Contains("revision"))
            {
                controls.Add((endpoint, body));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join("\n", failures));
        Assert.True(probes >= 40, $"only {probes} probes");
        Assert.Equal(beforeA, await a.SnapshotAsync(_ct));
        Assert.Equal(beforeB, await b.SnapshotAsync(_ct));
        // The control: with Beta's own ids the same requests go through, so each refusal above was the id's doing.
        // A cancel ends what the later controls still need, so cancels go last: an occurrence's before its meeting's.
        foreach (var (endpoint, body) in controls.OrderBy(c =>
            !c.Endpoint.Pattern.EndsWith("/cancel", StringComparison.Ordinal) ? 0
            : c.Endpoint.RouteParameters.Contains("occurrence") ? 1 : 2))
        {
            var (status, text) = await SendAsync(
                b,
                endpoint,
                body is null ? null : await b.ValidBodyAsync(endpoint.Body!, endpoint, _ct),
                "",
                "",
                "",
                _ct);
            Assert.True((int)status is >= 200 and < 300, $"control {endpoint} answered {(int)status}: {text}");
        }
    }

    [Fact]
    public async Task HubCallsNamingAnotherPartnershipsThingsAreRefused()
    {
        var a = await PartnershipWorld.CreateAsync(factory, "Hub alpha", _ct);
        var b = await PartnershipWorld.CreateAsync(factory, "Hub beta", _ct);
        var beforeA = await a.SnapshotAsync(_ct);
        var calls = 0;
        foreach (var (hubType, path) in HubEndpoints())
        {
            await using var connection = factory.Hub(b.Owner, path);
            await connection.StartAsync(_ct);
            foreach (
                var method in hubType.GetMethods(
                    BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (method.Name.StartsWith(
                    "On",
                    StringComparison.Ordinal)
                        || !method.GetParameters().Any(p => CarriesReference(p.Name!, p.ParameterType)))
                {
                    continue;
                }
                foreach (var idOf in new Func<string, string?>[] { a.IdFor, _ => Guid.NewGuid().ToString() })
                {
                    var args = method.GetParameters().Select(p => Argument(p.Name!, p.ParameterType, idOf)).ToArray();
                    await Assert.ThrowsAsync<HubException>(() => connection.InvokeCoreAsync(
                        method.Name,
                        typeof(object),
                        args,
                        _ct));
                    calls++;
                }
            }
            // The control: the same connection may use Beta's own document.
            if (hubType.GetMethod("OpenDocument") is not null)
            {
                await connection.InvokeCoreAsync("OpenDocument", typeof(object), [b.DocumentId, null], _ct);
            }
        }
        Assert.True(calls >= 10, $"only {calls} hub calls");
        Assert.Equal(beforeA, await a.SnapshotAsync(_ct));
    }

    /// <summary>
    /// The route, query and body fields of an endpoint that name another entity (the partnership itself aside).
    /// </summary>
    private static IEnumerable<(string Where, string Path)> ReferenceSlots(ApiEndpoint endpoint)
    {
        foreach (var name in endpoint.RouteParameters.Where(n => n != "partnershipId" && n.EndsWith(
            "Id",
            StringComparison.Ordinal)))
        {
            yield return ("route", name);
        }
        foreach (var p in endpoint.Query.Where(p => ContractWalk.IsReference(p.Name!, p.ParameterType)))
        {
            yield return ("query", p.Name!);
        }
        if (endpoint.Body is { } contract)
        {
            foreach (var (path, property) in ContractWalk.Fields(contract).Where(f => ContractWalk.IsReference(
                f.Property.Name,
                f.Property.PropertyType)))
            {
                yield return ("body", path);
            }
        }
    }

    /// <summary>
    /// Sends <paramref name="endpoint"/> about <paramref name="world"/> with its own ids, except
    /// <paramref name="path"/> set to <paramref name="value"/>.
    /// </summary>
    internal static async Task<(HttpStatusCode Status, string Text)> SendAsync(
        PartnershipWorld world, ApiEndpoint endpoint, JsonObject? body, string where, string path, string value,
        CancellationToken ct = default)
    {
        var url = string.Join('/', endpoint.Pattern.Split('/').Select(segment =>
        {
            if (!segment.StartsWith('{'))
            {
                return segment;
            }
            var name = segment.Trim('{', '}').Split(':')[0];
            return where == "route" && name == path ? value : world.IdFor(name) ?? "1";
        }));
        var query = new List<string>();
        foreach (var p in endpoint.Query)
        {
            if (where == "query" && p.Name == path)
            {
                query.Add($"{p.Name}={Uri.EscapeDataString(value)}");
            }
            else if (p.Name == "version")
            {
                query.Add($"version={await world.VersionForRouteAsync(endpoint.Pattern, ct)}");
            }
            else if (!ContractWalk.IsReference(p.Name!, p.ParameterType) && world.IdFor(p.Name!) is { } key)
            {
                // A key that is no reference but still required (the occurrence of a series' agenda).
                query.Add($"{p.Name}={Uri.EscapeDataString(key)}");
            }
        }
        using var request = new HttpRequestMessage(
            new HttpMethod(endpoint.Method),
            url + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (body is not null)
        {
            var sent = where == "body" ? body.With(path, value) : body;
            request.Content = new StringContent(sent.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await world.Owner.Http.SendAsync(request, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    private static bool CarriesReference(string name, Type type) =>
        ContractWalk.IsReference(name, type)
        || (type.IsClass && type != typeof(string) && ContractWalk.Fields(type).Any(f => ContractWalk.IsReference(
            f.Property.Name,
            f.Property.PropertyType)));

    /// <summary>
    /// A hub argument whose ids all come from <paramref name="idOf"/>; a record becomes JSON with every field filled.
    /// </summary>
    private static object? Argument(string name, Type type, Func<string, string?> idOf)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(Guid))
        {
            return Guid.Parse(idOf(name) ?? Guid.NewGuid().ToString());
        }
        if (ContractWalk.IsSimple(t) || !t.IsClass)
        {
            return t == typeof(string) ? "probe" : t.IsValueType ? Activator.CreateInstance(t) : null;
        }
        var record = new JsonObject();
        foreach (var (path, property) in ContractWalk.Fields(t))
        {
            var pt = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            record[path] = pt == typeof(Guid) ? JsonValue.Create(idOf(property.Name) ?? Guid.NewGuid().ToString())
                : pt == typeof(string) ? JsonValue.Create("probe")
                : ContractWalk.IsNumber(pt) ? JsonValue.Create(1)
                : pt == typeof(System.Text.Json.JsonElement) ? new JsonArray("PWNED ")
                : null;
        }
        return record;
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
}
