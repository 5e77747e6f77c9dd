using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Collaboration.Errors;
using Workspace.Server.Kernel;

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
    /// <summary>Any other refusal; its <see cref="Kernel.Refusal.Status"/> says which (a 409, a 413, a 503).</summary>
    Refused,
}

/// <summary>
/// What a grain command returns: the new state, or its <see cref="Kernel.Refusal"/> (the one refusal of every grain
/// command). A conflict carries the current state and who changed it last, so the caller can merge the other
/// person's change with its own instead of overwriting it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Outcome<T>(
    [property: Id(0)] OutcomeKind Kind,
    [property: Id(1)] T? Value,
    [property: Id(2)] Refusal? Refusal)
{
    public string? Error => Refusal?.Detail;

    public string? Field => Refusal?.Field;

    public string? Code => Refusal?.Code;

    public IReadOnlyDictionary<string, string>? Args => Refusal?.Args;

    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, null);

    public static Outcome<T> Invalid(
        string field, string code, string error, params (string Name, object? Value)[] args) =>
        Invalid(new FieldError(field, code, error, Problems.Args(args)));

    public static Outcome<T> Invalid(FieldError error) => new(OutcomeKind.Invalid, default, Refusal.Invalid(error));

    public static Outcome<T> NotFound(string code, string error) =>
        new(OutcomeKind.NotFound, default, new(StatusCodes.Status404NotFound, code, error));

    public static Outcome<T> Forbidden(string code, string error) =>
        new(OutcomeKind.Forbidden, default, new(StatusCodes.Status403Forbidden, code, error));

    public static Outcome<T> Conflict(T current, string? changedBy) =>
        Conflict(current, new Refusal(StatusCodes.Status409Conflict, ErrorCodes.EditConflict,
            "Someone else changed this in the meantime; their version is shown.",
            changedBy is null ? null : Problems.Args(("by", changedBy))));

    /// <summary>A conflict of another kind than an edit's (its own code and words), with the current state.</summary>
    public static Outcome<T> Conflict(T current, Refusal refusal) => new(OutcomeKind.Conflict, current, refusal);

    /// <summary>The command refused with <paramref name="refusal"/>; the kind follows its status.</summary>
    public static Outcome<T> Refuse(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new(refusal.Status switch
        {
            StatusCodes.Status400BadRequest => OutcomeKind.Invalid,
            StatusCodes.Status403Forbidden => OutcomeKind.Forbidden,
            StatusCodes.Status404NotFound => OutcomeKind.NotFound,
            _ => OutcomeKind.Refused,
        }, default, refusal);
    }

    /// <summary>Lets a command <c>return</c> its value, or its refusal, as its outcome.</summary>
    public static implicit operator Outcome<T>(T value) => Ok(value);

    public static implicit operator Outcome<T>(Refusal refusal) => Refuse(refusal);

    /// <summary>Another command's refusal, passed on as this one's.</summary>
    public static Outcome<T> Refused<TOther>(Outcome<TOther> refused)
    {
        ArgumentNullException.ThrowIfNull(refused);
        return new(refused.Kind, default, refused.Refusal);
    }
}

/// <summary>A 409: the entity as it is now and the name of whoever changed it last (for a three-way merge).</summary>
public sealed record ConflictResponse<T>(
    string Title, int Status, string Detail, T Current, string Code, string? ChangedBy);

public static class OutcomeHttp
{
    /// <summary>The value of an accepted command; a refused one becomes its hub refusal
    /// (<see cref="Refusal.ToHub()"/>), for a hub method to raise.</summary>
    public static T OrHubRefusal<T>(this Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind == OutcomeKind.Ok ? outcome.Value! : throw outcome.Refusal!.ToHub();
    }

    /// <summary>The value of an accepted command; a refused one is raised for the exception handler to answer with
    /// its ProblemDetails. Only in endpoint code that answers by raising: never in a grain, whose refusals are
    /// returned.</summary>
    public static T OrRaise<T>(this Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind == OutcomeKind.Ok ? outcome.Value! : throw new CommandRejectedException(outcome.Refusal!);
    }

    /// <summary>The value of an accepted command, or its refusal as ProblemDetails (for an endpoint that answers
    /// something other than the value itself).</summary>
    public static (T? Value, ProblemHttpResult? Problem) OrProblem<T>(this Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Kind == OutcomeKind.Ok ? (outcome.Value, null) : (default, outcome.Refusal!.ToProblem());
    }

    /// <summary>200 with the value, or the refusal: 400 ValidationProblem, ProblemDetails, or 409 with the current
    /// state.</summary>
    public static Results<Ok<T>, ValidationProblem, ProblemHttpResult, Conflict<ConflictResponse<T>>> ToHttp<T>(
        this Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome switch
        {
            { Kind: OutcomeKind.Ok } => TypedResults.Ok(outcome.Value!),
            { Kind: OutcomeKind.Conflict, Refusal: { } r } => TypedResults.Conflict(new ConflictResponse<T>(
                "Edit conflict", r.Status, r.Detail, outcome.Value!, r.Code, r.Args?.GetValueOrDefault("by"))),
            { Refusal: { Field: not null } r } => r.ToValidationProblem(),
            { Refusal: { } r } => r.ToProblem(),
            _ => throw new InvalidOperationException("A refused outcome without its refusal."),
        };
    }
}
