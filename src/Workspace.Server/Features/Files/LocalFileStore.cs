namespace Workspace.Server.Features.Files;

/// <summary>
/// Files on this machine: <c>&lt;root&gt;/&lt;partnership&gt;/&lt;file&gt;</c>. An upload is written to
/// <c>tmp/</c>, flushed to disk, then renamed into place, so a name under the root always holds a whole file.
/// </summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    private const int BufferSize = 81920;

    public string Root { get; } = Path.GetFullPath(root);

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
