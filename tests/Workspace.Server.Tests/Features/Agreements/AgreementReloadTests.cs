using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;
using Workspace.Collaboration.Errors;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Agreements.TwoParties;

namespace Workspace.Server.Tests.Features.Agreements;

/// <summary>An agreement's sign-off is its document's guard: a reloaded document finds it again, others find none.
/// </summary>
public sealed class AgreementReloadTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASignedAgreementStaysReadOnlyAfterARestartWhileAPlainDocumentStaysEditable()
    {
        var directory = Path.Combine(Path.GetTempPath(), "workspace-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        TwoParties p;
        Guid agreementId, docId, plainId;
        long revision;
        await using (var first = new WorkspaceFactory().With("Database:DataDirectory", directory))
        {
            p = await TwoParties.CreateAsync(first, "Reload", _ct);
            var agreement = await p.CreateAgreementAsync(_ct);
            (agreementId, docId) = (IdOf(agreement), DocumentOf(agreement));
            revision = RevisionOf(await p.SignAsync(agreementId, _ct));
            var plain = await p.A.Http.PostJsonAsync($"/api/partnerships/{p.Id}/documents", new { title = "Notes" },
                _ct);
            plainId = plain.Body.GetProperty("id").GetGuid();
        }
        await using (var sqlite = new SqliteConnection(
            $"Data Source={Path.Combine(directory, "workspace.db")};Pooling=False"))
        {
            // Only the agreement's document is marked; a plain one never looks for a sign-off.
            await sqlite.OpenAsync(_ct);
            await using var read = sqlite.CreateCommand();
            read.CommandText = "SELECT Id, Guard FROM Documents";
            await using var rows = await read.ExecuteReaderAsync(_ct);
            var marks = new Dictionary<Guid, string?>();
            while (await rows.ReadAsync(_ct))
            {
                marks[Guid.Parse(rows.GetString(0))] = rows.IsDBNull(1) ? null : rows.GetString(1);
            }
            Assert.Equal("agreement", marks[docId]);
            Assert.Null(marks[plainId]);
        }

        await using var second = new WorkspaceFactory().With("Database:DataDirectory", directory);
        var again = p with { Factory = second };
        await using var hub = await again.HubAsync(p.B, docId, _ct);
        var refused = await Assert.ThrowsAsync<HubException>(() =>
            InsertAsync(hub, docId, "b-after-restart", 1, revision, 0, "Sneaky ", _ct));
        Assert.Equal(ErrorCodes.AgreementSigned, HubError.From(refused)?.Code);

        await using var plainHub = await again.HubAsync(p.B, plainId, _ct);
        var edited = await InsertAsync(plainHub, plainId, "b-plain", 1, 0, 0, "Fine ", _ct);
        Assert.Equal(1, edited.Revision);

        using var http = second.CreateClient();
        http.DefaultRequestHeaders.Add("Cookie", p.A.Cookie);
        var view = await http.GetStringAsync(again.Url($"/{agreementId}"), _ct);
        Assert.Contains("\"status\":\"signed\"", view, StringComparison.Ordinal);
        Directory.Delete(directory, recursive: true);
    }
}
