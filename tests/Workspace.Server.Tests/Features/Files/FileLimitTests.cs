using System.Net;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Files.FileWorld;

namespace Workspace.Server.Tests.Features.Files;

/// <summary>A server with small bounds (1,000 bytes a file, 2,500 bytes a partnership).</summary>
public sealed class SmallFileLimitsFactory : WorkspaceFactory
{
    public SmallFileLimitsFactory()
    {
        With("Files:MaxBytes", "1000");
        With("Files:QuotaBytes", "2500");
    }
}

public sealed class FileLimitTests(SmallFileLimitsFactory factory) : IClassFixture<SmallFileLimitsFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private string Store => Path.Combine(factory.DataDirectory, "files");

    [Fact]
    public async Task AFileTooLargeIsA413InIndonesianWhenTheRequestAsksAndNothingIsKept()
    {
        var w = await FileWorld.CreateAsync(factory, "Too large", _ct);

        var (status, problem) = await w.UploadAsync(w.B, "besar.zip", Bytes(1001), _ct, language: "id-ID,id;q=0.9");
        var (english, englishProblem) = await w.UploadAsync(w.B, "big.zip", Bytes(1001), _ct, language: "en-GB");

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "fileTooLarge"), (status, Code(problem)));
        Assert.Equal("1000", problem.GetProperty("args").GetProperty("maxBytes").GetString());
        Assert.Equal("Berkas terlalu besar: maksimal 1000 B.", problem.GetProperty("detail").GetString());
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, english);
        Assert.Equal("The file is too large: at most 1000 B.", englishProblem.GetProperty("detail").GetString());
        Assert.Empty((await w.ListAsync(w.A, _ct)).GetProperty("files").EnumerateArray());
    }

    [Fact]
    public async Task AnUploadWithoutContentLengthIsCountedAndStoppedPastTheMaximum()
    {
        var w = await FileWorld.CreateAsync(factory, "Chunked", _ct);

        var (status, problem) = await w.UploadAsync(w.A, "stream.bin", Bytes(5000), _ct, chunked: true);
        var fits = await CreatedAsync(w.UploadAsync(w.A, "small.bin", Bytes(1000), _ct, chunked: true));

        Assert.True(status == HttpStatusCode.RequestEntityTooLarge, $"{status}: {problem}");
        Assert.Equal("fileTooLarge", Code(problem));
        Assert.Equal(1000, fits.GetProperty("size").GetInt64());
        var kept = StoredFiles(Path.Combine(Store, w.P.Id.ToString("N")));
        Assert.Equal([fits.GetProperty("id").GetGuid().ToString("N")], kept.Select(Path.GetFileName));
        Assert.Empty(StoredFiles(Path.Combine(Store, "tmp")));
    }

    [Fact]
    public async Task TheUploadThatWouldPassThePartnershipsQuotaIsRefusedUntilRoomIsMade()
    {
        var w = await FileWorld.CreateAsync(factory, "Quota", _ct);
        var first = await w.UploadOkAsync(w.A, "1.pdf", Bytes(1000, 1), _ct);
        await w.UploadOkAsync(w.B, "2.pdf", Bytes(1000, 2), _ct);

        var (status, problem) = await w.UploadAsync(w.B, "3.pdf", Bytes(1000, 3), _ct, language: "id");
        // Without Content-Length the bytes are stored first; the grain's refusal then removes them again.
        var (chunked, chunkedProblem) = await w.UploadAsync(w.B, "4.pdf", Bytes(1000, 4), _ct, chunked: true);
        var kept = StoredFiles(Path.Combine(Store, w.P.Id.ToString("N"))).Length;
        using var deleted = await w.A.Http.DeleteAsync(w.Url($"/files/{first}"), _ct);
        var third = await CreatedAsync(w.UploadAsync(w.B, "3.pdf", Bytes(1000, 3), _ct));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "fileQuotaExceeded"), (status, Code(problem)));
        Assert.Equal(("2000", "2500"), (problem.GetProperty("args").GetProperty("usedBytes").GetString(),
            problem.GetProperty("args").GetProperty("quotaBytes").GetString()));
        Assert.StartsWith("Ruang berkas kemitraan ini tidak cukup", problem.GetProperty("detail").GetString(),
            StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "fileQuotaExceeded"), (chunked, Code(chunkedProblem)));
        Assert.Equal(2, kept);
        Assert.Equal("3.pdf", third.GetProperty("name").GetString());
        Assert.Equal(2000, (await w.ListAsync(w.A, _ct)).GetProperty("usedBytes").GetInt64());
    }

    [Fact]
    public async Task AnEmptyFileIsRefused()
    {
        var w = await FileWorld.CreateAsync(factory, "Empty", _ct);

        var (status, problem) = await w.UploadAsync(w.A, "empty.txt", [], _ct);
        var (chunked, chunkedProblem) = await w.UploadAsync(w.A, "empty.txt", [], _ct, chunked: true);

        Assert.Equal((HttpStatusCode.BadRequest, "fileEmpty"), (status, Code(problem)));
        Assert.Equal((HttpStatusCode.BadRequest, "fileEmpty"), (chunked, Code(chunkedProblem)));
        Assert.Empty((await w.ListAsync(w.A, _ct)).GetProperty("files").EnumerateArray());
        Assert.Empty(StoredFiles(Path.Combine(Store, w.P.Id.ToString("N"))));
    }
}
