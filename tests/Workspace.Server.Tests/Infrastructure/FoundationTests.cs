using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Workspace.Server.Tests.Infrastructure;

public sealed class FoundationTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task HealthReportsSiloDatabaseAndHubUp()
    {
        var response = await factory.CreateClient().GetAsync("/health", _ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(_ct);
        Assert.Equal("healthy", body!["status"].ToString());
        Assert.Equal("True", body["silo"].ToString(), ignoreCase: true);
        Assert.Equal("True", body["database"].ToString(), ignoreCase: true);
    }

    [Fact]
    public async Task HomePageIsServedWithTheBundle()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/", _ct);
        var entry = System.Text.RegularExpressions.Regex.Match(html, "src=\"(/dist/app-[A-Z0-9]{8}\\.js)\"");
        Assert.True(entry.Success, html);
        var bundle = await client.GetAsync(entry.Groups[1].Value, _ct);

        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.True((await bundle.Content.ReadAsByteArrayAsync(_ct)).Length > 1000);
    }

    [Fact]
    public async Task UnknownApiPathIs404NotTheAppShell()
    {
        var response = await factory.CreateClient().GetAsync("/api/no-such-thing", _ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task LiveHubAcceptsSignedInUsersOnly()
    {
        var user = await factory.SignUpAsync("Hub User", ct: _ct);
        await using var signedIn = factory.Hub(user, "/hubs/live");
        await signedIn.StartAsync(_ct);
        Assert.Equal(user.Email, await signedIn.InvokeAsync<string>("WhoAmI", _ct));

        await using var anonymous = new HubConnectionBuilder()
            .WithUrl(
                new Uri(factory.Server.BaseAddress, "/hubs/live"),
                o => o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler())
            .Build();
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => anonymous.StartAsync(_ct));
    }
}
