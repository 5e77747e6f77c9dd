using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Accounts;

public sealed class AccountSecurityTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangingThePasswordNeedsTheCurrentOneAndThenOnlyTheNewOneSignsIn()
    {
        var user = await factory.SignUpAsync("Pat Password", ct: _ct);

        var wrong = await user.Http.PostAsJsonAsync(
            "/api/account/password",
            new { currentPassword = "not-it-123", newPassword = "brand-new-42" },
            _ct);
        var tooShort = await user.Http.PostAsJsonAsync(
            "/api/account/password",
            new { currentPassword = TestUser.Password, newPassword = "short" },
            _ct);
        var ok = await user.Http.PostAsJsonAsync(
            "/api/account/password",
            new { currentPassword = TestUser.Password, newPassword = "brand-new-42" },
            _ct);

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains(
            "current password is not right",
            await wrong.Content.ReadAsStringAsync(_ct),
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var anonymous = await factory.AnonymousClientAsync(_ct);
        Assert.Equal(
            HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync(
                "/api/account/signin",
                new { email = user.Email, password = TestUser.Password },
                _ct))
                .StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await anonymous.PostAsJsonAsync(
                "/api/account/signin",
                new { email = user.Email, password = "brand-new-42" },
                _ct))
                .StatusCode);
    }

    [Fact]
    public async Task UnsafeRequestsWithoutAValidAntiforgeryTokenAreRefused()
    {
        var user = await factory.SignUpAsync("Csrf Target", ct: _ct);
        var noToken = factory.CreateClient(new() { HandleCookies = false });
        noToken.DefaultRequestHeaders.Add("Cookie", user.Cookie);
        var wrongToken = factory.CreateClient(new() { HandleCookies = false });
        wrongToken.DefaultRequestHeaders.Add("Cookie", user.Cookie);
        wrongToken.DefaultRequestHeaders.Add("X-CSRF-TOKEN", "forged");

        var created = await noToken.PostAsJsonAsync(
            "/api/partnerships",
            new { name = "Forged", organisation = "Evil" },
            _ct);
        var forged = await wrongToken.PostAsJsonAsync(
            "/api/partnerships",
            new { name = "Forged", organisation = "Evil" },
            _ct);
        var signIn = await factory.CreateClient()
            .PostAsJsonAsync("/api/account/signin", new { email = user.Email, password = TestUser.Password }, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.Contains("antiforgery", await created.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Empty(await noToken.GetFromJsonAsync<object[]>("/api/partnerships", _ct) ?? []);
        // Reads need no token.
        Assert.Equal(HttpStatusCode.OK, (await noToken.GetAsync("/api/account/me", _ct)).StatusCode);
    }

    [Fact]
    public async Task OpenIdConnectIsRegisteredOnlyWhenConfigured()
    {
        await using var configured = new WorkspaceFactory()
            .With("Authentication:OpenIdConnect:Authority", "https://login.example.org/realms/partners")
            .With("Authentication:OpenIdConnect:ClientId", "workspace")
            .With("Authentication:OpenIdConnect:DisplayName", "Partner login");
        _ = configured.Server;
        var schemes = configured.Services.GetRequiredService<IAuthenticationSchemeProvider>();
        var defaultSchemes = factory.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        var oidc = await schemes.GetSchemeAsync("oidc");
        Assert.NotNull(oidc);
        Assert.Equal("Partner login", oidc.DisplayName);
        Assert.Null(await defaultSchemes.GetSchemeAsync("oidc"));
        var providers = await configured.CreateClient().GetFromJsonAsync<ProviderDto[]>("/api/account/providers", _ct);
        Assert.Equal("Partner login", Assert.Single(providers!).DisplayName);
        Assert.Empty(await factory.CreateClient().GetFromJsonAsync<ProviderDto[]>("/api/account/providers", _ct) ?? []);
    }

    [Fact]
    public async Task SignInAndInvitationsAreRateLimitedAndHubMessagesPerConnection()
    {
        await using var strict = new WorkspaceFactory()
            .With("RateLimits:AuthPermitLimit", "5")
            .With("RateLimits:InvitationPermitLimit", "3")
            .With("RateLimits:HubMessagesPerSecond", "5");
        var owner = await strict.SignUpAsync("Limited", ct: _ct);
        var p = await owner.CreatePartnershipAsync("Limited", _ct);

        var anonymous = await strict.AnonymousClientAsync(_ct);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await anonymous.PostAsJsonAsync(
                "/api/account/signin",
                new { email = owner.Email, password = "wrong-password-1" },
                _ct)).StatusCode);
        }
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        var invites = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            invites.Add((await owner.InviteAsync(
                p.Id,
                p.Parties[0].Id,
                $"n{i}@example.org",
                PartnershipRole.Viewer,
                ct: _ct)).StatusCode);
        }
        Assert.Equal(
            [HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests],
            invites);

        await using var hub = strict.Hub(owner, "/hubs/partnership");
        await hub.StartAsync(_ct);
        var calls = Enumerable.Range(0, 20)
            .Select(_ => hub.InvokeAsync<PartnershipView>("JoinPartnership", p.Id, _ct))
            .ToArray();
        var outcomes = await Task.WhenAll(
            calls.Select(async c => { try { await c; return "ok"; } catch (HubException e) { return e.Message; } }));

        Assert.Contains("ok", outcomes);
        Assert.Contains(outcomes, o => o.Contains("Too many messages", StringComparison.Ordinal));
        await Task.Delay(1100, _ct);
        Assert.Equal(p.Id, (await hub.InvokeAsync<PartnershipView>("JoinPartnership", p.Id, _ct)).Id);
    }

    private sealed record ProviderDto(string Scheme, string DisplayName, string StartUrl);
}
