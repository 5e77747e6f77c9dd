using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Files.FileWorld;

namespace Workspace.Server.Tests.Features.Files;

public sealed class FileFlowTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnUploadedFileIsListedNewestFirstAndDownloadsByteForByte()
    {
        var w = await FileWorld.CreateAsync(factory, "Round trip", _ct);
        var plan = Bytes(300_000, 1);
        var photo = Bytes(70_001, 2);

        var first = await w.UploadOkAsync(w.A, "Rencana kerja – 2027.pdf", plan, _ct);
        var second = await CreatedAsync(w.UploadAsync(w.B, "Foto gudang.jpg", photo, _ct, "image/jpeg"));
        var list = await w.ListAsync(w.B, _ct);
        using var download = await w.A.Http.GetAsync(w.Url($"/files/{first}/content"), _ct);
        using var other = await w.A.Http.GetAsync(w.Url($"/files/{second.GetProperty("id")}/content"), _ct);

        var files = list.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal([second.GetProperty("id").GetGuid(), first], files.Select(f => f.GetProperty("id").GetGuid()));
        Assert.Equal(("Foto gudang.jpg", 70_001L, "Round trip B editor", "Round trip B", w.PartyB),
            (files[0].GetProperty("name").GetString(), files[0].GetProperty("size").GetInt64(),
                files[0].GetProperty("uploadedByName").GetString(), files[0].GetProperty("partyName").GetString(),
                files[0].GetProperty("partyId").GetGuid()));
        Assert.Equal(("Round trip A owner", "Round trip A"), (files[1].GetProperty("uploadedByName").GetString(),
            files[1].GetProperty("partyName").GetString()));
        Assert.Equal(370_001L, list.GetProperty("usedBytes").GetInt64());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(plan, await download.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal(photo, await other.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(plan)), files[1].GetProperty("sha256").GetString());
        var disposition = download.Content.Headers.ContentDisposition!;
        Assert.Equal(("attachment", "Rencana kerja – 2027.pdf"),
            (disposition.DispositionType, disposition.FileNameStar));
        Assert.Contains("filename*=UTF-8''Rencana%20kerja%20%E2%80%93%202027.pdf",
            string.Join(",", download.Content.Headers.GetValues("Content-Disposition")), StringComparison.Ordinal);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", string.Join(",", download.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("bytes", string.Join(",", download.Headers.AcceptRanges));
    }

    [Fact]
    public async Task ARangeRequestAnswersThePartAskedSoAPhoneCanResume()
    {
        var w = await FileWorld.CreateAsync(factory, "Range", _ct);
        var bytes = Bytes(200_000, 3);
        var id = await w.UploadOkAsync(w.A, "video.mp4", bytes, _ct);
        var url = w.Url($"/files/{id}/content");
        using var whole = await w.B.Http.GetAsync(url, _ct);
        var etag = whole.Headers.ETag!;

        using var part = new HttpRequestMessage(HttpMethod.Get, url);
        part.Headers.Range = new RangeHeaderValue(150_000, null);
        part.Headers.IfRange = new RangeConditionHeaderValue(etag);
        using var resumed = await w.B.Http.SendAsync(part, _ct);
        using var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.Range = new RangeHeaderValue(150_000, null);
        stale.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"another-file\""));
        using var restarted = await w.B.Http.SendAsync(stale, _ct);

        Assert.Equal(HttpStatusCode.PartialContent, resumed.StatusCode);
        Assert.Equal("bytes 150000-199999/200000", resumed.Content.Headers.ContentRange!.ToString());
        Assert.Equal(bytes[150_000..], await resumed.Content.ReadAsByteArrayAsync(_ct));
        Assert.Equal(HttpStatusCode.OK, restarted.StatusCode); // another file's tag: the whole file again
        Assert.Equal(bytes.Length, (await restarted.Content.ReadAsByteArrayAsync(_ct)).Length);
    }

    [Fact]
    public async Task AnHtmlFileIsDownloadedAsBytesNeverShownAsAPage()
    {
        var w = await FileWorld.CreateAsync(factory, "Html", _ct);
        var page = "<script>alert(document.cookie)</script>"u8.ToArray();
        var id = (await CreatedAsync(w.UploadAsync(w.A, "page.html", page, _ct, "text/html"))).GetProperty("id");
        var svg = await CreatedAsync(w.UploadAsync(w.A, "logo.svg", page, _ct, "image/svg+xml"));

        using var html = await w.B.Http.GetAsync(w.Url($"/files/{id}/content"), _ct);
        using var image = await w.B.Http.GetAsync(w.Url($"/files/{svg.GetProperty("id")}/content"), _ct);

        Assert.Equal("application/octet-stream", html.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", html.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("application/octet-stream", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(page, await html.Content.ReadAsByteArrayAsync(_ct));
        var policy = string.Join(";", html.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("sandbox", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(html.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\fakepath\\Laporan keuangan.xlsx", "Laporan keuangan.xlsx")]
    [InlineData("bad\u0000na\u001fme\u202e.txt", "badname.txt")]
    [InlineData("  what? <now>: \"a|b\"*.doc  ", "what_ _now__ _a_b__.doc")]
    [InlineData("...hidden...", "hidden")]
    public async Task FileNamesAreCleanedAndNeverBecomeTheStorageKey(string sent, string kept)
    {
        var w = await FileWorld.CreateAsync(factory, "Names", _ct);

        var file = await CreatedAsync(w.UploadAsync(w.A, sent, Bytes(10), _ct));
        using var download = await w.A.Http.GetAsync(w.Url($"/files/{file.GetProperty("id")}/content"), _ct);

        Assert.Equal(kept, file.GetProperty("name").GetString());
        Assert.Equal(kept, download.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.All(StoredFiles(Path.Combine(factory.DataDirectory, "files")),
            path => Assert.Matches("^[0-9a-f]{32}$", Path.GetFileName(path)));
    }

    [Fact]
    public async Task ALongNameIsCutToTwoHundredCharactersKeepingItsExtensionAndAnEmptyOneIsRefused()
    {
        var w = await FileWorld.CreateAsync(factory, "Long names", _ct);

        var file = await CreatedAsync(w.UploadAsync(w.A, new string('a', 300) + ".pdf", Bytes(10), _ct));
        var (status, problem) = await w.UploadAsync(w.A, " /\u0007 ", Bytes(10), _ct);

        Assert.Equal(new string('a', 196) + ".pdf", file.GetProperty("name").GetString());
        Assert.Equal((HttpStatusCode.BadRequest, "required"), (status, Code(problem)));
        Assert.Single((await w.ListAsync(w.A, _ct)).GetProperty("files").EnumerateArray());
    }

    [Fact]
    public async Task TheUploaderDeletesAFileAndItsBytesAreGone()
    {
        var w = await FileWorld.CreateAsync(factory, "Delete", _ct);
        var id = await w.UploadOkAsync(w.B, "notes.txt", Bytes(1000), _ct);
        var stored = Path.Combine(factory.DataDirectory, "files", w.P.Id.ToString("N"), id.ToString("N"));
        Assert.True(File.Exists(stored));

        using var deleted = await w.B.Http.DeleteAsync(w.Url($"/files/{id}"), _ct);
        var (status, problem) = await w.A.Http.GetJsonAsync(w.Url($"/files/{id}/content"), _ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal((HttpStatusCode.NotFound, "unknownFile"), (status, Code(problem)));
        Assert.Empty((await w.ListAsync(w.A, _ct)).GetProperty("files").EnumerateArray());
        Assert.False(File.Exists(stored));
    }

    [Fact]
    public async Task PartnersHearOfUploadsAndDeletionsLive()
    {
        var w = await FileWorld.CreateAsync(factory, "Live", _ct);
        await using var hub = factory.Hub(w.B, "/hubs/partnership");
        var heard = new ConcurrentQueue<(string Kind, JsonElement Payload)>();
        hub.On<PartnershipEvent>(nameof(IPartnershipClient.PartnershipChanged), e =>
        {
            if (e.Kind.StartsWith("file.", StringComparison.Ordinal))
            {
                heard.Enqueue((e.Kind, (JsonElement)e.Payload));
            }
        });
        await hub.StartAsync(_ct);
        await hub.InvokeAsync<PartnershipView>("JoinPartnership", w.P.Id, _ct);

        var id = await w.UploadOkAsync(w.A, "minutes.pdf", Bytes(500), _ct);
        using var deleted = await w.A.Http.DeleteAsync(w.Url($"/files/{id}"), _ct);

        await Eventually.TrueAsync(() => heard.Count >= 2, _ct, because: "both pushes");
        var pushes = heard.ToList();
        Assert.Equal(("file.added", id, "minutes.pdf"), (pushes[0].Kind, pushes[0].Payload.GetProperty("id").GetGuid(),
            pushes[0].Payload.GetProperty("name").GetString()));
        Assert.Equal(("file.deleted", id), (pushes[1].Kind, pushes[1].Payload.GetProperty("id").GetGuid()));
    }
}
