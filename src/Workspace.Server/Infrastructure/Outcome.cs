using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Collaboration.Errors;

namespace Workspace.Server.Infrastructure;

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    /// <summary>
    /// The command was based on a stale version; <see cref="Outcome{T}.Value"/> is the current state.
    /// </summary>
    Conflict,
    /// <summary>A member whose role (or part, such as facilitator) does not allow this command.</summary>
    Forbidden,
}

/// <summary>
/// What a grain command returns: the new state, or why it was refused (a code from <see cref="ErrorCodes"/>, its
/// arguments and English words). A conflict carries the current state and who changed it last, so the caller can
/// merge the other person's change with its own instead of overwriting it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Outcome<T>(
    [property: Id(0)] OutcomeKind Kind,
    [property: Id(1)] T? Value,
    [property: Id(2)] string? Error,
    [property: Id(3)] string? Field,
    [property: Id(4)] string? Code = null,
    [property: Id(5)] IReadOnlyDictionary<string, string>? Args = null)
{
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);

    public static Outcome<T> Invalid(
        string field, string code, string error, params (string Name, object? Value)[] args) =>
        new(OutcomeKind.Invalid, default, error, field, code, Problems.Args(args));

    public static Outcome<T> Invalid(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(OutcomeKind.Invalid, default, error.Detail, error.Field, error.Code, error.Args);
    }

    public static Outcome<T> NotFound(string code, string error) =>
        new(OutcomeKind.NotFound, default, error, null, code);

    public static Outcome<T> Forbidden(string code, string error) =>
        new(OutcomeKind.Forbidden, default, error, null, code);

    public static Outcome<T> Conflict(T current, string? changedBy) =>
        new(OutcomeKind.Conflict, current, "Someone else changed this in the meantime; their version is shown.", null,
            ErrorCodes.EditConflict, changedBy is null ? null : Problems.Args(("by", changedBy)));
}

/// <summary>A 409: the entity as it is now and the name of whoever changed it last (for a three-way merge).</summary>
public sealed record ConflictResponse<T>(
    string Title, int Status, string Detail, T Current, string Code, string? ChangedBy);

public static class OutcomeHttp
{
    /// <summary>200 with the value, 400 ValidationProblem, 404 ProblemDetails, or 409 with the current state.</summary>
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult, Conflict<ConflictResponse<T>>> ToHttp<T>(
        this Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var code = outcome.Code ?? ErrorCodes.InvalidValue;
        var detail = outcome.Error ?? "Invalid value.";
        return outcome.Kind switch
        {
            OutcomeKind.Ok => TypedResults.Ok(outcome.Value!),
            OutcomeKind.Invalid => Problems.Invalid([new FieldError(outcome.Field ?? "", code, detail, outcome.Args)]),
            OutcomeKind.NotFound => Problems.Of(StatusCodes.Status404NotFound, code, detail, outcome.Args),
            OutcomeKind.Forbidden => Problems.Of(StatusCodes.Status403Forbidden, code, detail, outcome.Args),
            _ => TypedResults.Conflict(new ConflictResponse<T>(
                "Edit conflict", StatusCodes.Status409Conflict, detail, outcome.Value!, code,
                outcome.Args?.GetValueOrDefault("by"))),
        };
    }
}
