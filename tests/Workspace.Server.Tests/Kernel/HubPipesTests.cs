using System.IO.Pipelines;
using System.Reflection;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Kernel;

/// <summary>
/// Every hub's receive pipe wakes the hub on the thread that received the message, not through the thread pool,
/// except when the writer runs under another scheduler (a grain's turn), whose scheduler the reader must not adopt.
/// The send pipe keeps SignalR's default. Read back from the options SignalR uses for each mapped hub; also fails if a
/// framework update renames what <c>HubPipes</c> sets.
/// </summary>
public sealed class HubPipesTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Fact]
    public void EveryHubsReceivePipeWakesTheHubOnTheReceivingThread()
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
            var receive = OptionsOf(options!, "TransportPipeOptions");
            Assert.True(receive.ReaderScheduler == InlineOutsideSchedulers.Instance,
                $"{hub}: the receive pipe wakes its reader with {receive.ReaderScheduler}");
            Assert.Equal(options!.TransportMaxBufferSize, receive.PauseWriterThreshold);
            Assert.Equal(options.TransportMaxBufferSize / 2, receive.ResumeWriterThreshold);
            var send = OptionsOf(options, "AppPipeOptions");
            Assert.True(send.ReaderScheduler == PipeScheduler.ThreadPool,
                $"{hub}: the send pipe wakes its reader with {send.ReaderScheduler}");
        }
    }

    [Fact]
    public async Task AWriterOnThePoolRunsTheReaderItself()
    {
        var pipe = ReceivePipe();
        var reading = await ParkReaderAsync(pipe);
        var (writerThread, ranInFlush) = await Task.Factory.StartNew(() =>
        {
            _ = WriteAndFlush(pipe);
            return (Environment.CurrentManagedThreadId, reading.IsCompleted);
        }, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
        var (readerThread, _) =
            await reading.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(ranInFlush && readerThread == writerThread,
            $"the reader went on later (thread {readerThread}, the writer's {writerThread})");
    }

    [Fact]
    public async Task AWriterUnderAGrainsSchedulerHandsTheReaderToThePool()
    {
        // A stand-in for an Orleans grain's turn: a scheduler of its own, one task at a time.
        var grain = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        var pipe = ReceivePipe();
        var reading = await ParkReaderAsync(pipe);
        await Task.Factory.StartNew(() => WriteAndFlush(pipe), CancellationToken.None, TaskCreationOptions.None,
            grain).Unwrap();

        var (_, seen) = await reading.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(seen == TaskScheduler.Default, "the reader went on under the grain's scheduler");
    }

    /// <summary>
    /// A reader waiting on <paramref name="pipe"/>, started on the pool (no scheduler or context of the test's to go
    /// back to): its continuation is registered when this returns. It gives the thread and scheduler it went on on.
    /// </summary>
    private static async Task<Task<(int Thread, TaskScheduler Scheduler)>> ParkReaderAsync(Pipe pipe) =>
        await Task.Factory.StartNew(async () =>
        {
            await pipe.Reader.ReadAsync();
            return (Environment.CurrentManagedThreadId, TaskScheduler.Current);
        }, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);

    private static Pipe ReceivePipe()
    {
        var options = new HttpConnectionDispatcherOptions();
        HubPipes.InlineReceive(options);
        return new Pipe(OptionsOf(options, "TransportPipeOptions"));
    }

    private static Task WriteAndFlush(Pipe pipe)
    {
        pipe.Writer.GetSpan(1)[0] = 42;
        pipe.Writer.Advance(1);
        return pipe.Writer.FlushAsync().AsTask();
    }

    private static PipeOptions OptionsOf(HttpConnectionDispatcherOptions options, string name) =>
        (PipeOptions)typeof(HttpConnectionDispatcherOptions)
            .GetProperty(name, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(options)!;
}
