using System.IO.Pipelines;
using System.Reflection;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// Every hub's two connection pipes wake their reader inline, not through the thread pool's global queue (where a
/// flood of closing connections would make every message wait once more per hop). Read back from the options
/// SignalR actually uses for each mapped hub; also fails if a framework update renames what <c>HubPipes</c> sets.
/// </summary>
public sealed class HubPipesTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Fact]
    public void EveryHubsPipesContinueOnTheThreadThatWrote()
    {
        _ = factory.CreateClient(); // builds the app and its endpoints
        var hubs = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Hub: e.Metadata.GetMetadata<HubMetadata>()?.HubType.Name,
                Options: e.Metadata.GetMetadata<HttpConnectionDispatcherOptions>()))
            .Where(e => e.Hub is not null && e.Options is not null)
            .DistinctBy(e => e.Hub)
            .ToList();

        Assert.Equal(["DocumentHub", "LiveHub", "PartnershipHub"],
            hubs.Select(h => h.Hub!).Order(StringComparer.Ordinal));
        foreach (var (hub, options) in hubs)
        {
            foreach (var pipe in new[] { "TransportPipeOptions", "AppPipeOptions" })
            {
                var value = (PipeOptions)typeof(HttpConnectionDispatcherOptions)
                    .GetProperty(pipe, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(options)!;
                Assert.True(value.ReaderScheduler == PipeScheduler.Inline,
                    $"{hub}: {pipe} wakes its reader through the thread pool");
                Assert.Equal(options!.TransportMaxBufferSize, value.PauseWriterThreshold);
            }
        }
    }
}
