using System.Text.Json.Serialization;

namespace Workspace.Server.Infrastructure;

public static class JsonExtensions
{
    /// <summary>One JSON shape for HTTP and SignalR: camelCase, enums as their names.</summary>
    public static void AddWorkspaceJson(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSignalR()
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
    }
}
