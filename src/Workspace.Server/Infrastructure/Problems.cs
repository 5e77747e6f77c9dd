using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workspace.Collaboration.Errors;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// One field's refusal: a code (<see cref="ErrorCodes"/>) with its arguments, and English words as fallback.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FieldError(
    [property: Id(0)] string Field,
    [property: Id(1)] string Code,
    [property: Id(2)] string Detail,
    [property: Id(3)] IReadOnlyDictionary<string, string>? Args);

/// <summary>
/// Every refusal the server answers with goes through here, so each carries a <c>code</c> (and <c>args</c>) the
/// browser words in the person's language; <c>detail</c> stays English for other clients. Validation problems keep
/// the standard <c>errors</c> (English) and add <c>errorCodes</c>: per field, a list of <c>{ code, args }</c>.
/// </summary>
public static class Problems
{
    /// <summary>Arguments of a code as strings (invariant culture): <c>Args(("max", 300))</c>.</summary>
    public static IReadOnlyDictionary<string, string>? Args(params (string Name, object? Value)[] args) =>
        args.Length == 0
            ? null
            : args.ToDictionary(a => a.Name, a => Convert.ToString(a.Value, CultureInfo.InvariantCulture) ?? "");

    public static ProblemHttpResult Of(
        int status, string code, string detail, params (string Name, object? Value)[] args) =>
        Of(status, code, detail, Args(args));

    public static ProblemHttpResult Of(
        int status, string code, string detail, IReadOnlyDictionary<string, string>? args) =>
        TypedResults.Problem(detail, statusCode: status, extensions: Extensions(code, args));

    public static ProblemHttpResult NotFound(string code, string detail) =>
        Of(StatusCodes.Status404NotFound, code, detail);

    public static ValidationProblem Invalid(
        string field, string code, string detail, params (string Name, object? Value)[] args) =>
        Invalid([new FieldError(field, code, detail, Args(args))]);

    public static ValidationProblem Invalid(IEnumerable<FieldError> errors)
    {
        var byField = errors.GroupBy(e => e.Field).ToList();
        var codes = byField.ToDictionary(
            g => g.Key, g => g.Select(e => new { code = e.Code, args = e.Args }).ToArray());
        return TypedResults.ValidationProblem(
            byField.ToDictionary(g => g.Key, g => g.Select(e => e.Detail).ToArray()),
            extensions: new Dictionary<string, object?> { ["code"] = ErrorCodes.InvalidValue, ["errorCodes"] = codes });
    }

    /// <summary>
    /// A required text of at most <paramref name="max"/> characters: empty (required) or longer (tooLong).
    /// </summary>
    public static FieldError Length(string field, string value, int max, string detail) =>
        new(field, string.IsNullOrEmpty(value) ? ErrorCodes.Required : ErrorCodes.TooLong, detail, Args(("max", max)));

    /// <summary>Adds the code to a ProblemDetails written elsewhere (exception handler, rate limiter).</summary>
    public static void Describe(ProblemDetails problem, string code, IReadOnlyDictionary<string, string>? args)
    {
        ArgumentNullException.ThrowIfNull(problem);
        foreach (var (key, value) in Extensions(code, args))
        {
            problem.Extensions[key] = value;
        }
    }

    private static Dictionary<string, object?> Extensions(string code, IReadOnlyDictionary<string, string>? args)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (args is { Count: > 0 })
        {
            extensions["args"] = args;
        }
        return extensions;
    }
}
