using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.SignalR;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Kernel;

/// <summary>A command a grain refused becomes ProblemDetails with the grain's status, code and English words.</summary>
public sealed class CommandRejectedHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Refusal.Of(exception) is not { } refusal)
        {
            return false;
        }
        httpContext.Response.StatusCode = refusal.Status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = refusal.Status, Title = exception.Message, Detail = exception.Message },
        };
        Problems.Describe(context.ProblemDetails, refusal.Code, refusal.Args);
        return await problems.TryWriteAsync(context);
    }
}

/// <summary>In a hub, a command a grain refused reaches the caller as a HubException carrying its code.</summary>
public sealed class CommandRejectedHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception ex) when (Refusal.Of(ex) is { } refusal)
        {
            throw Refusal.ToHub(refusal, ex.Message);
        }
    }
}

/// <summary>The one reading of a grain's refusal : status, code, arguments.</summary>
public sealed record Refusal(int Status, string Code, IReadOnlyDictionary<string, string>? Args)
{
    public static Refusal? Of(Exception exception) => exception switch
    {
        CommandRejectedException c => new(c.StatusCode, c.Code, c.Args),
        _ => null,
    };

    /// <summary>
    /// A hub error with the refusal's code. It is final (the client drops the edit) unless the status says the same
    /// call may succeed later: 409 (catch up first) or 503 (a save failed; nothing is lost).
    /// </summary>
    public static HubException ToHub(Refusal refusal, string detail)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var final = refusal.Status is not (StatusCodes.Status409Conflict or StatusCodes.Status503ServiceUnavailable);
        return new HubException(new HubError(refusal.Code, detail, final, refusal.Args).ToMessage());
    }

    public static HubException ToHub(
        string code, string detail, bool final, params (string Name, object? Value)[] args) =>
        new(new HubError(code, detail, final, Problems.Args(args)).ToMessage());
}
