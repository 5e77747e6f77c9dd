using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.SignalR;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Kernel;

/// <summary>
/// The one refusal of a grain command, whatever the grain: the refused half of the <see cref="Outcome{T}"/> every
/// command returns (a grain never raises it across its boundary). It holds an HTTP status, a code from
/// <see cref="ErrorCodes"/> with its arguments, English words as fallback and, for a bad input, the field. It becomes
/// ProblemDetails in <see cref="ToProblemDetails"/> (or, naming a field, a ValidationProblem in
/// <see cref="ToValidationProblem"/>) and a hub refusal in <see cref="ToHub()"/>, nowhere else.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Refusal(
    [property: Id(0)] int Status,
    [property: Id(1)] string Code,
    [property: Id(2)] string Detail,
    [property: Id(3)] IReadOnlyDictionary<string, string>? Args = null,
    [property: Id(4)] string? Field = null)
{
    public static Refusal Of(int status, string code, string detail, params (string Name, object? Value)[] args) =>
        new(status, code, detail, Problems.Args(args));

    /// <summary>A bad input: 400, naming the field (a ValidationProblem over HTTP).</summary>
    public static Refusal Invalid(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(StatusCodes.Status400BadRequest, error.Code, error.Detail, error.Args, error.Field);
    }

    /// <summary>ProblemDetails with the status, the code and its arguments; the title is the status's unless given.
    /// </summary>
    public ProblemDetails ToProblemDetails(string? title = null)
    {
        var problem = new ProblemDetails { Status = Status, Title = title, Detail = Detail };
        Problems.Describe(problem, Code, Args);
        return problem;
    }

    public ProblemHttpResult ToProblem() => TypedResults.Problem(ToProblemDetails());

    public ValidationProblem ToValidationProblem() =>
        Problems.Invalid([new FieldError(Field ?? "", Code, Detail, Args)]);

    /// <summary>
    /// A hub error with the refusal's code. It is final (the client drops the edit) unless the status says the same
    /// call may succeed later: 409 (catch up first) or 503 (a save failed; nothing is lost).
    /// </summary>
    public HubException ToHub() =>
        ToHub(Code, Detail, Status is not (StatusCodes.Status409Conflict or StatusCodes.Status503ServiceUnavailable),
            Args);

    /// <summary>A refusal of the hub itself (not of a grain command): no permission, open first, slow down.</summary>
    public static HubException ToHub(
        string code, string detail, bool final, params (string Name, object? Value)[] args) =>
        ToHub(code, detail, final, Problems.Args(args));

    private static HubException ToHub(
        string code, string detail, bool final, IReadOnlyDictionary<string, string>? args) =>
        new(new HubError(code, detail, final, args).ToMessage());
}

/// <summary>
/// A <see cref="Refusal"/> raised rather than returned, by code that answers by raising rather than by a result:
/// endpoint helpers of agreements ("unknown agreement" deep in a lookup), the clause-link reads, and
/// <see cref="OutcomeHttp.OrRaise{T}"/> where such code meets a refused outcome. The exception handler and the hub
/// filter turn it back into its refusal, so it maps exactly like a returned one.
/// </summary>
[GenerateSerializer]
public sealed class CommandRejectedException : Exception
{
    public CommandRejectedException() { }
    public CommandRejectedException(string message) : base(message) { }
    public CommandRejectedException(string message, Exception inner) : base(message, inner) { }

    public CommandRejectedException(string code, string message, params (string Name, object? Value)[] args)
        : base(message)
    {
        Code = code;
        Args = Problems.Args(args);
    }

    public CommandRejectedException(string code, string message, Exception inner) : base(message, inner) =>
        Code = code;

    public CommandRejectedException(Refusal refusal) : base(refusal?.Detail)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        (StatusCode, Code, Args) = (refusal.Status, refusal.Code, refusal.Args);
    }

    [Id(0)]
    public int StatusCode { get; init; } = 400;

    [Id(1)]
    public string Code { get; init; } = ErrorCodes.InvalidValue;

    [Id(2)]
    public IReadOnlyDictionary<string, string>? Args { get; init; }

    public Refusal Refusal => new(StatusCode, Code, Message, Args);
}
