using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Features.Documents;
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
