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
