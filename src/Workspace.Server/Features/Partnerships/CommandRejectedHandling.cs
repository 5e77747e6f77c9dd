using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.SignalR;

namespace Workspace.Server.Features.Partnerships;

/// <summary>A command a grain refused becomes a ProblemDetails with the grain's status and message.</summary>
public sealed class CommandRejectedHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CommandRejectedException rejected)
        {
            return false;
        }
        httpContext.Response.StatusCode = rejected.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = rejected.StatusCode, Title = rejected.Message, Detail = rejected.Message },
        });
    }
}

/// <summary>In a hub, a command a grain refused reaches the caller as a HubException with its message.</summary>
public sealed class CommandRejectedHubFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (CommandRejectedException rejected)
        {
            throw new HubException(rejected.Message);
        }
    }
}
