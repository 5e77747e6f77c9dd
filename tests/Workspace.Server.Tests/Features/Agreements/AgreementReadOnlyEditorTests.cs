using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Agreements.TwoParties;

namespace Workspace.Server.Tests.Features.Agreements;

/// <summary>An editor learns from the hub, before any keystroke, that its text refuses edits and why; and hears it
/// change while it is open.</summary>
public sealed class AgreementReadOnlyEditorTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpeningASignedAgreementSaysEditsAreRefusedWithTheCode()
    {
        var p = await TwoParties.CreateAsync(factory, "Closed", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        await using var hub = factory.Hub(p.A, DocumentHubNames.Path);
        await hub.StartAsync(_ct);
        var draft = await hub.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, DocumentOf(agreement), null,
            _ct);
        Assert.Null(draft.Document.EditRefusal);

        await p.SignAsync(IdOf(agreement), _ct);
        var signed = await hub.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, DocumentOf(agreement), null,
            _ct);
        Assert.Equal(ErrorCodes.AgreementSigned, signed.Document.EditRefusal);
    }

    [Fact]
    public async Task AnOrdinaryDocumentOpensEditable()
    {
        var owner = await factory.SignUpAsync("Plain Ana", "Plain Tani", ct: _ct);
        var (_, documentId) = await Documents.DocumentTestKit.CreateDocumentAsync(owner, _ct);
        await using var hub = factory.Hub(owner, DocumentHubNames.Path);
        await hub.StartAsync(_ct);
        var state = await hub.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, documentId, null, _ct);
        Assert.Null(state.Document.EditRefusal);
        Assert.False(state.Document.Deleted);
    }

    [Fact]
    public async Task AnOpenEditorHearsTheLastApprovalMakeItReadOnly()
    {
        var p = await TwoParties.CreateAsync(factory, "Flip", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var review = await p.ReviewAsync(IdOf(agreement), _ct);
        await using var hub = await p.HubAsync(p.A, DocumentOf(agreement), _ct);
        var heard = new TaskCompletionSource<DocumentInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<DocumentInfo>(DocumentHubNames.DocumentChanged, d =>
        {
            if (d.Id == DocumentOf(agreement) && d.EditRefusal is not null)
            {
                heard.TrySetResult(d);
            }
        });
        Assert.Equal(System.Net.HttpStatusCode.OK,
            (await p.ApproveAsync(p.A, IdOf(agreement), RevisionOf(review), _ct)).Status);
        Assert.False(heard.Task.IsCompleted); // one approval of two: still editable

        var (status, _) = await p.ApproveAsync(p.B, IdOf(agreement), RevisionOf(review), _ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, status);
        var info = await heard.Task.WaitAsync(TimeSpan.FromSeconds(20), _ct);
        Assert.Equal(ErrorCodes.AgreementSigned, info.EditRefusal);
        Assert.Equal(RevisionOf(review), info.Revision);
    }
}
