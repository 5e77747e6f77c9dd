using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>A rate-limited connection is slowed down, never made to lose an edit.</summary>
public sealed class RateLimitedEditingTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerRateLimitRefusalIsTheOneClientsRetryOn()
    {
        await using var factory = new WorkspaceFactory().With("RateLimits:HubMessagesPerSecond", "1");
        var owner = await factory.SignUpAsync("Quick Tapper", ct: _ct);
        var (_, docId) = await CreateDocumentAsync(owner, _ct);
        await using var hub = factory.Hub(owner, DocumentHubNames.Path);
        await hub.StartAsync(_ct);

        var calls = Enumerable.Range(0, 5)
            .Select(_ => hub.InvokeAsync<DocumentState>("CatchUp", docId, 0L, _ct))
            .ToArray();
        var refused = await Assert.ThrowsAsync<HubException>(() => Task.WhenAll(calls));

        Assert.True(HubRefusals.IsSlowDown(refused), refused.Message);
        Assert.False(HubRefusals.IsRefusal(refused));
    }

    [Fact]
    public async Task EditsRefusedByTheRateLimitAreSentAgainAndAllLand()
    {
        await using var factory = new WorkspaceFactory().With("RateLimits:HubMessagesPerSecond", "4");
        var owner = await factory.SignUpAsync("Fast Typist", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        var refused = 0;
        session.Rejected += _ => Interlocked.Increment(ref refused);

        const int Keystrokes = 40;
        for (var i = 0; i < Keystrokes; i++)
        {
            session.Insert(session.Length, ((char)('a' + (i % 26))).ToString());
            await Task.Delay(5, _ct);
        }
        await session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(60), _ct);

        var text = await ServerTextAsync(owner, pid, docId, _ct);
        Assert.Equal(Keystrokes, text.Length);
        Assert.Equal(session.Text, text);
        Assert.Equal(0, refused);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task TwoRateLimitedEditorsTypingTogetherConvergeWithNothingLost()
    {
        await using var factory = new WorkspaceFactory().With("RateLimits:HubMessagesPerSecond", "5");
        var owner = await factory.SignUpAsync("Duet", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var a = await OpenAsync(factory, owner, docId, _ct);
        var b = await OpenAsync(factory, owner, docId, _ct);
        var refused = 0;
        a.Session.Rejected += _ => Interlocked.Increment(ref refused);
        b.Session.Rejected += _ => Interlocked.Increment(ref refused);

        for (var i = 0; i < 30; i++)
        {
            a.Session.Edit(text => TextOperation.Insert(0, "a"));
            b.Session.Edit(text => TextOperation.Insert(TextType.CodePointLength(text), "b"));
            await Task.Delay(3, _ct);
        }
        await a.Session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(90), _ct);
        await b.Session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(90), _ct);

        var server = await ServerTextAsync(owner, pid, docId, _ct);
        await EventuallyAsync(
            () => a.Session.Text == server && b.Session.Text == server,
            TimeSpan.FromSeconds(30),
            "both editors show the server text",
            _ct);
        Assert.Equal(30, server.Count(c => c == 'a'));
        Assert.Equal(30, server.Count(c => c == 'b'));
        Assert.Equal(0, refused);
        await a.Connection.DisposeAsync();
        await b.Connection.DisposeAsync();
    }
}
