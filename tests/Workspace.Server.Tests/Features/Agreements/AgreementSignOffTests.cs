using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Workspace.Collaboration.Errors;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Agreements.TwoParties;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Agreements;

/// <summary>Sign-off: every party approves one exact revision; an edit voids the round; signed means
/// read-only.</summary>
public sealed class AgreementSignOffTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnEditAfterAnApprovalVoidsEveryApprovalAndSaysWhoEditedAndWhen()
    {
        var p = await TwoParties.CreateAsync(factory, "Void", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var review = await p.ReviewAsync(IdOf(agreement), _ct);
        var revision = RevisionOf(review);
        var (approved, afterA) = await p.ApproveAsync(p.A, IdOf(agreement), revision, _ct);
        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Single(afterA.GetProperty("signOff").GetProperty("approvals").EnumerateArray());

        await using var hub = await p.HubAsync(p.B, DocumentOf(agreement), _ct);
        var edit = await InsertAsync(hub, DocumentOf(agreement), "b-1", 1, revision, 0, "Draft: ", _ct);

        var seenByA = await p.GetAsync(p.A, IdOf(agreement), _ct);
        var seenByB = await p.GetAsync(p.B, IdOf(agreement), _ct);
        foreach (var seen in new[] { seenByA, seenByB })
        {
            var signOff = seen.GetProperty("signOff");
            Assert.Equal("review", signOff.GetProperty("status").GetString());
            Assert.Empty(signOff.GetProperty("approvals").EnumerateArray());
            Assert.Equal(2, signOff.GetProperty("round").GetInt32());
            var reset = signOff.GetProperty("lastReset");
            Assert.Equal(p.B.Name, reset.GetProperty("byName").GetString());
            Assert.Equal(edit.Revision, reset.GetProperty("revision").GetInt64());
            Assert.Equal(p.A.Name, reset.GetProperty("voided")[0].GetProperty("name").GetString());
            Assert.True(reset.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-1));
        }
        // The old revision cannot be approved any more; the new one can.
        var (stale, staleBody) = await p.ApproveAsync(p.A, IdOf(agreement), revision, _ct);
        Assert.Equal(HttpStatusCode.Conflict, stale);
        Assert.Equal(ErrorCodes.AgreementRevisionChanged, staleBody.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await p.ApproveAsync(p.A, IdOf(agreement), edit.Revision, _ct)).Status);
    }

    [Fact]
    public async Task ThoseWhoseApprovalAnEditOrAWithdrawalVoidedAreToldToApproveAgain()
    {
        var p = await TwoParties.CreateAsync(factory, "Retold", _ct);
        var agreement = await p.CreateAgreementAsync(_ct, "Supply MoU");
        var revision = RevisionOf(await p.ReviewAsync(IdOf(agreement), _ct));
        Assert.Equal(HttpStatusCode.OK, (await p.ApproveAsync(p.A, IdOf(agreement), revision, _ct)).Status);
        await using var hub = await p.HubAsync(p.B, DocumentOf(agreement), _ct);

        var edit = await InsertAsync(hub, DocumentOf(agreement), "b-1", 1, revision, 0, "Draft: ", _ct);

        var toldA = await NoticesAsync(p.A, n => n.Count > 0);
        Assert.Equal(("agreement.approvalVoided", "Supply MoU", p.B.Name, $"/p/{p.Id}/agreements/{IdOf(agreement)}"),
            Described(Assert.Single(toldA)));
        Assert.Equal(HttpStatusCode.OK, (await p.ApproveAsync(p.B, IdOf(agreement), edit.Revision, _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await p.A.Http.PostJsonAsync(p.Url($"/{IdOf(agreement)}/draft"), new { },
            _ct)).Status);
        var toldB = await NoticesAsync(p.B, n => n.Any(x => Described(x).Kind == "agreement.withdrawn"));
        Assert.Equal(["agreement.withdrawn", "agreement.awaitsSignOff"], toldB.Select(n => Described(n).Kind));
        Assert.Equal(p.A.Name, Described(toldB[0]).Actor);
        Assert.Single(await NoticesAsync(p.A, _ => true)); // nobody is told of their own edit or withdrawal
    }

    private async Task<List<JsonElement>> NoticesAsync(TestUser user, Func<List<JsonElement>, bool> done) =>
        await Eventually.ValueAsync(async () =>
            [.. (await user.Http.GetJsonAsync("/api/notifications", _ct)).Body.GetProperty("items").EnumerateArray()],
            done, _ct, because: $"{user.Name}'s notifications");

    private static (string? Kind, string? Title, string? Actor, string? Link) Described(JsonElement n) =>
        (n.GetProperty("kind").GetString(), n.GetProperty("args").GetProperty("title").GetString(),
            n.GetProperty("actorName").GetString(), n.GetProperty("link").GetString());

    [Fact]
    public async Task EveryPartyApprovingTheSameRevisionSignsWithTheHashOfThatText()
    {
        var p = await TwoParties.CreateAsync(factory, "Sign", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var signed = await p.SignAsync(IdOf(agreement), _ct);

        var signOff = signed.GetProperty("signOff");
        var text = await ServerTextAsync(p.A, p.Id, DocumentOf(agreement), _ct);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(hash, signOff.GetProperty("signedHash").GetString());
        Assert.Equal(RevisionOf(signed), signOff.GetProperty("signedRevision").GetInt64());
        var approvals = signOff.GetProperty("approvals").EnumerateArray().ToList();
        Assert.Equal(new[] { p.PartyA, p.PartyB }.Order(), approvals.Select(a =>
            a.GetProperty("partyId").GetGuid()).Order());
        Assert.All(approvals, a => Assert.Equal(hash, a.GetProperty("hash").GetString()));
        Assert.Equal(new[] { p.A.Name, p.B.Name }.Order(), approvals.Select(a =>
            a.GetProperty("name").GetString()).Order());

        var (_, page) = await p.A.Http.GetJsonAsync(p.Url($"/{IdOf(agreement)}/text"), _ct);
        Assert.Equal(hash, page.GetProperty("signaturePage").GetProperty("hash").GetString());
        Assert.Equal(2, page.GetProperty("signaturePage").GetProperty("signatures").GetArrayLength());
    }

    [Fact]
    public async Task ASignedAgreementIsReadOnlyOverTheHubAndRest()
    {
        var p = await TwoParties.CreateAsync(factory, "ReadOnly", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var signed = await p.SignAsync(IdOf(agreement), _ct);
        var docId = DocumentOf(agreement);
        var before = await ServerTextAsync(p.A, p.Id, docId, _ct);

        await using var hub = await p.HubAsync(p.B, docId, _ct);
        var refused = await Assert.ThrowsAsync<HubException>(() =>
            InsertAsync(hub, docId, "b-late", 1, RevisionOf(signed), 0, "Sneaky ", _ct));
        Assert.Equal(ErrorCodes.AgreementSigned, HubError.From(refused)?.Code);
        Assert.True(HubError.From(refused)?.Final);

        var restore = await p.A.Http.PostJsonAsync($"/api/partnerships/{p.Id}/documents/{docId}/history/1/restore",
            new { }, _ct);
        Assert.Equal((HttpStatusCode)423, restore.Status);
        Assert.Equal(ErrorCodes.AgreementSigned, restore.Body.GetProperty("code").GetString());
        var delete = await p.A.Http.SendJsonAsync(HttpMethod.Delete, $"/api/partnerships/{p.Id}/documents/{docId}",
            null, _ct);
        Assert.Equal((HttpStatusCode)423, delete.Status);
        var again = await p.ApproveAsync(p.A, IdOf(agreement), RevisionOf(signed), _ct);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal(ErrorCodes.AgreementWrongStatus, again.Body.GetProperty("code").GetString());

        Assert.Equal(before, await ServerTextAsync(p.A, p.Id, docId, _ct));
    }

    /// <summary>
    /// The last approval and an edit sent at the same moment: exactly one wins. Either the agreement is signed with
    /// the text as approved and the edit refused, or the edit is applied and the approval refused as stale.
    /// </summary>
    [Fact]
    public async Task AnEditConcurrentWithTheLastApprovalHasExactlyOneOutcome()
    {
        var p = await TwoParties.CreateAsync(factory, "Race", _ct);
        int signedCount = 0, editedCount = 0;
        JsonElement agreement = default;
        await using var hub = p.Factory.Hub(p.A, Workspace.Collaboration.Documents.DocumentHubNames.Path);
        await hub.StartAsync(_ct);
        var seq = 0;
        var needNew = true;
        for (var round = 0; round < 40; round++)
        {
            if (needNew)
            {
                agreement = await p.CreateAgreementAsync(_ct, $"Race {round}");
                await p.ReviewAsync(IdOf(agreement), _ct);
                needNew = false;
            }
            var id = IdOf(agreement);
            var revision = RevisionOf(await p.GetAsync(p.A, id, _ct));
            Assert.Equal(HttpStatusCode.OK, (await p.ApproveAsync(p.A, id, revision, _ct)).Status);

            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var approve = Task.Run(async () => { await go.Task; return await p.ApproveAsync(p.B, id, revision, _ct);
                }, _ct);
            var edit = Task.Run(async () =>
            {
                await go.Task;
                // A little jitter, so that either call may reach the grain first (the approval has more to do before).
                await Task.Delay(Random.Shared.Next(0, 12), _ct);
                try
                {
                    await InsertAsync(hub, DocumentOf(agreement), "race", ++seq, revision, 0, "x", _ct);
                    return (string?)null;
                }
                catch (HubException e)
                {
                    return HubError.From(e)?.Code;
                }
            }, _ct);
            go.SetResult();
            var (status, body) = await approve;
            var editError = await edit;

            var now = (await p.GetAsync(p.B, id, _ct)).GetProperty("signOff");
            var text = await ServerTextAsync(p.A, p.Id, DocumentOf(agreement), _ct);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            if (status == HttpStatusCode.OK)
            {
                signedCount++;
                needNew = true;
                Assert.Equal("signed", now.GetProperty("status").GetString());
                Assert.Equal(ErrorCodes.AgreementSigned, editError);
                Assert.Equal(hash, now.GetProperty("signedHash").GetString());
                Assert.Equal(revision, now.GetProperty("signedRevision").GetInt64());
            }
            else
            {
                editedCount++;
                Assert.Equal(HttpStatusCode.Conflict, status);
                Assert.Equal(ErrorCodes.AgreementRevisionChanged, body.GetProperty("code").GetString());
                Assert.Null(editError);
                Assert.Equal("review", now.GetProperty("status").GetString());
                Assert.Empty(now.GetProperty("approvals").EnumerateArray());
                Assert.Equal(revision + 1, now.GetProperty("revision").GetInt64());
                Assert.StartsWith("x", text, StringComparison.Ordinal);
            }
        }
        Assert.Equal(40, signedCount + editedCount);
        TestContext.Current.SendDiagnosticMessage($"race: signed {signedCount}, edit first {editedCount}");
    }

    [Fact]
    public async Task OnlySignatoriesApproveAndOnlyMembersSee()
    {
        var p = await TwoParties.CreateAsync(factory, "Roles", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var revision = RevisionOf(await p.ReviewAsync(IdOf(agreement), _ct));
        var editorB = await factory.JoinAsync(p.B, p.Id, PartnershipRole.Editor, "Roles editor B", p.PartyB, ct: _ct);
        var stranger = await factory.SignUpAsync("Roles stranger", ct: _ct);

        var notSignatory = await p.ApproveAsync(editorB, IdOf(agreement), revision, _ct);
        Assert.Equal(HttpStatusCode.Forbidden, notSignatory.Status);
        Assert.Equal(ErrorCodes.NotASignatory, notSignatory.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Http.GetJsonAsync(p.Url($"/{IdOf(agreement)}"),
            _ct)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await p.ApproveAsync(stranger, IdOf(agreement), revision, _ct)).Status);

        // B's admin names the editor as B's only signatory: the admin may no longer approve, the editor may.
        var named = await p.B.Http.PutJsonAsync(p.Url($"/signatories/{p.PartyB}"), new { userIds = new[] { editorB.Id
            } }, _ct);
        Assert.Equal(HttpStatusCode.OK, named.Status);
        var naming = await p.B.Http.PutJsonAsync(p.Url($"/signatories/{p.PartyA}"), new { userIds = new[] { p.B.Id }
            }, _ct);
        Assert.Equal(HttpStatusCode.Forbidden, naming.Status);
        Assert.Equal(ErrorCodes.NotPartyAdmin, naming.Body.GetProperty("code").GetString());
        var wrongParty = await p.A.Http.PutJsonAsync(p.Url($"/signatories/{p.PartyA}"), new { userIds = new[] { p.B.Id
            } }, _ct);
        Assert.Equal(HttpStatusCode.BadRequest, wrongParty.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await p.ApproveAsync(p.B, IdOf(agreement), revision, _ct)).Status);
        Assert.Equal(HttpStatusCode.OK, (await p.ApproveAsync(editorB, IdOf(agreement), revision, _ct)).Status);
        var seen = await p.GetAsync(p.A, IdOf(agreement), _ct);
        Assert.Equal(editorB.Name,
            seen.GetProperty("signOff").GetProperty("approvals")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task BadInputIsRefusedWithACodeAndChangesNothing()
    {
        var p = await TwoParties.CreateAsync(factory, "Bad", _ct);
        var other = await TwoParties.CreateAsync(factory, "Other", _ct);
        var agreement = await p.CreateAgreementAsync(_ct);
        var foreign = await other.CreateAgreementAsync(_ct);

        var language = await p.A.Http.PostJsonAsync(p.Url("/"), new { title = "X", language = "fr" }, _ct);
        Assert.Equal(HttpStatusCode.BadRequest, language.Status);
        Assert.Equal(ErrorCodes.UnknownOption,
            language.Body.GetProperty("errorCodes").GetProperty("language")[0].GetProperty("code").GetString());
        var noTitle = await p.A.Http.PostJsonAsync(p.Url("/"), new { title = "", language = "en" }, _ct);
        Assert.Equal(HttpStatusCode.BadRequest, noTitle.Status);
        var across = await p.A.Http.GetJsonAsync(p.Url($"/{IdOf(foreign)}"), _ct);
        Assert.Equal(HttpStatusCode.NotFound, across.Status);
        Assert.Equal(ErrorCodes.UnknownAgreement, across.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await p.A.Http.PostJsonAsync(p.Url($"/{IdOf(foreign)}/review"), new {
            }, _ct)).Status);
        var draftApproval = await p.ApproveAsync(p.A, IdOf(agreement), RevisionOf(agreement), _ct);
        Assert.Equal(HttpStatusCode.Conflict, draftApproval.Status);
        Assert.Equal(ErrorCodes.AgreementWrongStatus, draftApproval.Body.GetProperty("code").GetString());
        await p.ReviewAsync(IdOf(agreement), _ct);
        Assert.Equal(HttpStatusCode.BadRequest, (await p.ApproveAsync(p.A, IdOf(agreement), -1, _ct)).Status);
        var future = await p.ApproveAsync(p.A, IdOf(agreement), RevisionOf(agreement) + 5, _ct);
        Assert.Equal(HttpStatusCode.Conflict, future.Status);
        var wrongHash = await p.A.Http.PostJsonAsync(p.Url($"/{IdOf(agreement)}/approve"),
            new { revision = RevisionOf(agreement), hash = new string('0', 64) }, _ct);
        Assert.Equal(ErrorCodes.AgreementRevisionChanged, wrongHash.Body.GetProperty("code").GetString());

        var list = await p.A.Http.GetJsonAsync(p.Url("/"), _ct);
        Assert.Single(list.Body.EnumerateArray());
        Assert.Empty((await p.GetAsync(p.A, IdOf(agreement),
            _ct)).GetProperty("signOff").GetProperty("approvals").EnumerateArray());
    }
}
