using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>
/// An endpoint as a client sees it: method, route, the record its body binds to and its query parameters.
/// </summary>
public sealed record ApiEndpoint(string Method, string Pattern, Type? Body, IReadOnlyList<ParameterInfo> Query)
{
    public IEnumerable<string> RouteParameters => ContractWalk.RouteNames(Pattern);

    public override string ToString() => $"{Method} {Pattern}";
}

/// <summary>
/// Every endpoint and every field of every request contract, found by reflection over the running server, so that a
/// field added later is walked by the tests without anyone remembering to list it.
/// </summary>
public static class ContractWalk
{
    private static readonly HashSet<Type> Simple =
    [
        typeof(string), typeof(Guid), typeof(bool), typeof(int), typeof(long), typeof(double), typeof(float),
        typeof(decimal),
        typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset),
    ];

    /// <summary>String query parameters that name an entity without ending in "Id".</summary>
    private static readonly HashSet<string> ReferenceNames = ["owner"];

    public static List<ApiEndpoint> PartnershipEndpoints(WorkspaceFactory factory)
    {
        _ = factory.Server;
        var source = factory.Services.GetRequiredService<EndpointDataSource>();
        return [.. source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Any(p => p.Name == "partnershipId"))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method =>
            {
                var pattern = "/" + e.RoutePattern.RawText!.TrimStart('/');
                var body = e.Metadata.OfType<IAcceptsMetadata>().FirstOrDefault()?.RequestType;
                var route = RouteNames(pattern).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var handler = e.Metadata.OfType<MethodInfo>().FirstOrDefault();
                Assert.True(handler is not null, $"{method} {pattern}: no handler method in the endpoint's metadata");
                var query = handler.GetParameters()
                    .Where(p => !route.Contains(p.Name!) && IsSimple(p.ParameterType) && p.ParameterType != body)
                    .ToList();
                return new ApiEndpoint(method, pattern, body, query);
            }))
            .DistinctBy(e => e.ToString())];
    }

    public static IEnumerable<string> RouteNames(string pattern) =>
        pattern.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}').Split(':')[0]);

    public static bool IsSimple(Type type) =>
        Simple.Contains(Nullable.GetUnderlyingType(type) ?? type) || (Nullable.GetUnderlyingType(type) ?? type).IsEnum;

    public static bool IsNumber(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t
            && (t == typeof(int) || t == typeof(long) || t == typeof(double)
                || t == typeof(float) || t == typeof(decimal));

    public static bool IsInteger(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(int) || t == typeof(long));

    /// <summary>A field or parameter that points at another entity: a Guid, or a string named like an id.</summary>
    public static bool IsReference(string name, Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) == typeof(Guid)
        || (type == typeof(string) && (name.EndsWith(
            "Id",
            StringComparison.OrdinalIgnoreCase) || ReferenceNames.Contains(name)));

    /// <summary>
    /// The fields of a contract as JSON paths (records inside it too: <c>anchor.from</c>), with their types and
    /// properties.
    /// </summary>
    public static IEnumerable<(string Path, PropertyInfo Property)> Fields(Type contract, string prefix = "")
    {
        foreach (var property in contract.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var path = prefix + JsonName(property.Name);
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (type.IsClass && type != typeof(string) && type.Namespace?.StartsWith(
                "Workspace.",
                StringComparison.Ordinal) == true)
            {
                foreach (var inner in Fields(type, path + "."))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return (path, property);
            }
        }
    }

    public static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
