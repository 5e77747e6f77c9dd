using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// The biggest edit the document limits allow must also fit through the hub's message limit; a larger one is refused
/// by the server, and the .NET client sends it in parts the server accepts.
/// </summary>
public sealed class LargeEditTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task APasteOfTheLargestAllowedSizeLands()
    {
        var owner = await factory.SignUpAsync("Paster", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        var rejected = new List<string>();
        session.Rejected += m => rejected.Add(m);

        // 100 000 code points (the default MaxOperationLength), astral ones: about 400 kB of UTF-8 JSON.
        var paste = string.Concat(Enumerable.Repeat("😀", 100_000));
        session.Insert(0, paste);
        await session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(30), _ct);

        Assert.True(rejected.Count == 0, string.Join(" | ", rejected));
        Assert.Equal(paste, await ServerTextAsync(owner, pid, docId, _ct));
        Assert.Equal(1, session.Revision);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task AnOperationOverTheLimitIsRefusedWithAClearMessageAndChangesNothing()
    {
        var owner = await factory.SignUpAsync("Big Paster", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        await using var hub = await OpenHubAsync(factory, owner, docId, _ct);

        var tooLarge = SubmitRequest.Of(docId, "big-paster", 1, 0, TextOperation.Insert(0, new string('x', 100_001)));
        var refusal = await Assert.ThrowsAsync<HubException>(
            () => hub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit, tooLarge, _ct));

        Assert.Contains("at most 100000", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("", await ServerTextAsync(owner, pid, docId, _ct));
    }

    // The client once sent its buffer as one op: a paste over the limit was refused whole and dropped.
    [Fact]
    public async Task APasteOfTwiceTheLimitAndMoreLandsInPartsAndDeletingItAllDoesToo()
    {
        var owner = await factory.SignUpAsync("Report Paster", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        var (otherConnection, other) = await OpenAsync(factory, owner, docId, _ct);
        var rejected = new List<string>();
        session.Rejected += m => rejected.Add(m);

        // 220,000 code points (44 a line).
        var paste = string.Concat(Enumerable.Repeat("Section 1. The cooperative delivers rice 🌾.\n", 5_000));
        session.Insert(0, paste);
        await session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(60), _ct);

        Assert.True(rejected.Count == 0, string.Join(" | ", rejected));
        Assert.Equal(paste, await ServerTextAsync(owner, pid, docId, _ct));
        Assert.Equal(3, session.Revision); // 100,000 + 100,000 + 20,000 code points
        await EventuallyAsync(() => other.Text == paste, TimeSpan.FromSeconds(20), "the other client has it", _ct);

        session.Delete(0, session.Length);
        await session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(60), _ct);
        Assert.True(rejected.Count == 0, string.Join(" | ", rejected));
        Assert.Equal("", await ServerTextAsync(owner, pid, docId, _ct));
        Assert.Equal(6, session.Revision);
        await EventuallyAsync(() => other.Text.Length == 0, TimeSpan.FromSeconds(20), "the other client is empty", _ct);
        await otherConnection.DisposeAsync();
        await connection.DisposeAsync();
    }

    // A deployment's own limits reach the clients: the open answer names them, and the client cuts by them.
    [Fact]
    public async Task TheOpenAnswerNamesTheConfiguredLimitsAndTheClientCutsByThem()
    {
        await using var small = new WorkspaceFactory()
            .With("Documents:MaxOperationLength", "50")
            .With("Documents:MaxOperationComponents", "20")
            .With("Documents:MaxDocumentLength", "1000");
        var owner = await small.SignUpAsync("Small Limits", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        await using var hub = await OpenHubAsync(small, owner, docId, _ct);
        var state = await hub.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, docId, null, _ct);
        Assert.Equal(new EditLimits(50, 20, 1000), state.Limits);

        var (connection, session) = await OpenAsync(small, owner, docId, _ct);
        var text = string.Concat(Enumerable.Range(0, 40).Select(i => $"line {i:D2}\n")); // 320 code points
        session.Insert(0, text);
        await session.WaitSyncedAsync(_ct).WaitAsync(TimeSpan.FromSeconds(30), _ct);
        Assert.Equal(text, await ServerTextAsync(owner, pid, docId, _ct));
        Assert.Equal(7, session.Revision); // six parts of 50 and one of 20
        await connection.DisposeAsync();
    }
}
