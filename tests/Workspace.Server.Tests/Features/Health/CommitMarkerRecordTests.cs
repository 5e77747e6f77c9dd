using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Workspace.Server.Features.Health;
using Workspace.Server.Infrastructure;
using Workspace.Server.Tests.Features.Documents;

namespace Workspace.Server.Tests.Features.Health;

/// <summary>
/// The commit record is written after every commit of co-editing operations: the same 160 bytes as always (the start
/// check reads them), and no garbage per commit on the path every edit takes.
/// </summary>
public sealed class CommitMarkerRecordTests : IDisposable
{
    private readonly string _directory =
        Path.Combine(Path.GetTempPath(), "workspace-marker", Guid.NewGuid().ToString("N"));

    public CommitMarkerRecordTests() => Directory.CreateDirectory(_directory);

    private CommitMarker NewMarker() => new(Options.Create(new DatabaseOptions
    {
        Provider = DatabaseProvider.Sqlite,
        DataDirectory = _directory,
    }));

    [Fact]
    public void TheRecordIsTheFixedLengthLineTheStartCheckReads()
    {
        using var marker = NewMarker();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        marker.Reset(40);
        marker.Committed([WalFiles.Op(first, 7), "not an operation", WalFiles.Op(second, 1234567)]);

        // The format as it was first written with strings: body, a space, 16 hex digits of its SHA-256, padded.
        var body = $"workspace-commits v1 42 {second:N} 1234567";
        var sum = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(body)).AsSpan(0, 8));
        var expected = (body + " " + sum).PadRight(159) + "\n";
        Assert.Equal(expected, File.ReadAllText(marker.DatabasePath + CommitMarker.Suffix, Encoding.ASCII));
        Assert.Equal(new CommitMarker.Mark(42, second, 1234567), CommitMarker.Read(marker.DatabasePath!));
    }

    [Fact]
    public void AShorterRecordLeavesNothingOfTheLongerOneBefore()
    {
        using var marker = NewMarker();
        marker.Reset(9_876_543_210);
        marker.Committed([WalFiles.Op(Guid.NewGuid(), 9_999_999_999)]);
        marker.Reset(0);

        var text = File.ReadAllText(marker.DatabasePath + CommitMarker.Suffix, Encoding.ASCII);
        Assert.Equal(160, text.Length);
        Assert.Equal(new CommitMarker.Mark(0, Guid.Empty, 0), CommitMarker.Read(marker.DatabasePath!));
    }

    [Fact]
    public void ACommitRecordsItsRowsWithoutAllocating()
    {
        using var marker = NewMarker();
        marker.Reset(0);
        IReadOnlyList<object> rows = [WalFiles.Op(Guid.NewGuid(), 1), WalFiles.Op(Guid.NewGuid(), 2)];
        marker.Committed(rows); // the file is opened once, on the first write

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            marker.Committed(rows);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(202, CommitMarker.Read(marker.DatabasePath!)!.Rows);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder.
        }
    }
}
