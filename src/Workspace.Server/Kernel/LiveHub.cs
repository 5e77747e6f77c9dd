using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Workspace.Server.Kernel;

/// <summary>The app-wide connection: tells the page it is online and who it is.</summary>
[Authorize]
public sealed class LiveHub : Hub
{
    public string WhoAmI() => Context.User?.Identity?.Name ?? "";
}

public static class LiveExtensions
{
    /// <summary>Largest message any hub accepts (the document hub raises it to fit its largest edit).</summary>
    public const long MaximumReceiveMessageSize = 256 * 1024;

    public static void AddWorkspaceLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HubCallLogging>();
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = MaximumReceiveMessageSize;
            o.EnableDetailedErrors = false;
        });
        // Before the rate limit, so it sees its refusals too. Every filter is added as its (singleton) instance: one
        // added by type is wrapped in SignalR's factory, which awaits it, an async state machine per filter per call.
        builder.Services.AddOptions<HubOptions>().Configure<HubCallLogging>((o, filter) => o.AddFilter(filter));
        builder.Logging.AddFilter(HubCallLogging.DispatcherCategory, LogLevel.Critical);
        // The socket transport goes on with what a completed read or a flush makes possible on the same thread instead
        // of queueing it again: a received message is parsed and dispatched on the pool thread that read it, and a
        // broadcast is handed to the sockets by the thread that wrote it (one thread-pool hand-off less each way per
        // message; see tests/Workspace.Benchmarks/RESULTS-load.md). Socket completions still arrive on the thread pool
        // (the runtime's inline socket completions stay off), so no application code runs on the socket engine's
        // thread.
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
    }

    public static void MapLive(this WebApplication app)
    {
        app.MapHub<LiveHub>("/hubs/live");
    }
}
