using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Kernel;

/// <summary>
/// A request that cannot even be bound (<c>"target": "NaN"</c>, <c>dueWithinDays=1e308</c>) is answered like any other
/// invalid input: a ValidationProblem naming the field, instead of a bare 400 that says nothing. Binding comes before
/// the endpoint's membership filter, so a partnership's membership is checked here first: to a non-member every
/// partnership endpoint answers 404, whatever the request.
/// </summary>
public sealed partial class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        // The route values as the request had them (the handler runs with them cleared).
        var route = httpContext.Features.Get<IExceptionHandlerFeature>()?.RouteValues;
        if (Guid.TryParse(route?["partnershipId"]?.ToString(), out var partnershipId)
            && await httpContext.RequestServices.GetRequiredService<PartnershipAccess>()
                .FindMemberAsync(httpContext.User, partnershipId) is null)
        {
            await Problems.NotFound(ErrorCodes.UnknownPartnership, "Unknown partnership.").ExecuteAsync(httpContext);
            return true;
        }
        httpContext.Response.StatusCode = bad.StatusCode;
        var field = FieldOf(bad);
        var (code, detail) = field.Length == 0
            ? (ErrorCodes.UnreadableRequest, "The request could not be read.")
            : (ErrorCodes.InvalidValue, $"The value of {field} is not valid.");
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = bad.StatusCode,
        };
        // Worded like every other refusal: a code for the whole answer and one per field.
        Problems.Describe(problem, code, null);
        problem.Extensions["errorCodes"] = new Dictionary<string, object[]>
        {
            [field] = [new { code, args = (IReadOnlyDictionary<string, string>?)null }],
        };
        return await problems.TryWriteAsync(
            new ProblemDetailsContext { HttpContext = httpContext, Exception = exception, ProblemDetails = problem });
    }

    /// <summary>The JSON path of a body field (<c>anchor.from</c>), or a route or query parameter's name.</summary>
    private static string FieldOf(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException { Path: { Length: > 0 } path })
        {
            return path.TrimStart('$', '.');
        }
        return Parameter().Match(bad.Message) is { Success: true } m ? m.Groups["name"].Value : "";
    }

    [GeneratedRegex("""parameter "(?:[^"]* )?(?<name>\w+)" """, RegexOptions.None, 1000)]
    private static partial Regex Parameter();
}

public static class BadRequestHandling
{
    /// <summary>
    /// The request delegates generated at build time answer a route or query value they cannot parse into a nullable
    /// parameter (<c>take=NaN</c>) with a bare 400 instead of throwing as the ones built at run time do; this finds
    /// that parameter after the endpoint and throws the same exception, so <see cref="BadRequestHandler"/> names it.
    /// </summary>
    public static void UseUnparsedParametersNamed(this WebApplication app) =>
        app.Use(async (http, next) =>
        {
            await next(http);
            if (http.Response.StatusCode == StatusCodes.Status400BadRequest && !http.Response.HasStarted
                && Unparsed(http) is { } failed)
            {
                throw new BadHttpRequestException(
                    $"Failed to bind parameter \"{failed.Type} {failed.Name}\" from \"{failed.Value}\".");
            }
        });

    private static (string Type, string Name, string Value)? Unparsed(HttpContext http)
    {
        foreach (var p in http.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            var raw = http.Request.RouteValues.TryGetValue(p.Name, out var route) ? route?.ToString()
                : http.Request.Query[p.Name].ToString();
            var type = Nullable.GetUnderlyingType(p.ParameterInfo.ParameterType) ?? p.ParameterInfo.ParameterType;
            if (p.HasTryParse && !string.IsNullOrEmpty(raw) && !Parses(type, raw))
            {
                return (type.Name, p.Name, raw);
            }
        }
        return null;
    }

    private static bool Parses(Type type, string raw)
    {
        if (type.IsEnum)
        {
            return Enum.TryParse(type, raw, ignoreCase: true, out _);
        }
        var withCulture = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withCulture is not null)
        {
            return (bool)withCulture.Invoke(null, [raw, CultureInfo.InvariantCulture, null])!;
        }
        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static,
            [typeof(string), type.MakeByRefType()]);
        return plain is null || (bool)plain.Invoke(null, [raw, null])!;
    }

    public static void AddWorkspaceBadRequests(this WebApplicationBuilder builder)
    {
        // Binding failures are thrown (not just answered 400) so that the handler can name the field.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestHandler>();
    }
}
