using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Files;

/// <summary>Two organisations in one partnership: A's owner and B's editor.</summary>
internal sealed record FileWorld(WorkspaceFactory Factory, TestPartnership P, Guid PartyA, Guid PartyB, TestUser B)
{
    public TestUser A => P.Owner;

    public string Url(string path) => P.Url(path);

    public static async Task<FileWorld> CreateAsync(WorkspaceFactory factory, string name, CancellationToken ct)
    {
        var p = await TestPartnership.CreateAsync(factory, $"{name} A owner", $"{name} A", ct);
        var partyB = await p.Owner.AddPartyAsync(p.Id, $"{name} B", ct);
        var b = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, $"{name} B editor", partyB.Id, ct: ct);
        return new FileWorld(factory, p, p.OwnerPartyId, partyB.Id, b);
    }

    public Task<TestUser> JoinAsync(Guid party, PartnershipRole role, string name, CancellationToken ct) =>
        Factory.JoinAsync(A, P.Id, role, name, party, ct: ct);

    /// <summary>Random bytes (a seeded generator: each size gives other bytes than a neighbour's).</summary>
    public static byte[] Bytes(int size, int seed = 1)
    {
        var bytes = new byte[size];
        new Random(seed * 7919 + size).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Uploads as the browser does: the body is the file, name and type in the query.</summary>
    public Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(TestUser by, string name, byte[] bytes,
        CancellationToken ct, string type = "application/pdf", string? language = null, bool chunked = false) =>
        UploadAsync(by.Http, Url(""), name, bytes, ct, type, language, chunked);

    public static async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(HttpClient http, string baseUrl,
        string name, byte[] bytes, CancellationToken ct, string type = "application/pdf", string? language = null,
        bool chunked = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"{baseUrl}/files?name={Uri.EscapeDataString(name)}&type={Uri.EscapeDataString(type)}");
        // A stream of unknown length goes without Content-Length: only the server's own count can stop it.
        request.Content = chunked ? new StreamContent(new UnknownLengthStream(bytes)) : new ByteArrayContent(bytes);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public async Task<Guid> UploadOkAsync(TestUser by, string name, byte[] bytes, CancellationToken ct) =>
        (await CreatedAsync(UploadAsync(by, name, bytes, ct))).GetProperty("id").GetGuid();

    public async Task<JsonElement> ListAsync(TestUser by, CancellationToken ct) =>
        await OkAsync(by.Http.GetJsonAsync(Url("/files"), ct));

    public static async Task<JsonElement> CreatedAsync(Task<(HttpStatusCode Status, JsonElement Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status == HttpStatusCode.Created, $"{(int)status}: {body}");
        return body;
    }

    public static async Task<JsonElement> OkAsync(Task<(HttpStatusCode Status, JsonElement Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        return body;
    }

    public static string Code(JsonElement problem) => problem.TryGetProperty("errorCodes", out var codes)
        ? codes.EnumerateObject().First().Value[0].GetProperty("code").GetString()!
        : problem.GetProperty("code").GetString()!;

    /// <summary>Every file under a store's folder (the bytes kept, in place or half-written).</summary>
    public static string[] StoredFiles(string directory) => Directory.Exists(directory)
        ? Directory.GetFiles(directory, "*", SearchOption.AllDirectories) : [];
}

/// <summary>A readable stream that does not tell its length (so HttpClient sends it chunked).</summary>
internal sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
}
