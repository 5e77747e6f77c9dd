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
/// Every hub's two connection pipes wake their reader on the writing thread, not through the thread pool's global
/// queue (where a flood of closing connections would make every message wait once more per hop), except when the
/// writer runs under another scheduler (an Orleans grain's turn), whose scheduler the reader must not adopt. Read
/// back from the options SignalR actually uses for each mapped hub; also fails if a framework update renames what
/// <c>HubPipes</c> sets.
/// </summary>
public sealed class HubPipesTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private static readonly string[] Pipes = ["TransportPipeOptions", "AppPipeOptions"];

    [Fact]
    public void EveryHubsPipesWakeTheirReaderOnTheWritingThread()
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
            foreach (var pipe in Pipes)
            {
                var value = OptionsOf(options!, pipe);
                Assert.True(value.ReaderScheduler == InlineOutsideSchedulers.Instance,
                    $"{hub}: {pipe} wakes its reader with {value.ReaderScheduler}");
                Assert.Equal(options!.TransportMaxBufferSize, value.PauseWriterThreshold);
            }
        }
    }

    [Fact]
    public async Task AWriterOnThePoolRunsTheReaderItself()
    {
        foreach (var pipe in Pipes)
        {
            var (readerThread, writerThread, ranInFlush) = await ReadAfterWriteAsync(NewPipe(pipe));

            Assert.True(ranInFlush && readerThread == writerThread,
                $"{pipe}: the reader went on later (thread {readerThread}, the writer's {writerThread})");
        }
    }

    [Fact]
    public async Task AWriterUnderAGrainsSchedulerHandsTheReaderToThePool()
    {
        // A stand-in for an Orleans grain's turn: a scheduler of its own, one task at a time.
        var grain = new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler;
        foreach (var pipe in Pipes)
        {
            var reader = new TaskCompletionSource<TaskScheduler>(TaskCreationOptions.RunContinuationsAsynchronously);
            var p = NewPipe(pipe);
            var reading = Task.Run(async () =>
            {
                await p.Reader.ReadAsync();
                reader.SetResult(TaskScheduler.Current);
            }, TestContext.Current.CancellationToken);
            await Task.Delay(50, TestContext.Current.CancellationToken); // the reader waits
            await Task.Factory.StartNew(() => WriteAndFlush(p), CancellationToken.None, TaskCreationOptions.None,
                grain).Unwrap();

            var seen = await reader.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.True(seen == TaskScheduler.Default, $"{pipe}: the reader went on under the grain's scheduler");
            await reading;
        }
    }

    [Fact]
    public async Task ABurstBeyondThePauseThresholdReachesASlowReaderWithoutDeadlock()
    {
        foreach (var pipe in Pipes)
        {
            var p = NewPipe(pipe);
            const int total = 40 * 4096; // 2.5 × the 64 kB pause threshold, in broadcast-sized writes
            var writing = Task.Run(async () =>
            {
                for (var sent = 0; sent < total; sent += 4096)
                {
                    p.Writer.GetSpan(4096)[..4096].Fill(1);
                    p.Writer.Advance(4096);
                    await p.Writer.FlushAsync();
                }
                await p.Writer.CompleteAsync();
            }, TestContext.Current.CancellationToken);
            var received = 0L;
            while (true)
            {
                var result = await p.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask()
                    .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
                received += result.Buffer.Length;
                p.Reader.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
                // A slow reader: the writer is paused and resumed many times.
                await Task.Delay(2, TestContext.Current.CancellationToken);
            }

            await writing.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.Equal(total, received);
        }
    }

    /// <summary>The reader's thread, the writer's, and whether the reader had run before the flush returned.
    /// </summary>
    private static async Task<(int Reader, int Writer, bool RanInFlush)> ReadAfterWriteAsync(Pipe pipe)
    {
        var readerThread = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var read = 0;
        var reading = Task.Run(async () =>
        {
            await pipe.Reader.ReadAsync();
            Volatile.Write(ref read, 1);
            readerThread.SetResult(Environment.CurrentManagedThreadId);
        }, TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken); // the reader waits
        var (writerThread, ranInFlush) = await Task.Factory.StartNew(() =>
        {
            _ = WriteAndFlush(pipe);
            return (Environment.CurrentManagedThreadId, Volatile.Read(ref read) == 1);
        }, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
        var reader = await readerThread.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await reading;
        return (reader, writerThread, ranInFlush);
    }

    private static Task WriteAndFlush(Pipe pipe)
    {
        pipe.Writer.GetSpan(1)[0] = 42;
        pipe.Writer.Advance(1);
        return pipe.Writer.FlushAsync().AsTask();
    }

    /// <summary>A pipe as SignalR makes it for a connection of a hub mapped with <see cref="HubPipes.Inline"/>.
    /// </summary>
    private static Pipe NewPipe(string name)
    {
        var options = new HttpConnectionDispatcherOptions();
        HubPipes.Inline(options);
        return new Pipe(OptionsOf(options, name));
    }

    private static PipeOptions OptionsOf(HttpConnectionDispatcherOptions options, string name) =>
        (PipeOptions)typeof(HttpConnectionDispatcherOptions)
            .GetProperty(name, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(options)!;
}
