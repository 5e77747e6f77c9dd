using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>
/// The front end travels light: files named by their content's hash are kept by browsers for a year and sent as
/// Brotli or gzip when accepted (made at build time), index.html is revalidated on every visit, and what the server
/// writes as it answers (API JSON, index.html) is compressed too.
/// </summary>
public sealed partial class AssetDeliveryTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("identity", null)]
    [InlineData(null, null)]
    public async Task HashedFilesAreImmutableAndCompressedWhenAccepted(string? accept, string? expected)
    {
        var client = factory.CreateClient();
        var page = await client.GetStringAsync("/", _ct);
        var files = HashedReference().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains(files, f => f.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".css", StringComparison.Ordinal));

        var compressed = 0;
        foreach (var file in files)
        {
            var plain = await File.ReadAllBytesAsync(Path.Combine(FrontEnd(), file.TrimStart('/')), _ct);
            // The build leaves out a twin that would not be smaller (a chunk of a few bytes).
            var twin = expected is null ? null : Path.Combine(FrontEnd(), file.TrimStart('/') + Suffix(expected));
            var encoding = twin is not null && File.Exists(twin) ? expected : null;
            using var request = new HttpRequestMessage(HttpMethod.Get, file);
            if (accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
            }
            var response = await client.SendAsync(request, _ct);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            // Without a twin the server may still compress as it answers (a few bytes either way).
            var sent = response.Content.Headers.ContentEncoding.SingleOrDefault();
            Assert.True(sent == encoding || (encoding is null && sent == expected), $"{file}: sent as {sent}");
            Assert.StartsWith(file.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/css",
                response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
            var body = await response.Content.ReadAsByteArrayAsync(_ct);
            Assert.Equal(plain, Decode(body, sent));
            if (encoding is not null)
            {
                compressed++;
                Assert.True(body.Length < plain.Length, $"{file}: {body.Length} of {plain.Length} bytes");
            }
        }
        // The entry script and the stylesheet are large enough that every build compresses them.
        Assert.True(expected is null || compressed >= 2, $"only {compressed} compressed files");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/p/6f1c4a55-0d8e-4a4e-9f53-2d1b8c1f3e11")]
    public async Task IndexIsRevalidatedAndNamesTheHashedEntryWithItsNonce(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        var response = await factory.CreateClient().SendAsync(request, _ct);

        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(["br"], response.Content.Headers.ContentEncoding);
        var page = System.Text.Encoding.UTF8.GetString(Decode(await response.Content.ReadAsByteArrayAsync(_ct), "br"));
        Assert.Matches("<script type=\"module\" src=\"/dist/app-[A-Z0-9]{8}\\.js\"></script>", page);
        Assert.Matches("<link rel=\"stylesheet\" href=\"/dist/app-[A-Z0-9]{8}\\.css\">", page);
        Assert.DoesNotContain("__CSP_NONCE__", page, StringComparison.Ordinal);
        Assert.Matches("<meta name=\"csp-nonce\" content=\"[A-Za-z0-9+/=]{16,}\">", page);
    }

    [Fact]
    public async Task ApiAnswersAreCompressedButNotTheAntiforgeryToken()
    {
        var client = factory.CreateClient();
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/account/me");
        me.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        using var token = new HttpRequestMessage(HttpMethod.Get, "/api/account/antiforgery");
        token.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip, br");

        var problem = await client.SendAsync(me, _ct);
        var secret = await client.SendAsync(token, _ct);

        Assert.Equal(HttpStatusCode.Unauthorized, problem.StatusCode);
        Assert.Equal(["br"], problem.Content.Headers.ContentEncoding);
        var json = System.Text.Encoding.UTF8.GetString(Decode(await problem.Content.ReadAsByteArrayAsync(_ct), "br"));
        Assert.Contains("\"status\":401", json, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, secret.StatusCode);
        Assert.Empty(secret.Content.Headers.ContentEncoding);
        Assert.Contains("\"token\"", await secret.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
    }

    private static byte[] Decode(byte[] body, string? encoding)
    {
        if (encoding is null)
        {
            return body;
        }
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    private static string Suffix(string encoding) => encoding == "br" ? ".br" : ".gz";

    private static string FrontEnd()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workspace.sln")))
            {
                return Path.Combine(dir.FullName, "wwwroot");
            }
        }
        throw new InvalidOperationException("No checkout above the test binaries.");
    }

    /// <summary>Every script, preload and stylesheet index.html names: /dist/…-HASH.js or .css.</summary>
    [GeneratedRegex("(?:src|href)=\"(/dist/[A-Za-z0-9/_-]+-[A-Z0-9]{8}\\.(?:js|css))\"")]
    private static partial Regex HashedReference();
}
