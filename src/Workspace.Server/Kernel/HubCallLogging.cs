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

    /// <summary>
    /// Logs a failed call, and turns a refusal a grain raised into its hub refusal (<see cref="Refusal.ToHub()"/>).
    /// One filter for both, and no state machine of its own unless the call is still running when the hub method
    /// returns: each filter's awaiting wrapper cost an allocation and a continuation per call (RESULTS-load.md).
    /// </summary>
    public ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ValueTask<object?> call;
        try
        {
            call = next(invocationContext);
        }
        catch (Exception ex) when (Failed(invocationContext, ex) is { } refusal)
        {
            throw refusal;
        }
        return call.IsCompletedSuccessfully ? call : AwaitAsync(call, invocationContext);
    }

    private async ValueTask<object?> AwaitAsync(ValueTask<object?> call, HubInvocationContext invocationContext)
    {
        try
        {
            return await call;
        }
        catch (Exception ex) when (Failed(invocationContext, ex) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Logs the failure (in the catch's filter, so a fault goes on with its own stack); returns the hub
    /// refusal to raise instead, or null to let the exception go on as it is.</summary>
    private HubException? Failed(HubInvocationContext invocationContext, Exception ex)
    {
        var refusal = ex is CommandRejectedException rejected ? rejected.Refusal.ToHub() : null;
        Log(invocationContext.Hub.GetType().Name, invocationContext.HubMethodName,
            invocationContext.Context.UserIdentifier, refusal ?? ex);
        return refusal;
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
