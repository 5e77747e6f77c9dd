using System.Net;
using System.Text.RegularExpressions;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>Every response carries a strict Content-Security-Policy and the usual protective headers.</summary>
public sealed partial class SecurityHeaderTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/p/6f1c4a55-0d8e-4a4e-9f53-2d1b8c1f3e11")]
    [InlineData("/dist/app.js")]
    [InlineData("/api/account/me")]
    [InlineData("/api/account/antiforgery")]
    [InlineData("/health")]
    [InlineData("/package.json")]
    [InlineData("/api/no-such-thing")]
    public async Task EveryResponseCarriesTheProtectiveHeaders(string path)
    {
        var response = await factory.CreateClient().GetAsync(path, _ct);

        var policy = Directives(Header(response, "Content-Security-Policy"));
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'self'", policy["script-src"]);
        Assert.StartsWith("'self'", policy["style-src"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy["style-src"], StringComparison.Ordinal);
        Assert.Equal("'self' data:", policy["img-src"]);
        Assert.StartsWith("'self' ws://", policy["connect-src"], StringComparison.Ordinal);
        Assert.Equal("'none'", policy["object-src"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ThePageHandsTheEditorTheNonceOfItsOwnResponseAndEachResponseHasAFreshOne()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/", _ct);
        var second = await client.GetAsync("/p/6f1c4a55-0d8e-4a4e-9f53-2d1b8c1f3e11/docs", _ct);

        var nonces = new List<string>();
        foreach (var response in new[] { first, second })
        {
            var nonce = MetaNonce().Match(await response.Content.ReadAsStringAsync(_ct)).Groups[1].Value;
            Assert.True(nonce.Length >= 16);
            var policy = Directives(Header(response, "Content-Security-Policy"));
            Assert.Equal($"'self' 'nonce-{nonce}'", policy["style-src"]);
            nonces.Add(nonce);
        }
        Assert.NotEqual(nonces[0], nonces[1]);
    }

    [Fact]
    public async Task HstsIsSentOverHttpsOnly()
    {
        var https = factory.CreateClient(new() { BaseAddress = new Uri("https://workspace.example.org/") });

        var response = await https.GetAsync("/", _ct);

        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("wss://workspace.example.org", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KestrelSendsNoServerHeader()
    {
        await using var kestrel = new WorkspaceFactory();
        var port = WorkspaceFactory.FreeTcpPort();
        kestrel.UseKestrel(port);
        kestrel.StartServer();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        var page = await http.GetAsync("/", _ct);
        var missing = await http.GetAsync("/src/main.js", _ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty(page.Headers.Server);
        Assert.Empty(missing.Headers.Server);
        Assert.Contains("frame-ancestors 'none'", Header(page, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing from {response.RequestMessage?.RequestUri}");

    private static Dictionary<string, string> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");

    [GeneratedRegex("<meta name=\"csp-nonce\" content=\"([^\"]+)\">")]
    private static partial Regex MetaNonce();
}
