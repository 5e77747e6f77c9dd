using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Health;
using Workspace.Server.Infrastructure;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// The background WAL checkpoint runs on a thread of its own at a lower CPU priority, so the copy it makes once a
/// second never holds the core that edits are read, committed and broadcast on.
/// </summary>
public sealed class WalCheckpointThreadTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheCheckpointRunsOnItsOwnThreadAtALowerPriority()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Thread priorities are read from /proc (Linux).");
        await using var factory = new WorkspaceFactory().With("Documents:CheckpointInterval", "00:00:00.100");
        var owner = await factory.SignUpAsync("Checkpointed", ct: _ct);
        var (_, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        var writer = factory.Services.GetRequiredService<OperationWriter>();

        for (var i = 0; i < 10; i++)
        {
            session.Insert(session.Length, $"edit {i}\n");
            await SyncedAsync(session, _ct);
        }
        await EventuallyAsync(() => writer.Checkpoints > 0, TimeSpan.FromSeconds(10), "a checkpoint ran", _ct);

        // Other tests' servers in this process have checkpoint threads too: every one of them must be lowered.
        var nices = CheckpointThreadNices();
        Assert.NotEmpty(nices);
        // Above 0 (the normal priority) is lower: the scheduler prefers the threads that serve edits.
        Assert.All(nices, nice => Assert.True(nice > 0, $"the checkpoint thread runs at nice {nice}"));
        Assert.All(nices, nice => Assert.Equal(OperationWriter.CheckpointNice, nice));
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task WhatCommitsAddedDuringACopyIsCopiedAgainInTheBackground()
    {
        await using var factory = new WorkspaceFactory();
        var writer = await StartWriterAsync(factory, callerCommits: false);
        await writer.WriteAsync(WalFiles.Op(Guid.NewGuid(), 1), Guid.Empty);

        // Sixteen typists keep the writer committing without a pause, so every copy has company; until a copy was
        // made again. Passes are read before checkpoints (a checkpoint counts itself before its passes), so a count
        // taken while one runs never shows more passes than there were.
        long passes = 0, checkpoints = 0;
        await WalFiles.TypeUntilAsync(writer, typists: 16, () =>
        {
            passes = writer.CheckpointPasses;
            checkpoints = writer.Checkpoints;
            return checkpoints > 0 && passes > checkpoints;
        }, _ct);

        Assert.True(checkpoints > 0, "no checkpoint ran");
        Assert.True(passes > checkpoints,
            $"{passes} passes in {checkpoints} checkpoints: none copied again what came meanwhile");
        await writer.StopAsync(_ct);
    }

    [Fact]
    public async Task TheWalStartsOverWhileEveryEditIsCommittedByItsOwnCaller()
    {
        await using var factory = new WorkspaceFactory();
        var writer = await StartWriterAsync(factory, callerCommits: true);
        var wal = Path.Combine(factory.DataDirectory, "workspace.db-wal");
        // Opens the writer's connection, on its loop.
        await writer.WriteAsync(WalFiles.Op(Guid.NewGuid(), 1), Guid.Empty);
        await EventuallyAsync(() => !writer.Busy, TimeSpan.FromSeconds(10), "the writer is idle", _ct);
        var (first, led) = (WalFiles.CheckpointSequence(wal), writer.LedCommits);

        // One typist, one edit after another: each is committed by its caller, the writer's loop is never needed.
        await WalFiles.TypeUntilAsync(writer, typists: 1, () => writer.LedCommits > led
            && writer.WriterCheckpoints > 0 && WalFiles.CheckpointSequence(wal) > first, _ct);

        // Callers commit until a checkpoint waits; the loop then takes over for a while (it keeps a typist whose next
        // edit comes while it still runs).
        Assert.True(writer.LedCommits > led, "no edit was committed by its caller");
        Assert.True(writer.WriterCheckpoints > 0, "the writer never finished a checkpoint between two commits");
        Assert.True(WalFiles.CheckpointSequence(wal) > first, "the WAL never started over in 30 s of typing");
        await writer.StopAsync(_ct);
    }

    private async Task<OperationWriter> StartWriterAsync(WorkspaceFactory factory, bool callerCommits)
    {
        var writer = new OperationWriter(factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>(),
            Options.Create(new DocumentOptions
            {
                CheckpointInterval = TimeSpan.FromMilliseconds(100), CallerCommits = callerCommits,
            }),
            new CommitMarker(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Postgres })),
            NullLogger<OperationWriter>.Instance);
        await writer.StartAsync(_ct);
        return writer;
    }

    /// <summary>The nice value of every thread of this process named like the checkpoint thread.</summary>
    private static List<int> CheckpointThreadNices()
    {
        var nices = new List<int>();
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).Trim() != OperationWriter.CheckpointThreadName)
                {
                    continue;
                }
                // Fields after the command's closing parenthesis start at field 3; nice is field 19.
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                nices.Add(int.Parse(fields[19 - 3], System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // The thread ended meanwhile (another test's server stopped).
            }
        }
        return nices;
    }
}
