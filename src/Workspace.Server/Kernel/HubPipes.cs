using System.IO.Pipelines;
using System.Reflection;
using Microsoft.AspNetCore.Http.Connections;

namespace Workspace.Server.Kernel;

/// <summary>
/// SignalR keeps a pipe per connection between the WebSocket's receive loop and the hub, and wakes the hub's side of
/// it through the thread pool: every received message is queued once more before the hub sees it, and at low load
/// that work item wakes a sleeping pool thread, which on a busy core preempts the one that queued it (see
/// tests/Workspace.Benchmarks/RESULTS-load.md, twelfth session). Here the hub's reader goes on on the thread that
/// received the bytes, as the socket transport below it already does (<c>UnsafePreferInlineScheduling</c>). Only the
/// received side: the send side is also written from a grain's turn (a broadcast), whose scheduler the send loop must
/// not adopt. SignalR has no public setting for it, so the option it builds lazily is set before it first reads it;
/// if a later framework names it differently SignalR's default stays (and <c>HubPipesTests</c> fails).
/// </summary>
public static class HubPipes
{
    private static readonly FieldInfo? ReceivePipe = typeof(HttpConnectionDispatcherOptions)
        .GetField("_transportPipeOptions", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>For <c>MapHub</c>'s options: received messages reach the hub inline; thresholds as SignalR's.</summary>
    public static void InlineReceive(HttpConnectionDispatcherOptions options)
    {
        var max = options.TransportMaxBufferSize;
        ReceivePipe?.SetValue(options, new PipeOptions(pauseWriterThreshold: max, resumeWriterThreshold: max / 2,
            readerScheduler: InlineOutsideSchedulers.Instance, useSynchronizationContext: false));
    }
}

/// <summary>
/// Runs a woken pipe reader on the writing thread, unless that thread is running a task of a scheduler other than the
/// thread pool's (an Orleans grain's turn): the reader, and everything it awaits after, would then run under that
/// scheduler. Such a wake-up goes to the thread pool, as SignalR's default does. The receive loop writes from the
/// pool, so in practice it is always inline; the check keeps that true if it ever is not.
/// </summary>
public sealed class InlineOutsideSchedulers : PipeScheduler
{
    public static readonly InlineOutsideSchedulers Instance = new();

    private InlineOutsideSchedulers()
    {
    }

    public override void Schedule(Action<object?> action, object? state)
    {
        if (TaskScheduler.Current == TaskScheduler.Default && SynchronizationContext.Current is null)
        {
            action(state);
        }
        else
        {
            PipeScheduler.ThreadPool.Schedule(action, state);
        }
    }
}
