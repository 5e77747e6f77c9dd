using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Workspace.Server.Features.Live;

public interface ILiveClient
{
    Task Notice(string message);
}

/// <summary>The app-wide connection: tells the page it is online and who it is.</summary>
[Authorize]
public sealed class LiveHub : Hub<ILiveClient>
{
    public string WhoAmI() => Context.User?.Identity?.Name ?? "";
}

public static class LiveExtensions
{
    /// <summary>Largest message any hub accepts (the document hub raises it to fit its largest edit).</summary>
    public const long MaximumReceiveMessageSize = 256 * 1024;

    public static void AddWorkspaceLive(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR(o =>
        {
            o.MaximumReceiveMessageSize = MaximumReceiveMessageSize;
            o.EnableDetailedErrors = false;
        });
    }

    public static void MapLive(this WebApplication app)
    {
        app.MapHub<LiveHub>("/hubs/live");
    }
}
