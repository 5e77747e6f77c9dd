using System.Net;
using System.Net.Http.Headers;
using Azure.Storage.Blobs;
using Workspace.Server.Features.Files;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Files.FileWorld;

namespace Workspace.Server.Tests.Features.Files;

/// <summary>
/// The Azure Blob Storage store against a real Azurite (started by infra/services.sh, which sets
/// WORKSPACE_TEST_AZURITE): each test has a container of its own.
/// </summary>
public sealed class FileBlobStoreTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static string? Azurite => Environment.GetEnvironmentVariable("WORKSPACE_TEST_AZURITE");

    private static (WorkspaceFactory Server, BlobContainerClient Container) Server(long quota = 1L << 31)
    {
        var name = $"files-{Guid.NewGuid():N}";
        var server = new WorkspaceFactory().With("Files:BlobConnectionString", Azurite)
            .With("Files:BlobContainer", name).With("Files:QuotaBytes", quota.ToString(
                System.Globalization.CultureInfo.InvariantCulture));
        return (server, new BlobContainerClient(Azurite, name));
    }

    private async Task<List<string>> BlobsAsync(BlobContainerClient container)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: _ct))
        {
            names.Add(blob.Name);
        }
        return names;
    }

    [Fact]
    public async Task AFileOfSeveralBlocksRoundTripsThroughBlobStorageWithRangesAndIsDeletedWithItsBlob()
    {
        Assert.SkipWhen(Azurite is null, "WORKSPACE_TEST_AZURITE is not set; infra/services.sh starts Azurite.");
        var (server, container) = Server();
        await using var _ = server;
        var w = await FileWorld.CreateAsync(server, "Blob", _ct);
        var bytes = Bytes(9 * 1024 * 1024 + 17); // three blocks of at most 4 MB

        var id = await w.UploadOkAsync(w.B, "Peta lahan.tif", bytes, _ct);
        using var whole = await w.A.Http.GetAsync(w.Url($"/files/{id}/content"), _ct);
        using var part = new HttpRequestMessage(HttpMethod.Get, w.Url($"/files/{id}/content"));
        part.Headers.Range = new RangeHeaderValue(5_000_000, 5_000_099);
        using var ranged = await w.A.Http.SendAsync(part, _ct);
        var stored = await BlobsAsync(container);
        using var deleted = await w.B.Http.DeleteAsync(w.Url($"/files/{id}"), _ct);

        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal("attachment", whole.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(HttpStatusCode.PartialContent, ranged.StatusCode);
        Assert.Equal(bytes[5_000_000..5_000_100], await ranged.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal([FileKeys.KeyOf(w.P.Id, id)], stored);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Empty(await BlobsAsync(container));
    }

    [Fact]
    public async Task ARefusedCommitRemovesTheBlobItsBytesWentTo()
    {
        Assert.SkipWhen(Azurite is null, "WORKSPACE_TEST_AZURITE is not set; infra/services.sh starts Azurite.");
        var (server, container) = Server(quota: 3000);
        await using var _ = server;
        var w = await FileWorld.CreateAsync(server, "Blob quota", _ct);
        var first = await w.UploadOkAsync(w.A, "first.pdf", Bytes(2000), _ct);

        // No Content-Length: the bytes reach a blob before the grain finds them over the quota.
        var (status, problem) = await w.UploadAsync(w.A, "second.pdf", Bytes(2000, 2), _ct, chunked: true);

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "fileQuotaExceeded"), (status, Code(problem)));
        Assert.Equal([FileKeys.KeyOf(w.P.Id, first)], await BlobsAsync(container));
    }

    [Fact]
    public async Task TheStoreFindsNothingUnderAnUnknownKeyAndDeletingItIsHarmless()
    {
        Assert.SkipWhen(Azurite is null, "WORKSPACE_TEST_AZURITE is not set; infra/services.sh starts Azurite.");
        var container = new BlobContainerClient(Azurite, $"files-{Guid.NewGuid():N}");
        var store = new BlobFileStore(container);
        var key = FileKeys.KeyOf(Guid.NewGuid(), Guid.NewGuid());

        await store.DeleteAsync(key, _ct);
        var missing = await store.OpenReadAsync(key, _ct);
        await store.WriteAsync(key, new MemoryStream([1, 2, 3]), _ct);
        await using var found = await store.OpenReadAsync(key, _ct);

        Assert.Null(missing);
        Assert.NotNull(found);
        Assert.True(found.CanSeek);
        Assert.Equal(3, found.Length);
        await container.DeleteIfExistsAsync(cancellationToken: _ct);
    }
}
