using System.Net;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Files.FileWorld;

namespace Workspace.Server.Tests.Features.Files;

public sealed class FileAccessTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SomeoneOutsideThePartnershipNeitherListsNorDownloadsNorUploadsNorDeletes()
    {
        var w = await FileWorld.CreateAsync(factory, "Outsider", _ct);
        var id = await w.UploadOkAsync(w.A, "contract.pdf", Bytes(100), _ct);
        var stranger = await factory.SignUpAsync("Outsider stranger", ct: _ct);

        var list = await stranger.Http.GetJsonAsync(w.Url("/files"), _ct);
        var content = await stranger.Http.GetJsonAsync(w.Url($"/files/{id}/content"), _ct);
        var upload = await w.UploadAsync(stranger, "mine.pdf", Bytes(100), _ct);
        var delete = await stranger.Http.SendJsonAsync(HttpMethod.Delete, w.Url($"/files/{id}"), ct: _ct);

        Assert.All([list, content, upload, delete],
            r => Assert.Equal((HttpStatusCode.NotFound, "unknownPartnership"), (r.Status, Code(r.Body))));
        var files = (await w.ListAsync(w.A, _ct)).GetProperty("files");
        Assert.Equal([id], files.EnumerateArray().Select(f => f.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task AViewerDownloadsButCannotUpload()
    {
        var w = await FileWorld.CreateAsync(factory, "Viewer", _ct);
        var viewer = await w.JoinAsync(w.PartyB, PartnershipRole.Viewer, "Viewer B", _ct);
        var bytes = Bytes(2000);
        var id = await w.UploadOkAsync(w.B, "shared.pdf", bytes, _ct);
        var before = StoredFiles(Path.Combine(factory.DataDirectory, "files", w.P.Id.ToString("N")));

        var (status, problem) = await w.UploadAsync(viewer, "viewer.pdf", Bytes(3000), _ct);
        using var download = await viewer.Http.GetAsync(w.Url($"/files/{id}/content"), _ct);

        Assert.Equal((HttpStatusCode.Forbidden, "roleTooLow"), (status, Code(problem)));
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync(_ct));
        Assert.Single((await w.ListAsync(w.A, _ct)).GetProperty("files").EnumerateArray());
        Assert.Equal(before, StoredFiles(Path.Combine(factory.DataDirectory, "files", w.P.Id.ToString("N"))));
    }

    [Fact]
    public async Task AFileOfAnotherPartnershipIsUnknownHere()
    {
        var w = await FileWorld.CreateAsync(factory, "Here", _ct);
        var other = await FileWorld.CreateAsync(factory, "Elsewhere", _ct);
        var theirs = await other.UploadOkAsync(other.A, "theirs.pdf", Bytes(100), _ct);

        var read = await w.A.Http.GetJsonAsync(w.Url($"/files/{theirs}"), _ct);
        var content = await w.A.Http.GetJsonAsync(w.Url($"/files/{theirs}/content"), _ct);
        var delete = await w.A.Http.SendJsonAsync(HttpMethod.Delete, w.Url($"/files/{theirs}"), ct: _ct);

        Assert.All([read, content, delete],
            r => Assert.Equal((HttpStatusCode.NotFound, "unknownFile"), (r.Status, Code(r.Body))));
        using var still = await other.A.Http.GetAsync(other.Url($"/files/{theirs}/content"), _ct);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task AnEditorWhoDidNotUploadAFileCannotDeleteItButAnOwnerCan()
    {
        var w = await FileWorld.CreateAsync(factory, "Not yours", _ct);
        var byB = await w.UploadOkAsync(w.B, "b.pdf", Bytes(100), _ct);
        var byA = await w.UploadOkAsync(w.A, "a.pdf", Bytes(100, 2), _ct);

        var refused = await w.B.Http.SendJsonAsync(HttpMethod.Delete, w.Url($"/files/{byA}"), ct: _ct);
        var indonesian = new HttpRequestMessage(HttpMethod.Delete, w.Url($"/files/{byA}"));
        indonesian.Headers.AcceptLanguage.ParseAdd("id-ID,id;q=0.9,en;q=0.5");
        using var refusedInIndonesian = await w.B.Http.SendAsync(indonesian, _ct);
        var byOwner = await w.A.Http.SendJsonAsync(HttpMethod.Delete, w.Url($"/files/{byB}"), ct: _ct);

        Assert.Equal((HttpStatusCode.Forbidden, "notYourFile"), (refused.Status, Code(refused.Body)));
        Assert.Contains("pengunggah", await refusedInIndonesian.Content.ReadAsStringAsync(_ct),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, byOwner.Status);
        var left = (await w.ListAsync(w.B, _ct)).GetProperty("files");
        Assert.Equal([byA], left.EnumerateArray().Select(f => f.GetProperty("id").GetGuid()));
    }
}
