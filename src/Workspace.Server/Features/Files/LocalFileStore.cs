namespace Workspace.Server.Features.Files;

/// <summary>
/// Files on this machine: <c>&lt;root&gt;/&lt;partnership&gt;/&lt;file&gt;</c>. An upload is written to
/// <c>tmp/</c>, flushed to disk, then renamed into place, so a name under the root always holds a whole file.
/// Uploads that a crash cut off leave a part file in <c>tmp/</c>; the store removes those untouched for
/// <see cref="AbandonedAfter"/> when it starts.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private const int BufferSize = 81920;

    /// <summary>An upload still under way writes to its part file at least this often (a very slow phone too).
    /// </summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(6);

    public LocalFileStore(string root)
    {
        Root = Path.GetFullPath(root);
        RemoveAbandonedParts(DateTime.UtcNow - AbandonedAfter);
    }

    public string Root { get; }

    /// <summary>Deletes the part files last written before <paramref name="cutoff"/>; returns how many.</summary>
    public int RemoveAbandonedParts(DateTime cutoff)
    {
        var folder = new DirectoryInfo(Path.Combine(Root, "tmp"));
        if (!folder.Exists)
        {
            return 0;
        }
        var removed = 0;
        foreach (var part in folder.EnumerateFiles("*.part").Where(f => f.LastWriteTimeUtc < cutoff))
        {
            try
            {
                part.Delete();
                removed++;
            }
            catch (IOException)
            {
                // still open somewhere: left for the next start
            }
        }
        return removed;
    }

    public async Task WriteAsync(string key, Stream content, CancellationToken ct)
    {
        var target = PathOf(key);
        var temporary = Path.Combine(Root, "tmp", $"{Guid.NewGuid():N}.part");
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                BufferSize, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, BufferSize, ct);
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // gone already after the move
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read,
                FileShare.Read | FileShare.Delete, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        try
        {
            File.Delete(PathOf(key)); // no error for a missing file
        }
        catch (DirectoryNotFoundException)
        {
            // nor for a partnership that has no folder yet
        }
        return Task.CompletedTask;
    }

    private string PathOf(string key) => FileKeys.IsKey(key)
        ? Path.Combine(Root, key[..32], key[33..])
        : throw new ArgumentException("Not a file key.", nameof(key));
}
