using System.IO.Pipelines;
using System.Reflection;
using Microsoft.AspNetCore.Http.Connections;

namespace Workspace.Server.Kernel;

/// <summary>
/// SignalR keeps two pipes per connection between the WebSocket and the hub, and wakes the reader of each through
/// the thread pool's global queue: a received message waits there once more before the hub sees it, a reply or
/// broadcast once more before it reaches the socket, and a close a few times more. When thousands of clients leave
/// at once their teardown fills that one FIFO queue (~74,000 items for 10,000 closes), and an edit of someone else
/// waited behind the backlog at every hop (see tests/Workspace.Benchmarks/RESULTS-load.md). Here the readers go on
/// on the thread that wrote, as the socket transport already does (<c>UnsafePreferInlineScheduling</c>): the same
/// work, without the extra trips through the queue. SignalR has no public setting for these pipes, so the two
/// options it builds lazily are set before it first reads them; if a later framework names them differently the
/// defaults stay (and <c>HubPipesTests</c> fails).
/// </summary>
public static class HubPipes
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;

    private static readonly FieldInfo? TransportPipe =
        typeof(HttpConnectionDispatcherOptions).GetField("_transportPipeOptions", Private);

    private static readonly FieldInfo? AppPipe =
        typeof(HttpConnectionDispatcherOptions).GetField("_appPipeOptions", Private);

    /// <summary>For <c>MapHub</c>'s options: both pipes' readers continue inline (outside other schedulers), thresholds
    /// as SignalR's own.</summary>
    public static void Inline(HttpConnectionDispatcherOptions options)
    {
        if (TransportPipe is null || AppPipe is null)
        {
            return;
        }
        TransportPipe.SetValue(options, InlineReader(options.TransportMaxBufferSize));
        AppPipe.SetValue(options, InlineReader(options.ApplicationMaxBufferSize));
    }

    private static PipeOptions InlineReader(long maxBufferSize) => new(pauseWriterThreshold: maxBufferSize,
        resumeWriterThreshold: maxBufferSize / 2, readerScheduler: InlineOutsideSchedulers.Instance,
        useSynchronizationContext: false);
}

/// <summary>
/// Runs a woken pipe reader on the writing thread, unless that thread is running a task of some scheduler other than
/// the thread pool's, such as an Orleans grain's turn broadcasting an edit: there the reader (SignalR's send loop, and
/// whatever it goes on to: a connection's teardown, the hub's disconnect handler) would adopt the grain's scheduler
/// for every await after, queueing behind the grain's turns and calling grains as if from inside that grain. Such a
/// wake-up goes to the thread pool, as SignalR's default does.
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
