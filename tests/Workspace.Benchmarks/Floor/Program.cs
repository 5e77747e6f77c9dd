using System.Text.Json.Serialization;
using Orleans.Configuration;
using Workspace.Floor;

// dotnet Workspace.Floor.dll --urls=http://127.0.0.1:PORT --mode signalr|orleans|orleans-fsync
//     [--silo-port N] [--log-file PATH] [--Logging:LogLevel:Default=Warning]
// The product's Kestrel and SignalR settings where they matter (src/Workspace.Server/Kernel/LiveHub.cs,
// Infrastructure/JsonExtensions.cs, OrleansExtensions.cs); everything else of the product is left out.
var builder = WebApplication.CreateBuilder(args);
var mode = builder.Configuration["mode"] ?? "signalr";
if (mode is not ("signalr" or "orleans" or "orleans-fsync"))
{
    Console.Error.WriteLine($"Unknown --mode {mode}: signalr, orleans or orleans-fsync.");
    return 2;
}
var useGrains = mode != "signalr";
builder.Services.AddSingleton(new FloorSettings(useGrains));
builder.Services.AddSingleton<FloorDocuments>();
builder.Services.AddSingleton(new FloorLog(mode == "orleans-fsync"
    ? builder.Configuration["log-file"] ?? Path.Combine(Path.GetTempPath(), $"floor-{Environment.ProcessId}.log")
    : null));
builder.Services.AddSignalR(o =>
    {
        o.MaximumReceiveMessageSize = 256 * 1024;
        o.EnableDetailedErrors = false;
    })
    .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
if (useGrains)
{
    var siloPort = int.Parse(
        builder.Configuration["silo-port"] ?? "11301", System.Globalization.CultureInfo.InvariantCulture);
    builder.UseOrleans(silo =>
    {
        silo.UseLocalhostClustering(siloPort, gatewayPort: 0, serviceId: "floor", clusterId: "floor");
        silo.Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromMinutes(15));
    });
}

var app = builder.Build();
app.MapGet("/health", () => "ok");
// The document as the server has it now: the load generator's convergence check.
app.MapGet("/documents/{id:guid}", async (Guid id, IServiceProvider services) =>
{
    var opened = useGrains
        ? await services.GetRequiredService<IGrainFactory>().GetGrain<IFloorGrain>(id).OpenAsync()
        : services.GetRequiredService<FloorDocuments>().Get(id) is var d && d.Open() is var (r, t)
            ? new FloorOpened(id, r, t) : null;
    return Results.Ok(new { text = opened!.Text, revision = opened.Revision });
});
app.MapHub<FloorHub>("/hubs/documents");
await app.RunAsync();
await app.Services.GetRequiredService<FloorLog>().DisposeAsync();
return 0;
