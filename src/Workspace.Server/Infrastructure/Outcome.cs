using Microsoft.AspNetCore.Http.HttpResults;

namespace Workspace.Server.Infrastructure;

public enum OutcomeKind
{
    Ok,
    Invalid,
    NotFound,
    /// <summary>The command was based on a stale version; <see cref="Outcome{T}.Value"/> holds the current state.</summary>
    Conflict,
    Forbidden,
}

/// <summary>
/// What a grain command returns: the new state, or why it was refused. A conflict carries the
/// current state so the caller can show the other person's change instead of overwriting it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Outcome<T>(
    [property: Id(0)] OutcomeKind Kind,
    [property: Id(1)] T? Value,
    [property: Id(2)] string? Error,
    [property: Id(3)] string? Field)
{
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null, null);
    public static Outcome<T> Invalid(string field, string error) => new(OutcomeKind.Invalid, default, error, field);
    public static Outcome<T> NotFound(string error) => new(OutcomeKind.NotFound, default, error, null);
    public static Outcome<T> Conflict(T current) => new(OutcomeKind.Conflict, current, "Someone else changed this in the meantime; their version is shown.", null);
    public static Outcome<T> Forbidden(string error) => new(OutcomeKind.Forbidden, default, error, null);
}

public sealed record ConflictResponse<T>(string Title, int Status, string Detail, T Current);

public static class OutcomeHttp
{
    /// <summary>200 with the value, 400 ValidationProblem, 404/403 ProblemDetails, or 409 with the current state.</summary>
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult, Conflict<ConflictResponse<T>>> ToHttp<T>(this Outcome<T> outcome) => outcome.Kind switch
    {
        OutcomeKind.Ok => TypedResults.Ok(outcome.Value!),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [outcome.Field ?? ""] = [outcome.Error ?? "Invalid value."] }),
        OutcomeKind.NotFound => TypedResults.Problem(outcome.Error, statusCode: StatusCodes.Status404NotFound),
        OutcomeKind.Forbidden => TypedResults.Problem(outcome.Error, statusCode: StatusCodes.Status403Forbidden),
        _ => TypedResults.Conflict(new ConflictResponse<T>("Edit conflict", StatusCodes.Status409Conflict, outcome.Error ?? "", outcome.Value!)),
    };
}
