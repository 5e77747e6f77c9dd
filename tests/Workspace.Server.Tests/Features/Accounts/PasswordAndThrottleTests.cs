using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Server.Tests.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Tests.Features.Accounts;

/// <summary>Weak passwords are refused; failed sign-ins slow down one (account, address) pair only.</summary>
public sealed class PasswordAndThrottleTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("short-9x", "passwordTooShort")]
    [InlineData("password1234", "passwordTooWeak")]
    [InlineData("qwertyuiop12", "passwordTooWeak")]
    [InlineData("iloveyou2024", "passwordTooWeak")]
    [InlineData("aaaaaaaaaaaaaaaa", "passwordTooWeak")]
    [InlineData("1234567890", "passwordTooWeak")]
    [InlineData("Password2024!", "passwordTooWeak")]
    [InlineData("budi.santoso.koperasi", "passwordTooWeak")]
    public async Task WeakOrShortPasswordsAreRefusedAtSignUpAndPasswordChange(string password, string code)
    {
        var anonymous = await factory.AnonymousClientAsync(_ct);
        var email = $"budi.santoso.{Guid.NewGuid():N}@koperasi.example.org";
        var signUp = await anonymous.PostAsJsonAsync("/api/account/signup",
            new { email, password, displayName = "Budi Santoso", organisation = "Koperasi" }, _ct);
        var user = await factory.SignUpAsync("Budi Santoso", "Koperasi", ct: _ct);
        var change = await user.Http.PostAsJsonAsync("/api/account/password",
            new { currentPassword = TestUser.Password, newPassword = password }, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, signUp.StatusCode);
        Assert.Contains($"\"code\":\"{code}\"", await signUp.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        var signIn = await anonymous.PostAsJsonAsync("/api/account/signin", new { email, password }, _ct);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.Contains($"\"code\":\"{code}\"", await change.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.PostAsJsonAsync("/api/account/signin",
            new { email = user.Email, password = TestUser.Password }, _ct)).StatusCode);
    }

    [Fact]
    public async Task AStrangerGuessingFromAnotherAddressCannotLockThePersonOut()
    {
        await using var server = new WorkspaceFactory()
            .With("Accounts:SignInThrottle:FreeFailures", "3")
            .With("Accounts:SignInThrottle:FirstDelay", "00:00:30")
            .WithServices(s => s.AddSingleton<IStartupFilter>(new ClientAddressFromHeader()));
        var victim = await server.SignUpAsync("Known Person", ct: _ct);
        var client = await server.AnonymousClientAsync(_ct);

        var guesses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            guesses.Add(await SignInAsync(client, victim.Email, $"Guess-number-{i}-abc", "203.0.113.9"));
        }
        // While it waits, the stranger's address cannot even try the right password.
        var rightFromStranger = await SignInAsync(client, victim.Email, TestUser.Password, "203.0.113.9");
        var fromHome = await SignInAsync(client, victim.Email, TestUser.Password, "198.51.100.7");
        var unknownAddress = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            unknownAddress.Add(await SignInAsync(client, "nobody@example.org", "Guess-number-x-abc", "203.0.113.9"));
        }

        const HttpStatusCode no = HttpStatusCode.Unauthorized, wait = HttpStatusCode.TooManyRequests;
        Assert.Equal([no, no, no, wait, wait], guesses);
        Assert.Equal(HttpStatusCode.TooManyRequests, rightFromStranger);
        Assert.Equal(HttpStatusCode.OK, fromHome);
        // An address without an account is slowed down the same way, so waiting tells nothing.
        Assert.Equal([no, no, no, wait], unknownAddress);
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<WorkspaceUser>>();
            var account = await users.FindByIdAsync(victim.Id);
            Assert.Null(account!.LockoutEnd);
        }
        server.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(client, victim.Email, TestUser.Password, "203.0.113.9"));
    }

    private async Task<HttpStatusCode> SignInAsync(HttpClient client, string email, string password, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/signin")
        {
            Content = JsonContent.Create(new { email, password }),
        };
        request.Headers.Add(ClientAddressFromHeader.Header, address);
        return (await client.SendAsync(request, _ct)).StatusCode;
    }

    /// <summary>Lets a test speak from several client addresses through the in-memory test server.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, nextMiddleware) =>
            {
                if (http.Request.Headers.TryGetValue(Header, out var address))
                {
                    http.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                return nextMiddleware(http);
            });
            next(app);
        };
    }
}
