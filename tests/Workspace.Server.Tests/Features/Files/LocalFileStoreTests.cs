using Workspace.Server.Features.Files;

namespace Workspace.Server.Tests.Features.Files;

public sealed class LocalFileStoreTests
{
    [Fact]
    public void StartingRemovesPartFilesThatACrashLeftAndKeepsUploadsStillUnderWay()
    {
        var root = Path.Combine(Path.GetTempPath(), "workspace-tests", Guid.NewGuid().ToString("N"));
        var tmp = Directory.CreateDirectory(Path.Combine(root, "tmp")).FullName;
        var abandoned = Path.Combine(tmp, "abandoned.part");
        var underWay = Path.Combine(tmp, "under-way.part");
        var other = Path.Combine(tmp, "notes.txt");
        foreach (var path in new[] { abandoned, underWay, other })
        {
            File.WriteAllBytes(path, [1, 2, 3]);
        }
        var old = DateTime.UtcNow - LocalFileStore.AbandonedAfter - TimeSpan.FromMinutes(1);
        File.SetLastWriteTimeUtc(abandoned, old);
        File.SetLastWriteTimeUtc(other, old);

        var store = new LocalFileStore(root);

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(underWay));
        Assert.True(File.Exists(other));
        Assert.Equal(0, store.RemoveAbandonedParts(DateTime.UtcNow - LocalFileStore.AbandonedAfter));
        Directory.Delete(root, recursive: true);
    }
}
