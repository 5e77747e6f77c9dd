using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Ot;
using Workspace.Server.Features.Health;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Health;

/// <summary>
/// A client that knows a revision the server does not have raises the integrity alarm until it is acknowledged.
/// </summary>
public sealed class ClientAheadTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientKnowingARevisionTheServerLacksMakesHealth503UntilAcknowledged()
    {
        await using var factory = new WorkspaceFactory();
        var owner = await factory.SignUpAsync("Ahead", ct: _ct);
        var (_, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        for (var i = 0; i < 3; i++)
        {
            session.Insert(session.Length, $"line {i}\n");
            await SyncedAsync(session, _ct);
        }
        var health = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("/health", _ct)).StatusCode);

        await using var other = factory.Hub(owner, DocumentHubNames.Path);
        await other.StartAsync(_ct);
        var state = await other.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, docId, 40L, _ct);
        Assert.Equal(3, state.Revision);
        Assert.Equal(session.ConfirmedText, state.Text); // the server's text, for the client to set beside its own

        var response = await health.GetAsync("/health", _ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<HealthReport>(_ct);
        Assert.Contains(report!.Integrity, r => r.Contains(
            $"knew revision 40 of document {docId}",
            StringComparison.Ordinal)
            && r.Contains(owner.Id, StringComparison.Ordinal));

        Assert.NotEmpty(IntegrityAlarm.Acknowledge(factory.DataDirectory));
        Assert.Equal(HttpStatusCode.OK, (await health.GetAsync("/health", _ct)).StatusCode);

        // An edit based on a revision the server lacks is refused for resync, and raises the alarm as well.
        var submit = SubmitRequest.Of(docId, "ahead-client", 1, 41, TextOperation.Insert(0, "x"));
        var error = await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            submit,
            _ct));
        Assert.Equal(ErrorCodes.Resync, HubError.From(error)?.Code);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await health.GetAsync("/health", _ct)).StatusCode);
        await connection.DisposeAsync();
    }
}
