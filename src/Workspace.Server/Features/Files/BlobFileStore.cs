using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace Workspace.Server.Features.Files;

/// <summary>
/// Files in Azure Blob Storage (<c>Files:BlobConnectionString</c>), one block blob per file. An upload is sent in
/// blocks of 4 MB and committed at its end, so a blob under a key always holds a whole file.
/// </summary>
public sealed class BlobFileStore(BlobContainerClient container) : IFileStore
{
    private const int BlockSize = 4 * 1024 * 1024;
    private readonly SemaphoreSlim _created = new(1, 1);
    private volatile bool _exists;

    public BlobFileStore(string connectionString, string containerName)
        : this(new BlobContainerClient(connectionString, containerName)) { }

    public async Task WriteAsync(string key, Stream content, CancellationToken ct)
    {
        await EnsureContainerAsync(ct);
        var options = new BlobUploadOptions
        {
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = BlockSize, MaximumTransferSize = BlockSize, MaximumConcurrency = 1,
            },
        };
        await Blob(key).UploadAsync(content, options, ct);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct)
    {
        try
        {
            return await Blob(key).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), ct);
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct)
    {
        try
        {
            await Blob(key).DeleteIfExistsAsync(cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == StatusCodes.Status404NotFound)
        {
            // the container itself is gone: so is the blob
        }
    }

    private BlockBlobClient Blob(string key) => FileKeys.IsKey(key)
        ? container.GetBlockBlobClient(key)
        : throw new ArgumentException("Not a file key.", nameof(key));

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (_exists)
        {
            return;
        }
        await _created.WaitAsync(ct);
        try
        {
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            _exists = true;
        }
        finally
        {
            _created.Release();
        }
    }
}
