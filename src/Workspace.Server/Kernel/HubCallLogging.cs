using Microsoft.AspNetCore.SignalR;

namespace Workspace.Server.Kernel;

/// <summary>
/// The one place a failed hub call is logged, so the log tells refusals from faults. A refusal (a
/// <see cref="HubException"/>: bad input, no permission, too many messages; or a refused command) is the client's
/// doing: one Information line, no stack. Anything else is a fault of the server: Error, with its stack. SignalR's own
/// dispatcher would log every failed call at Error with a stack (a flood of bad ops filled the log with them), so
/// its category is raised to Critical in <see cref="LiveExtensions.AddWorkspaceLive"/>; faults in connect and
/// disconnect handlers are logged here too, so nothing is lost by that.
/// </summary>
public sealed partial class HubCallLogging(ILogger<HubCallLogging> log) : IHubFilter
{
    /// <summary>The logger category of SignalR's dispatcher, whose error entries this filter replaces.</summary>
    public const string DispatcherCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (Exception ex)
        {
            var hub = invocationContext.Hub.GetType().Name;
            Log(hub, invocationContext.HubMethodName, invocationContext.Context.UserIdentifier, ex);
            throw;
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            Log(context.Hub.GetType().Name, nameof(Hub.OnConnectedAsync), context.Context.UserIdentifier, ex);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(
        HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        try
        {
            await next(context, exception);
        }
        catch (Exception ex)
        {
            Log(context.Hub.GetType().Name, nameof(Hub.OnDisconnectedAsync), context.Context.UserIdentifier, ex);
            throw;
        }
    }

    private void Log(string hub, string method, string? user, Exception ex)
    {
        if (ex is HubException or CommandRejectedException)
        {
            Refused(log, hub, method, user, ex.Message);
        }
        else
        {
            Faulted(log, ex, hub, method);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Refused {Hub}.{Method} for user {User}: {Reason}")]
    private static partial void Refused(ILogger logger, string hub, string method, string? user, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "{Hub}.{Method} failed.")]
    private static partial void Faulted(ILogger logger, Exception exception, string hub, string method);
}
