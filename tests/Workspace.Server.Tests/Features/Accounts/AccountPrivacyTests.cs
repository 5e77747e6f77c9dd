using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Server.Tests.Infrastructure;

namespace Workspace.Server.Tests.Features.Accounts;

/// <summary>Neither sign-up nor sign-in tells whether an address has an account: not by answer, nor by time.</summary>
public sealed class AccountPrivacyTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task SigningUpWithATakenAddressGetsTheSameAnswerAndDoesNotTakeTheAccount()
    {
        var owner = await factory.SignUpAsync("Taken Address", ct: _ct);
        var fresh = $"fresh.{Guid.NewGuid():N}@example.org";
        var stranger = await factory.AnonymousClientAsync(_ct);

        const string password = "Kapal-layar-biru-2029";
        var forTaken = await stranger.PostAsJsonAsync("/api/account/signup",
            new { email = owner.Email, password, displayName = "Intruder", organisation = "X" }, _ct);
        var forFresh = await stranger.PostAsJsonAsync("/api/account/signup",
            new { email = fresh, password, displayName = "Intruder", organisation = "X" }, _ct);

        Assert.Equal(HttpStatusCode.Accepted, forTaken.StatusCode);
        Assert.Equal(forFresh.StatusCode, forTaken.StatusCode);
        Assert.Equal(await forFresh.Content.ReadAsStringAsync(_ct), await forTaken.Content.ReadAsStringAsync(_ct));
        Assert.Equal(WorkspaceFactory.CookiesOf(forFresh).Contains("workspace.auth", StringComparison.Ordinal),
            WorkspaceFactory.CookiesOf(forTaken).Contains("workspace.auth", StringComparison.Ordinal));
        // The owner's password still works, the intruder's does not.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(owner.Email, TestUser.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(owner.Email, "Kapal-layar-biru-2029")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(fresh, "Kapal-layar-biru-2029")).StatusCode);
    }

    [Fact]
    public async Task AWeakPasswordIsRefusedAlikeForATakenAndAFreshAddress()
    {
        var owner = await factory.SignUpAsync("Weak Probe", ct: _ct);
        var stranger = await factory.AnonymousClientAsync(_ct);

        var forTaken = await stranger.PostAsJsonAsync("/api/account/signup",
            new { email = owner.Email, password = "password123", displayName = "Probe" }, _ct);
        var fresh = $"weak.{Guid.NewGuid():N}@example.org";
        var forFresh = await stranger.PostAsJsonAsync("/api/account/signup",
            new { email = fresh, password = "password123", displayName = "Probe" }, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, forTaken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forFresh.StatusCode);
        Assert.Equal(await Essence(forFresh), await Essence(forTaken));
    }

    [Fact]
    public async Task AnUnknownAddressAndAWrongPasswordGetTheSameAnswer()
    {
        var owner = await factory.SignUpAsync("Same Answer", ct: _ct);

        var unknown = await SignInAsync($"nobody.{Guid.NewGuid():N}@example.org", "Wrong-but-long-2030");
        var wrong = await SignInAsync(owner.Email, "Wrong-but-long-2030");

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(await Essence(wrong), await Essence(unknown));
    }

    /// <summary>
    /// Alternating unknown-address and wrong-password sign-ins, so both see the same load on a busy machine; their
    /// medians must be within a factor of three (a wrong password costs a password hash: ~40-80 ms; without the
    /// stand-in hash an unknown address answered in ~2 ms, a factor of 30 or more; three, not two, leaves room for a
    /// machine whose load changes between the two kinds of sign-in).
    /// </summary>
    [Fact]
    public async Task SigningInToAnUnknownAddressTakesAsLongAsAWrongPassword()
    {
        // The product's own hashing cost: what the stand-in hash has to match.
        await using var server = new WorkspaceFactory { PasswordHashIterations = null }
            .With("Accounts:SignInThrottle:FreeFailures", "1000");
        var owner = await server.SignUpAsync("Timing Owner", ct: _ct);
        var client = await server.AnonymousClientAsync(_ct);
        await client.PostAsJsonAsync("/api/account/signin", new { email = "warm.up@example.org", password = "x" }, _ct);
        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var i = 0; i < 15; i++)
        {
            unknown.Add(await TimeAsync(client, $"nobody{i}.{Guid.NewGuid():N}@example.org"));
            wrong.Add(await TimeAsync(client, owner.Email));
        }

        var ratio = Median(unknown) / Median(wrong);
        Assert.True(ratio is > 1 / 3.0 and < 3.0,
            $"unknown address: median {Median(unknown):F1} ms, wrong password: median {Median(wrong):F1} ms");
    }

    private async Task<double> TimeAsync(HttpClient client, string email)
    {
        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("/api/account/signin",
            new { email, password = "Wrong-but-long-2030" }, _ct);
        watch.Stop();
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var anonymous = await factory.AnonymousClientAsync(_ct);
        return await anonymous.PostAsJsonAsync("/api/account/signin", new { email, password }, _ct);
    }

    /// <summary>The answer without what differs in every response (the trace id).</summary>
    private async Task<string> Essence(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(_ct);
        var body = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(text)!;
        body.Remove("traceId");
        return JsonSerializer.Serialize(body.OrderBy(p => p.Key).ToDictionary());
    }
}
