using Workspace.Server.Features.Documents;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>What the WAL tests read from the file and write through the writer.</summary>
internal static class WalFiles
{
    /// <summary>The WAL header's checkpoint sequence: it goes up each time the log starts over from its beginning.
    /// </summary>
    public static uint CheckpointSequence(string wal)
    {
        using var file = new FileStream(wal, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var header = new byte[16];
        file.ReadExactly(header);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(12));
    }

    /// <summary>
    /// <paramref name="typists"/> write one op after another through <paramref name="writer"/> until
    /// <paramref name="done"/> holds, 30 s at most. What the load brings about is awaited, not assumed to come within
    /// a fixed time: a stalled test host, or a checkpoint thread at nice 10 on busy cores, takes longer.
    /// </summary>
    public static async Task TypeUntilAsync(OperationWriter writer, int typists, Func<bool> done, CancellationToken ct)
    {
        using var stop = new CancellationTokenSource();
        var typing = Enumerable.Range(0, typists).Select(_ => Task.Run(async () =>
        {
            var document = Guid.NewGuid();
            for (var revision = 1L; !stop.IsCancellationRequested; revision++)
            {
                await writer.WriteAsync(Op(document, revision), Guid.Empty);
            }
        }, ct)).ToList();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!done() && DateTime.UtcNow < until && typing.All(t => !t.IsCompleted))
        {
            await Task.Delay(25, ct);
        }
        await stop.CancelAsync();
        await Task.WhenAll(typing);
    }

    /// <summary>An operation row of ~200 characters for <paramref name="document"/> at <paramref name="revision"/>.
    /// </summary>
    public static DocumentOperation Op(Guid document, long revision) => new()
    {
        DocumentId = document,
        Revision = revision,
        ClientId = "c",
        ClientSeq = revision,
        AuthorId = "a",
        Operation = "[\"" + new string('x', 200) + "\"]",
        At = DateTimeOffset.UnixEpoch,
    };
}
