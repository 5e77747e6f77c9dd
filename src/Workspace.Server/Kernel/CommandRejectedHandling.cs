using Microsoft.AspNetCore.Diagnostics;

namespace Workspace.Server.Kernel;

/// <summary>
/// A refusal a grain raised becomes its ProblemDetails (<see cref="Refusal.ToProblemDetails"/>), titled with its
/// English words.
/// </summary>
public sealed class CommandRejectedHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(
        HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not CommandRejectedException rejected)
        {
            return false;
        }
        var refusal = rejected.Refusal;
        httpContext.Response.StatusCode = refusal.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = refusal.ToProblemDetails(title: refusal.Detail),
        });
    }
}
