using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
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
    }

    public string DataDirectory { get; }

    /// <summary>Set before the host starts.</summary>
    public WorkspaceFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Signs a new person up and returns their HTTP client (sending their auth cookie) and account.</summary>
    public async Task<TestUser> SignUpAsync(string name, string organisation = "Org", CancellationToken ct = default)
    {
        var http = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var email = $"{name.ToLowerInvariant().Replace(' ', '.')}.{Guid.NewGuid():N}@example.org";
        var response = await http.PostAsJsonAsync("/api/account/signup", new { email, password = "correct-horse-9", displayName = name, organisation }, ct);
        response.EnsureSuccessStatusCode();
        var me = await response.Content.ReadFromJsonAsync<Me>(ct);
        var cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return new TestUser(http, me!.Id, email, name, organisation, cookie);
    }

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
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()))
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

    public sealed record Me(string Id, string Email, string DisplayName, string Organisation);
}

/// <summary>A signed-in person: <see cref="Http"/> sends their auth cookie.</summary>
public sealed record TestUser(HttpClient Http, string Id, string Email, string Name, string Organisation, string Cookie);
