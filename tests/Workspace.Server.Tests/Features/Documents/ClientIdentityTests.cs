using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// A client id belongs to the person who first used it in a document; nobody else can submit under it.
/// </summary>
public sealed class ClientIdentityTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnotherPersonsClientIdIsRefusedAndTheirLaterEditsStillLand()
    {
        var (ana, pid, docId, budi) = await DocumentWithMemberAsync(
            factory,
            "Ana",
            PartnershipRole.Editor,
            "Budi",
            _ct);
        var (anaConnection, anaSession) = await OpenAsync(factory, ana, docId, _ct);
        await using var budiHub = factory.Hub(budi, DocumentHubNames.Path);
        var broadcast = new List<AppliedOperation>();
        budiHub.On<AppliedOperation>(
            DocumentHubNames.OperationApplied,
            op => { lock (broadcast) { broadcast.Add(op); } });
        await budiHub.StartAsync(_ct);
        await budiHub.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, docId, null, _ct);

        anaSession.Insert(0, "Ana 1. ");
        await SyncedAsync(anaSession, _ct);
        await EventuallyAsync(
            () => { lock (broadcast) { return broadcast.Count > 0; } },
            TimeSpan.FromSeconds(30),
            "Budi sees Ana's edit",
            _ct);
        var anaClientId = broadcast[0].ClientId; // what every co-editor learns from the broadcast
        // Budi tries to make Ana's next edits look like duplicates: a far sequence number, and her very next one.
        var far = await Assert.ThrowsAsync<HubException>(() => budiHub.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, anaClientId, 1_000_000, 1, TextOperation.Insert(0, "PWNED ")),
            _ct));
        var next = await Assert.ThrowsAsync<HubException>(() => budiHub.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, anaClientId, 2, 1, TextOperation.Insert(0, "PWNED ")),
            _ct));
        for (var i = 2; i <= 4; i++)
        {
            anaSession.Insert(anaSession.Length, $"Ana {i}. ");
            await SyncedAsync(anaSession, _ct);
        }
        var own = await budiHub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "budi-own", 1, 1, TextOperation.Insert(0, "Budi. ")), _ct);

        Assert.Equal(ErrorCodes.ClientIdTaken, HubError.From(far)?.Code);
        Assert.Equal(ErrorCodes.ClientIdTaken, HubError.From(next)?.Code);
        Assert.False(own.Duplicate);
        Assert.Equal("Budi. Ana 1. Ana 2. Ana 3. Ana 4. ", await ServerTextAsync(ana, pid, docId, _ct));
        await EventuallyAsync(
            () => anaSession.Text == "Budi. Ana 1. Ana 2. Ana 3. Ana 4. ",
            TimeSpan.FromSeconds(30),
            "Ana converges",
            _ct);
        await anaConnection.DisposeAsync();
    }

    [Fact]
    public async Task SequenceNumbersStartAtOneAndMayNotJumpFarAhead()
    {
        var ana = await factory.SignUpAsync("Citra", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(ana, _ct);
        await using var hub = await OpenHubAsync(factory, ana, docId, _ct);
        Task<SubmitResult> Submit(string clientId, long seq, string text) =>
            hub.InvokeAsync<SubmitResult>(DocumentHubNames.Submit,
            SubmitRequest.Of(docId, clientId, seq, 0, TextOperation.Insert(0, text)), _ct);

        var zero = await Assert.ThrowsAsync<HubException>(() => Submit("c", 0, "zero "));
        var negative = await Assert.ThrowsAsync<HubException>(() => Submit("c", -5, "negative "));
        var farForANewId = await Assert.ThrowsAsync<HubException>(() => Submit(
            "c",
            DocumentGrain.MaxSequenceJump + 1,
            "far "));
        await Submit("c", 1, "one ");
        await Submit("c", 3, "three "); // 2 was refused on the way (a client skips the numbers of refused ops)
        var farAhead = await Assert.ThrowsAsync<HubException>(() => Submit(
            "c",
            3 + DocumentGrain.MaxSequenceJump + 1,
            "far "));
        var last = await Submit("c", 3 + DocumentGrain.MaxSequenceJump, "last ");

        Assert.All(
            [zero, negative, farForANewId, farAhead],
            e => Assert.Equal(ErrorCodes.InvalidClientSeq, HubError.From(e)?.Code));
        Assert.False(last.Duplicate);
        Assert.Equal("last three one ", await ServerTextAsync(ana, pid, docId, _ct));
    }

    [Fact]
    public async Task AfterAReloadIdsStayBoundAndOnlyTheOwnersOwnOpsCountAsSeen()
    {
        var (ana, pid, docId, budi) = await DocumentWithMemberAsync(
            factory,
            "Dewi",
            PartnershipRole.Editor,
            "Eko",
            _ct);
        await using var anaHub = await OpenHubAsync(factory, ana, docId, _ct);
        var first = await anaHub.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "ana-1", 1, 0, TextOperation.Insert(0, "one. ")),
            _ct);
        await anaHub.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "ana-1", 2, 1, TextOperation.Insert(5, "two. ")),
            _ct);

        // A log written before ids were bound to people: Budi's op stored under Ana's id with a huge sequence number.
        await ReloadWithAsync(new DocumentOperation
        {
            DocumentId = docId, Revision = 3, ClientId = "ana-1", ClientSeq = 1_000_000, AuthorId = budi.Id,
            Operation = "[\"old. \"]", At = DateTimeOffset.UtcNow,
        });
        await using var budiHub = await OpenHubAsync(factory, budi, docId, _ct);
        var resent = await anaHub.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "ana-1", 1, 0, TextOperation.Insert(0, "one. ")),
            _ct);
        var third = await anaHub.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "ana-1", 3, 3, TextOperation.Insert(15, "three.")),
            _ct);
        var hijack = await Assert.ThrowsAsync<HubException>(() => budiHub.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "ana-1", 2_000_000, 4, TextOperation.Insert(0, "PWNED ")),
            _ct));

        Assert.Equal((first.Revision, true), (resent.Revision, resent.Duplicate));
        Assert.Equal((4L, false), (third.Revision, third.Duplicate));
        Assert.Equal(ErrorCodes.ClientIdTaken, HubError.From(hijack)?.Code);
        Assert.Equal("old. one. two. three.", await ServerTextAsync(ana, pid, docId, _ct));

        // Reloaded again: Ana's latest op (3) is not the id's highest number (Budi's), so hers are counted apart.
        await ReloadWithAsync(new DocumentOperation
        {
            DocumentId = docId, Revision = 5, ClientId = "ana-2", ClientSeq = 1, AuthorId = ana.Id,
            Operation = "[21, \"!\"]", At = DateTimeOffset.UtcNow,
        });
        await using var anaAgain = await OpenHubAsync(factory, ana, docId, _ct);
        var third2 = await anaAgain.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "ana-1", 3, 3, TextOperation.Insert(15, "three.")),
            _ct);
        var fourth = await anaAgain.InvokeAsync<SubmitResult>(
            DocumentHubNames.Submit,
            SubmitRequest.Of(docId, "ana-1", 4, 5, TextOperation.Insert(0, "0. ")),
            _ct);
        Assert.Equal((4L, true), (third2.Revision, third2.Duplicate));
        Assert.Equal((6L, false), (fourth.Revision, fourth.Duplicate));
        Assert.Equal("0. old. one. two. three.!", await ServerTextAsync(ana, pid, docId, _ct));
    }

    /// <summary>
    /// Deactivates every idle grain, adds <paramref name="row"/> to the stored log, so the next call loads it.
    /// </summary>
    private async Task ReloadWithAsync(DocumentOperation row)
    {
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var dbs = factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>();
        await using var db = await dbs.CreateDbContextAsync(_ct);
        db.Add(row);
        await db.SaveChangesAsync(_ct);
    }
}
