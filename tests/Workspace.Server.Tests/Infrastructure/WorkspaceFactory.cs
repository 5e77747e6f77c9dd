using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Workspace.Server.Tests.Infrastructure;

/// <summary>
/// The real server (Orleans silo on its own free port, SQLite file of its own) in a test host.
/// </summary>
public class WorkspaceFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new();

    public WorkspaceFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "workspace-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        _settings["Database:DataDirectory"] = DataDirectory;
        _settings["Orleans:SiloPort"] = FreeTcpPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _settings["Orleans:GatewayPort"] = "0";
        // Every test shares one client address; the rate-limit tests set their own low limits.
        _settings["RateLimits:AuthPermitLimit"] = "100000";
        _settings["RateLimits:InvitationPermitLimit"] = "100000";
        _settings["RateLimits:HubMessagesPerSecond"] = "100000";
    }

    public string DataDirectory { get; }

    /// <summary>Set before the host starts.</summary>
    public WorkspaceFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    private readonly List<Action<IServiceCollection>> _services = [];

    /// <summary>
    /// Adds to the server's services (set before the host starts), e.g. a grain call filter that slows one message
    /// down.
    /// </summary>
    public WorkspaceFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>
    /// The server's clock. Only a test that owns its factory should move it (Orleans and cookies read
    /// it too); everything else sees real time.
    /// </summary>
    public TestClock Clock { get; } = new();

    /// <summary>
    /// PBKDF2 rounds of this server's password hashes (set before the host starts). ASP.NET Identity's default,
    /// which the product keeps, is 100,000: ~0.1 s of CPU per hash on the CI machine, and every sign-up hashes once
    /// and signs in once, so the test runs spent minutes of their two cores on it. Tests keep the same hasher and
    /// hash format with fewer rounds; null keeps the product's default (the test that times sign-ins needs it).
    /// </summary>
    public int? PasswordHashIterations { get; set; } = 1_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (PasswordHashIterations is { } iterations)
            {
                services.Configure<PasswordHasherOptions>(o => o.IterationCount = iterations);
            }
            _services.ForEach(configure => configure(services));
        });
    }

    /// <summary>
    /// Signs a new person up and returns their HTTP client (sending their auth and antiforgery cookies and token) and
    /// account.
    /// </summary>
    public async Task<TestUser> SignUpAsync(
        string name,
        string organisation = "Org",
        string? email = null,
        CancellationToken ct = default)
    {
        email ??= $"{name.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid():N}@example.org";
        var anonymous = await AnonymousClientAsync(ct);
        var signUp = await anonymous.PostAsJsonAsync(
            "/api/account/signup",
            new { email, password = TestUser.Password, displayName = name, organisation },
            ct);
        signUp.EnsureSuccessStatusCode();
        // Sign-up answers alike whether or not the address had an account; signing in is what proves it is ours.
        var response = await anonymous.PostAsJsonAsync(
            "/api/account/signin",
            new { email, password = TestUser.Password },
            ct);
        response.EnsureSuccessStatusCode();
        var me = await response.Content.ReadFromJsonAsync<Me>(ct);
        var (http, cookie) = await ClientForAsync(CookiesOf(response), ct);
        return new TestUser(http, me!.Id, email, name, organisation, cookie);
    }

    /// <summary>
    /// A signed-out client that already holds an antiforgery cookie and token, as the SPA does before signing in.
    /// </summary>
    public async Task<HttpClient> AnonymousClientAsync(CancellationToken ct = default) =>
        (await ClientForAsync("", ct)).Http;

    /// <summary>
    /// A client sending <paramref name="authCookies"/> plus a fresh antiforgery cookie and token for that identity.
    /// </summary>
    public async Task<(HttpClient Http, string Cookie)> ClientForAsync(
        string authCookies,
        CancellationToken ct = default)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions {
            BaseAddress = ClientOptions.BaseAddress,
            HandleCookies = false,
            AllowAutoRedirect = false
        });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account/antiforgery");
        if (authCookies.Length > 0)
        {
            request.Headers.Add("Cookie", authCookies);
        }
        using var response = await http.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>(ct))!["token"];
        var cookie = string.Join("; ", new[] { authCookies, CookiesOf(response) }.Where(c => c.Length > 0));
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
        return (http, cookie);
    }

    /// <summary>
    /// For a client with its own cookie container (a real server process): fetches the antiforgery
    /// token for the current identity and sends it from now on. Call again after signing in.
    /// </summary>
    public static async Task UseAntiforgeryTokenAsync(HttpClient http, CancellationToken ct = default)
    {
        var token = (await http.GetFromJsonAsync<Dictionary<string, string>>("/api/account/antiforgery", ct))!["token"];
        http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
    }

    /// <summary>The name=value pairs of a response's Set-Cookie headers.</summary>
    public static string CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? string.Join(
            "; ",
            values.Select(c => c.Split(';')[0])) : "";

    /// <summary>A SignalR connection authenticated with the user's cookie, through the in-memory test server.</summary>
    public HubConnection Hub(TestUser user, string path)
    {
        var cookies = user.Cookie;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, path), o =>
            {
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                o.WebSocketFactory = async (ctx, ct) =>
                {
                    var client = Server.CreateWebSocketClient();
                    client.ConfigureRequest = r => r.Headers.Cookie = cookies;
                    return await client.ConnectAsync(ctx.Uri, ct);
                };
                o.Headers["Cookie"] = cookies;
            })
            .AddJsonProtocol(
                o => o.PayloadSerializerOptions.Converters.Add(
                    new System.Text.Json.Serialization.JsonStringEnumConverter()))
            .Build();
    }

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            ReleaseSqlitePool();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>
    /// Microsoft.Data.Sqlite keeps a pool per connection string, with a timer, until its idle connections age out
    /// (minutes); that timer's captured context reaches this whole server, so each stopped server stayed in memory
    /// that long. An emptied pool is released at Sqlite's next prune rounds (every 30 s).
    /// </summary>
    private void ReleaseSqlitePool()
    {
        var directory = _settings["Database:DataDirectory"] ?? DataDirectory;
        using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "workspace.db")}");
        SqliteConnection.ClearPool(connection);
    }

    public sealed record Me(string Id, string Email, string DisplayName, string Organisation);
}

/// <summary>A signed-in person: <see cref="Http"/> sends their auth cookie and antiforgery token.</summary>
public sealed record TestUser(HttpClient Http, string Id, string Email, string Name, string Organisation, string Cookie)
{
    public const string Password = "correct-horse-9";
}

/// <summary>Real time plus an offset the test can move forward.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() =>
        base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
