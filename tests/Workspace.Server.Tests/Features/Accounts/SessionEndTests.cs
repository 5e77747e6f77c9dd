using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Features.Accounts;
using Workspace.Server.Tests.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Tests.Features.Accounts;

/// <summary>Signing out and changing the password end every session of the person: cookies and hubs.</summary>
public sealed class SessionEndTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACookieCopiedBeforeSignOutNoLongerWorksAfterIt()
    {
        var user = await factory.SignUpAsync("Copied Cookie", ct: _ct);
        var (copy, _) = await factory.ClientForAsync(user.Cookie, _ct);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/account/me", _ct)).StatusCode);

        var signOut = await user.Http.PostAsync("/api/account/signout", null, _ct);

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/account/me", _ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/partnerships", _ct)).StatusCode);
    }

    [Fact]
    public async Task AfterAPasswordChangeTheOtherDevicesCookieStopsWorkingAndThisOneGetsANewCookie()
    {
        var user = await factory.SignUpAsync("Two Devices", ct: _ct);
        var (laptop, _) = await SignInAsync(user.Email, TestUser.Password);

        var changed = await user.Http.PostAsJsonAsync("/api/account/password",
            new { currentPassword = TestUser.Password, newPassword = "Sawah-hijau-subur-2031" }, _ct);

        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.GetAsync("/api/account/me", _ct)).StatusCode);
        var (renewed, _) = await factory.ClientForAsync(WorkspaceFactory.CookiesOf(changed), _ct);
        Assert.Equal(HttpStatusCode.OK, (await renewed.GetAsync("/api/account/me", _ct)).StatusCode);
    }

    [Fact]
    public async Task AHubConnectionOfASignedOutSessionIsCutAndTheOldCookieCannotOpenAnother()
    {
        var user = await factory.SignUpAsync("Hub Session", ct: _ct);
        var (_, laptopCookie) = await SignInAsync(user.Email, TestUser.Password);
        var laptop = user with { Cookie = laptopCookie };
        await using var hub = factory.Hub(laptop, "/hubs/live");
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync(_ct);
        Assert.Equal(user.Email, await hub.InvokeAsync<string>("WhoAmI", _ct));

        await user.Http.PostAsync("/api/account/signout", null, _ct);

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), _ct);
        await Assert.ThrowsAnyAsync<Exception>(() => hub.InvokeAsync<string>("WhoAmI", _ct));
        await using var again = factory.Hub(laptop, "/hubs/live");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => again.StartAsync(_ct));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task ASessionEndedOnAnotherNodeCutsThisNodesIdleHubConnectionWithinSeconds()
    {
        var user = await factory.SignUpAsync("Other Node", ct: _ct);
        await using var hub = factory.Hub(user, "/hubs/partnership");
        var closed = new TaskCompletionSource();
        hub.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync(_ct);

        // Another node writes the new stamp to the shared database; this node is not told.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByIdAsync(user.Id))!);
        }

        await closed.Task.WaitAsync(SessionStamps.CacheFor + SessionSweep.Interval * 3, _ct);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.Http.GetAsync("/api/account/me", _ct)).StatusCode);
    }

    private async Task<(HttpClient Http, string Cookie)> SignInAsync(string email, string password)
    {
        var anonymous = await factory.AnonymousClientAsync(_ct);
        var response = await anonymous.PostAsJsonAsync("/api/account/signin", new { email, password }, _ct);
        response.EnsureSuccessStatusCode();
        return await factory.ClientForAsync(WorkspaceFactory.CookiesOf(response), _ct);
    }
}
