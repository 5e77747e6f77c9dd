using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;

namespace Workspace.Server.Tests.Features.Documents;

/// <summary>
/// Comments on documents: what the commenter role is for, checked for every role, bad input and live push.
/// </summary>
public sealed class DocumentCommentTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private static string Comments(Guid pid, Guid docId) => $"/api/partnerships/{pid}/documents/{docId}/comments";

    [Theory]
    [InlineData(PartnershipRole.Viewer, false)]
    [InlineData(PartnershipRole.Commenter, true)]
    [InlineData(PartnershipRole.Editor, true)]
    public async Task CommentersAndAboveCommentViewersOnlyRead(PartnershipRole role, bool mayComment)
    {
        var owner = await factory.SignUpAsync($"Owner {role}", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var member = await factory.JoinAsync(owner, pid, role, $"{role} member", ct: _ct);

        var (status, body) = await member.Http.PostJsonAsync(
            Comments(pid, docId),
            new { body = "Can the lab start in January?", quote = "lab tests" },
            _ct);

        Assert.Equal(mayComment ? HttpStatusCode.Created : HttpStatusCode.Forbidden, status);
        var (listed, list) = await member.Http.GetJsonAsync(Comments(pid, docId), _ct);
        Assert.Equal(HttpStatusCode.OK, listed);
        Assert.Equal(mayComment ? 1 : 0, list.GetArrayLength());
        if (mayComment)
        {
            Assert.Equal("Can the lab start in January?", body.GetProperty("body").GetString());
            Assert.Equal("lab tests", body.GetProperty("quote").GetString());
            Assert.Equal($"{role} member", body.GetProperty("authorName").GetString());
            Assert.Equal("Org", body.GetProperty("authorParty").GetString());
        }
    }

    [Fact]
    public async Task AnyCommenterResolvesOnlyTheAuthorOrAnOwnerDeletes()
    {
        var owner = await factory.SignUpAsync("Owner resolve", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var author = await factory.JoinAsync(owner, pid, PartnershipRole.Commenter, "Author", ct: _ct);
        var other = await factory.JoinAsync(owner, pid, PartnershipRole.Commenter, "Other", ct: _ct);
        var (_, created) = await author.Http.PostJsonAsync(
            Comments(pid, docId),
            new { body = "Budget line 4 looks low." },
            _ct);
        var id = created.GetProperty("id").GetGuid();

        var (resolved, view) = await other.Http.PostJsonAsync(
            $"{Comments(pid, docId)}/{id}/resolve",
            new { resolved = true },
            _ct);
        Assert.Equal(HttpStatusCode.OK, resolved);
        Assert.Equal("Other", view.GetProperty("resolvedByName").GetString());
        var (reopened, again) = await author.Http.PostJsonAsync(
            $"{Comments(pid, docId)}/{id}/resolve",
            new { resolved = false },
            _ct);
        Assert.Equal(HttpStatusCode.OK, reopened);
        Assert.Equal(JsonValueKind.Null, again.GetProperty("resolvedAt").ValueKind);

        var refused = await other.Http.DeleteAsync($"{Comments(pid, docId)}/{id}", _ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("author", await refused.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(1, (await owner.Http.GetJsonAsync(Comments(pid, docId), _ct)).Body.GetArrayLength());

        Assert.Equal(
            HttpStatusCode.NoContent,
            (await author.Http.DeleteAsync($"{Comments(pid, docId)}/{id}", _ct)).StatusCode);
        var (_, second) = await author.Http.PostJsonAsync(Comments(pid, docId), new { body = "Second thought." }, _ct);
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await owner.Http.DeleteAsync($"{Comments(pid, docId)}/{second.GetProperty("id").GetGuid()}", _ct))
                .StatusCode);
        Assert.Equal(0, (await owner.Http.GetJsonAsync(Comments(pid, docId), _ct)).Body.GetArrayLength());
    }

    [Fact]
    public async Task BadInputIsAProblemAndChangesNothing()
    {
        var owner = await factory.SignUpAsync("Owner bad", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (_, otherDoc) = await CreateDocumentAsync(await factory.SignUpAsync("Elsewhere", ct: _ct), _ct);

        var empty = await owner.Http.PostAsJsonAsync(Comments(pid, docId), new { body = "   " }, _ct);
        var tooLong = await owner.Http.PostAsJsonAsync(Comments(pid, docId), new { body = new string('x', 4001) }, _ct);
        var longQuote = await owner.Http.PostAsJsonAsync(
            Comments(pid, docId),
            new { body = "ok", quote = new string('q', 501) },
            _ct);
        var unknownDoc = await owner.Http.PostAsJsonAsync(Comments(pid, Guid.NewGuid()), new { body = "ok" }, _ct);
        var foreignDoc = await owner.Http.PostAsJsonAsync(Comments(pid, otherDoc), new { body = "ok" }, _ct);
        var unknownComment = await owner.Http.PostAsJsonAsync(
            $"{Comments(pid, docId)}/{Guid.NewGuid()}/resolve",
            new { resolved = true },
            _ct);

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("needs some text", await empty.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, longQuote.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownDoc.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignDoc.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownComment.StatusCode);
        Assert.Equal("application/problem+json", empty.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, (await owner.Http.GetJsonAsync(Comments(pid, docId), _ct)).Body.GetArrayLength());
    }

    [Fact]
    public async Task ACommentIsPushedToThePartnershipAndLogged()
    {
        var owner = await factory.SignUpAsync("Owner live comments", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct, "Joint plan");
        var commenter = await factory.JoinAsync(owner, pid, PartnershipRole.Commenter, "Live commenter", ct: _ct);
        await using var hub = factory.Hub(owner, "/hubs/partnership");
        var kinds = new List<string>();
        hub.On<PartnershipEvent>(
            nameof(IPartnershipClient.PartnershipChanged),
            e => { lock (kinds) { kinds.Add(e.Kind); } });
        await hub.StartAsync(_ct);
        await hub.InvokeAsync<PartnershipView>("JoinPartnership", pid, _ct);

        var (status, _) = await commenter.Http.PostJsonAsync(
            Comments(pid, docId),
            new { body = "Looks good to us." },
            _ct);

        Assert.Equal(HttpStatusCode.Created, status);
        await Eventually.TrueAsync(() => { lock (kinds) { return kinds.Contains("comment.updated"); } }, _ct);
        var activity = await owner.Http.GetStringAsync($"/api/partnerships/{pid}/activity", _ct);
        Assert.Contains("commented on “Joint plan”", activity, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACommentedPassageIsFollowedThroughLaterEditsEvenByPeopleWhoNeverSawTheComment()
    {
        var owner = await factory.SignUpAsync("Owner anchors", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var commenter = await factory.JoinAsync(owner, pid, PartnershipRole.Commenter, "Anchor commenter", ct: _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        session.Insert(0, "Intro 😀\nWe deliver 40 tonnes.\nEnd");
        await SyncedAsync(session, _ct);
        var revision = session.Revision;
        const string quoted = "We deliver 40 tonnes.";
        var from = "Intro 😀\n".EnumerateRunes().Count(); // code points: the emoji is one

        var (status, created) = await commenter.Http.PostJsonAsync(Comments(pid, docId),
            new { body = "Is 40 enough?", quote = quoted, anchor = new { revision, from, to = from + quoted.Length } },
            _ct);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(quoted, created.GetProperty("passage").GetString());
        Assert.Equal(from, created.GetProperty("passageAt").GetInt32());

        // Edits before, inside and right after the passage; nobody has the comment in view.
        session.Insert(0, "Budget agreed.\n");
        session.Edit(text => Workspace.Collaboration.Ot.TextOperation.Replace(
            text,
            text.Replace("40 tonnes", "45 tonnes", StringComparison.Ordinal)));
        session.Edit(text => Workspace.Collaboration.Ot.TextOperation.Insert(
            text.EnumerateRunes().Count() - "\nEnd".Length,
            " Maybe more."));
        await SyncedAsync(session, _ct);

        var (_, list) = await commenter.Http.GetJsonAsync(Comments(pid, docId), _ct);
        var comment = list.EnumerateArray().Single();
        Assert.Equal("We deliver 45 tonnes.", comment.GetProperty("passage").GetString());
        // where it starts now
        Assert.Equal("Budget agreed.\n".Length + from, comment.GetProperty("passageAt").GetInt32());
        Assert.Equal(quoted, comment.GetProperty("quote").GetString()); // what was commented on stays as it was
        // The anchor moved forward with the list, and keeps following from there.
        session.Insert(0, "# Plan\n");
        await SyncedAsync(session, _ct);
        (_, list) = await owner.Http.GetJsonAsync(Comments(pid, docId), _ct);
        Assert.Equal("We deliver 45 tonnes.", list.EnumerateArray().Single().GetProperty("passage").GetString());
        Assert.Equal(
            "# Plan\nBudget agreed.\n".Length + from,
            list.EnumerateArray().Single().GetProperty("passageAt").GetInt32());

        // The passage deleted whole: nothing to point at any more, the quote remains.
        session.Edit(text => Workspace.Collaboration.Ot.TextOperation.Replace(
            text,
            text.Replace("We deliver 45 tonnes.", "", StringComparison.Ordinal)));
        await SyncedAsync(session, _ct);
        (_, list) = await owner.Http.GetJsonAsync(Comments(pid, docId), _ct);
        Assert.Equal(JsonValueKind.Null, list.EnumerateArray().Single().GetProperty("passage").ValueKind);
        Assert.Equal(JsonValueKind.Null, list.EnumerateArray().Single().GetProperty("passageAt").ValueKind);
        await connection.DisposeAsync();
    }

    [Fact]
    public async Task APassageIsFollowedEvenPastTheOperationsKeptInMemory()
    {
        // Ten operations in memory: the comment is read again only after sixty edits.
        await using var small = new WorkspaceFactory().With("Documents:RetainedOperations", "10");
        var owner = await small.SignUpAsync("Owner long edit", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(small, owner, docId, _ct);
        session.Insert(0, "Start.\nWe deliver 40 tonnes.\n");
        await SyncedAsync(session, _ct);
        var (status, _) = await owner.Http.PostJsonAsync(Comments(pid, docId),
            new {
                body = "Enough?",
                quote = "We deliver 40 tonnes.",
                anchor = new { revision = session.Revision, from = 7, to = 28 }
            },
            _ct);
        Assert.Equal(HttpStatusCode.Created, status);

        for (var i = 0; i < 60; i++)
        {
            session.Insert(0, "x"); // typed before the passage, one by one
            await SyncedAsync(session, _ct);
        }
        session.Edit(text => Workspace.Collaboration.Ot.TextOperation.Replace(
            text,
            text.Replace("40", "45", StringComparison.Ordinal)));
        await SyncedAsync(session, _ct);

        var (_, list) = await owner.Http.GetJsonAsync(Comments(pid, docId), _ct);
        Assert.Equal("We deliver 45 tonnes.", list.EnumerateArray().Single().GetProperty("passage").GetString());
        await connection.DisposeAsync();
    }

    [Theory]
    [InlineData(99, 0, 5)] // a revision the document never had
    [InlineData(-1, 0, 5)]
    [InlineData(1, 3, 3)] // an empty passage
    [InlineData(1, 5, 2)]
    [InlineData(1, 0, 500)] // past the end of the text at that revision
    public async Task AnAnchorThatIsNotAPassageIsRefusedAndNothingIsSaved(long revision, int from, int to)
    {
        var owner = await factory.SignUpAsync($"Owner bad anchor {revision} {from} {to}", ct: _ct);
        var (pid, docId) = await CreateDocumentAsync(owner, _ct);
        var (connection, session) = await OpenAsync(factory, owner, docId, _ct);
        session.Insert(0, "Short text.");
        await SyncedAsync(session, _ct);

        var (status, problem) = await owner.Http.PostJsonAsync(Comments(pid, docId),
            new { body = "About this", quote = "Short", anchor = new { revision, from, to } }, _ct);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(
            "select the passage again",
            problem.GetProperty("errors").GetProperty("anchor")[0].GetString(),
            StringComparison.Ordinal);
        var (_, list) = await owner.Http.GetJsonAsync(Comments(pid, docId), _ct);
        Assert.Equal(0, list.GetArrayLength());
        await connection.DisposeAsync();
    }
}
