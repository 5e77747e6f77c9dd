using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Collaboration.Ot;
using Workspace.Server.Data;
using Workspace.Server.Features.Agreements;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Meetings;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Agreements.AgreementTextKit;
using static Workspace.Server.Tests.Features.Agreements.TwoParties;

namespace Workspace.Server.Tests.Features.Agreements;

/// <summary>A clause link is followed however many edits were made since it was stored, and never from positions of
/// one revision read in another revision's text.</summary>
public sealed class ClauseLinkFollowTests
{
    private const string Heading = "## 5. Profit and cost sharing";
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALinkMoreThanTwentyThousandEditsOldFollowsItsRenamedClauseRatherThanReadingAsDeleted()
    {
        var dir = Path.Combine(Path.GetTempPath(), "workspace-tests", "clause-follow-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            Guid partnershipId, documentId;
            await using (var factory = new WorkspaceFactory().With("Database:DataDirectory", dir))
            {
                var p = await TwoParties.CreateAsync(factory, "Old link", _ct);
                var agreementId = IdOf(await p.CreateAgreementAsync(_ct));
                await DecideAsync(p, agreementId);
                (partnershipId, documentId) = (p.Id, await DocumentOfAsync(p.A, p.Id, agreementId, _ct));
            }
            await using (var factory = new WorkspaceFactory().With("Database:DataDirectory", dir))
            {
                // 21,500 edits written straight to the operation log (faster than typing them): each adds a word at
                // the end of the paragraph above the clause, moving its heading; the last one renames the clause.
                await WriteEditsAsync(factory, documentId, 21_500, "## 5. Profit and cost", "## 5. Profit and loss");
                var decisions = await factory.Services.GetRequiredService<IGrainFactory>()
                    .GetGrain<IMeetingsGrain>(partnershipId).GetDecisionsAsync(null);
                var clause = decisions.Single().Clause!;
                Assert.Equal(("5", "Profit and loss sharing", false), (clause.Number, clause.Heading, clause.Deleted));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task AnEditBetweenTheTwoReadsOfAFollowIsRetriedAndTheLinkStaysOnItsClause()
    {
        await using var factory = new WorkspaceFactory();
        var p = await TwoParties.CreateAsync(factory, "Race", _ct);
        var agreementId = IdOf(await p.CreateAgreementAsync(_ct));
        await DecideAsync(p, agreementId);
        var clauses = factory.Services.GetRequiredService<AgreementClauses>();
        var attempts = new List<int>();
        // The first follow's links are located at one revision; then a clause is typed in just above the linked one,
        // so the text read next has a new "5." exactly where the linked heading stood at the located revision.
        clauses.BetweenReads = async attempt =>
        {
            attempts.Add(attempt);
            if (attempt == 0)
            {
                await ReplaceAsync(factory, p.B, p.Id, agreementId, Heading, $"## 5. Reporting\nMonthly.\n\n{Heading}"
                    .Replace("\n\n## 5. Profit", "\n\n## 6. Profit", StringComparison.Ordinal), _ct);
            }
        };

        var decisions = await OkAsync(p.A.Http.GetJsonAsync($"/api/partnerships/{p.Id}/decisions", _ct));
        clauses.BetweenReads = null;

        Assert.Equal([0, 1], attempts);
        var clause = decisions[0].GetProperty("clause");
        Assert.Equal(("6", "Profit and cost sharing", false), (clause.GetProperty("number").GetString(),
            clause.GetProperty("heading").GetString(), clause.GetProperty("deleted").GetBoolean()));
    }

    private async Task DecideAsync(TwoParties p, Guid agreementId)
    {
        var meetingId = (await OkAsync(p.A.Http.PostJsonAsync($"/api/partnerships/{p.Id}/meetings",
            Meetings.MeetingTestKit.Meeting(p.A.Id, recurrence: "None"), _ct))).GetProperty("id").GetGuid();
        await OkAsync(p.A.Http.PostJsonAsync($"/api/partnerships/{p.Id}/meetings/{meetingId}/decisions",
            new { text = "Share profit quarterly", clause = new { agreementId, number = "5" } }, _ct));
    }

    /// <summary>Appends <paramref name="count"/> operations after the head revision (the document not yet opened
    /// by this server): each inserts a word before the linked heading; the last replaces <paramref name="find"/>.
    /// </summary>
    private async Task WriteEditsAsync(WorkspaceFactory factory, Guid documentId, int count, string find,
        string replacement)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDb>>()
            .CreateDbContextAsync(_ct);
        var head = await db.Set<DocumentOperation>().Where(o => o.DocumentId == documentId)
            .MaxAsync(o => (long?)o.Revision, _ct) ?? 0;
        var current = await CurrentTextAsync(db, documentId, head);
        var at = current.IndexOf(Heading, StringComparison.Ordinal) - 2; // before the blank line above the heading
        var ops = new List<DocumentOperation>();
        for (var i = 1; i < count; i++)
        {
            ops.Add(Op(documentId, head + i, TextOperation.Insert(at, " w")));
            current = current.Insert(at, " w");
        }
        var rename = current.IndexOf(find, StringComparison.Ordinal);
        ops.Add(Op(documentId, head + count, TextOperation.Parse(JsonSerializer.Serialize(
            new object[] { rename, new { d = find.Length }, replacement }))));
        db.AddRange(ops);
        // A snapshot at the head, as the server takes them: the document opens keeping only the newest
        // operations in memory, so the link's revision is older than any kept there.
        var final = current.Remove(rename, find.Length).Insert(rename, replacement);
        db.Add(SnapshotCodec.Encode(documentId, head + count, final, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(_ct);
    }

    private static DocumentOperation Op(Guid documentId, long revision, TextOperation op) => new()
    {
        DocumentId = documentId, Revision = revision, ClientId = "bulk", ClientSeq = revision, AuthorId = "bulk",
        Operation = op.ToJson(), At = DateTimeOffset.UtcNow,
    };

    private static async Task<string> CurrentTextAsync(WorkspaceDb db, Guid documentId, long head)
    {
        var snapshot = await db.Set<DocumentSnapshot>().Where(s => s.DocumentId == documentId)
            .OrderByDescending(s => s.Revision).FirstOrDefaultAsync();
        var replay = new TextDocument(snapshot is null ? "" : SnapshotCodec.TextOf(snapshot));
        var ops = await db.Set<DocumentOperation>().Where(o => o.DocumentId == documentId
            && o.Revision > (snapshot == null ? 0 : snapshot.Revision) && o.Revision <= head)
            .OrderBy(o => o.Revision).Select(o => o.Operation).ToListAsync();
        ops.ForEach(o => replay.Apply(TextOperation.Parse(o)));
        return replay.ToString();
    }

    private static async Task<JsonElement> OkAsync(Task<(HttpStatusCode Status, JsonElement Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Created, $"{(int)status}: {body}");
        return body;
    }
}
