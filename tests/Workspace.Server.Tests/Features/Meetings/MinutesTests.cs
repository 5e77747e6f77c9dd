using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using UglyToad.PdfPig;
using Workspace.Server.Kernel;
using Workspace.Server.Tests.Infrastructure;
using static Workspace.Server.Tests.Features.Documents.DocumentTestKit;
using static Workspace.Server.Tests.Features.Meetings.MeetingTestKit;

namespace Workspace.Server.Tests.Features.Meetings;

/// <summary>Minutes: one click makes a Markdown document, a print page and a PDF saying the same, in EN or
/// ID.</summary>
public sealed class MinutesTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    private sealed record Setup(TestPartnership P, TestUser Partner, TestUser Viewer, Guid MeetingId, Guid NotesId)
    {
        public string Url(string path) => P.Url($"/meetings/{MeetingId}{path}");
    }

    /// <summary>A single meeting of two organisations with an agenda, a decision, an action item and notes with a
    /// task line; the partner's party has a viewer who is not an attendee.</summary>
    private async Task<Setup> MeetingAsync(string facilitator = "owner")
    {
        var p = await TestPartnership.CreateAsync(factory, "Rina Wijaya", "Dinas Pertanian", _ct);
        var party = await p.Owner.AddPartyAsync(p.Id, "Koperasi Sejahtera", _ct);
        var partner = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, "Budi Santoso", party.Id, ct: _ct);
        var viewer = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Viewer, "Vera Viewer", party.Id, ct: _ct);
        var facilitatorId = facilitator == "owner" ? p.Owner.Id : partner.Id;
        var meeting = await ScheduleAsync(p, p.Owner, Meeting(facilitatorId, recurrence: "None",
            start: "2026-10-27T10:00:00", zone: "Asia/Jakarta", title: "Pilot review",
            attendees: [p.Owner.Id, partner.Id]), _ct);
        var id = meeting.GetProperty("id").GetGuid();
        var url = (string path) => p.Url($"/meetings/{id}{path}");
        // Until items remember their meeting (facilitator mode), the agenda item links it to the meeting.
        var item = await Ok(p.Owner.Http.PostJsonAsync(p.Url("/action-items"), new { title = "Draft the MoU",
            ownerUserId = partner.Id, dueDate = "2026-12-15", status = "Open", version = 0 }, _ct));
        await Ok(p.Owner.Http.PostJsonAsync(url("/agenda"), new { title = "Harvest figures", ownerUserId = partner.Id,
            minutes = 15, link = new { kind = "ActionItem", id = item.GetProperty("id").GetGuid() } }, _ct));
        await Ok(p.Owner.Http.PostJsonAsync(url("/decisions"), new { text = "Start the pilot in Malang",
            why = "Lower cost of transport", partyIds = new[] { p.OwnerPartyId, party.Id } }, _ct));
        var notes = await Ok(partner.Http.PostJsonAsync(url("/notes"), new { }, _ct));
        var notesId = notes.GetProperty("documentId").GetGuid();
        var (hub, session) = await OpenAsync(factory, partner, notesId, _ct);
        session.Insert(0, "## Harvest\nYield rose 12% in Sumberpucung.\n- [ ] Book the warehouse due:2026-11-20\n"
            + string.Concat(Enumerable.Repeat("A long line of notes about prices in Kabupaten Malang. ", 6)) + "\n");
        await SyncedAsync(session, _ct);
        await hub.DisposeAsync();
        return new Setup(p, partner, viewer, id, notesId);
    }

    [Fact]
    public async Task MinutesDocumentHtmlAndPdfSayWhoCameWhatWasDecidedWhoDoesWhatByWhenAndTheNotes()
    {
        var s = await MeetingAsync();
        await EventuallyItemAsync(s, "Book the warehouse");

        var produced = await Ok(s.P.Owner.Http.PostJsonAsync(s.Url("/minutes"), new { language = "en" }, _ct));
        var minutesId = produced.GetProperty("documentId").GetGuid();
        var markdown = await ServerTextAsync(s.Viewer, s.P.Id, minutesId, _ct);
        var html = await s.Viewer.Http.GetAsync(s.Url("/minutes.html"), _ct);
        var page = await new HtmlParser().ParseDocumentAsync(await html.Content.ReadAsStringAsync(_ct));
        var pdf = await s.Viewer.Http.GetByteArrayAsync(s.Url("/minutes.pdf"), _ct);
        var pdfText = PdfText(pdf);

        Assert.Equal(1, produced.GetProperty("generation").GetInt32());
        foreach (var expected in new[]
        {
            "# Minutes: Pilot review", "Tuesday, 27 October 2026, 10:00", "Asia/Jakarta",
            "**Dinas Pertanian** — Present: Rina Wijaya; Absent: _nobody_",
            "**Koperasi Sejahtera** — Present: Budi Santoso; Absent: _nobody_",
            "1. Harvest figures (Budi Santoso) — 15 min", "- **Start the pilot in Malang**",
            "Why: Lower cost of transport", "Agreed by: Dinas Pertanian, Koperasi Sejahtera",
            "| Draft the MoU | Budi Santoso | 2026-12-15 | Open |", "| Book the warehouse | unassigned | 2026-11-20 |",
            "#### Harvest", "Yield rose 12% in Sumberpucung.", "- ☐ Book the warehouse due:2026-11-20",
        })
        {
            Assert.Contains(expected, markdown, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("- [ ]", markdown, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var csp = html.Headers.GetValues("Content-Security-Policy").Single();
        var style = Assert.Single(page.QuerySelectorAll("style"));
        Assert.Contains($"'nonce-{style.GetAttribute("nonce")}'", csp, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("script, [style]"));
        Assert.Contains("@media print", style.TextContent, StringComparison.Ordinal);
        Assert.Equal("Minutes: Pilot review", page.QuerySelector("h1")!.TextContent);
        var rows = page.QuerySelectorAll("#attendance tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Koperasi Sejahtera", StringComparison.Ordinal)
            && r.Contains("Budi Santoso", StringComparison.Ordinal));
        var decision = page.QuerySelector("#decisions .decision")!.TextContent;
        Assert.Contains("Lower cost of transport", decision, StringComparison.Ordinal);
        Assert.Contains("Dinas Pertanian, Koperasi Sejahtera", decision, StringComparison.Ordinal);
        var items = page.QuerySelectorAll("#actions tbody tr")
            .Select(r => string.Join("|", r.QuerySelectorAll("td").Select(c => c.TextContent))).ToList();
        Assert.Contains(items,
            r => r.EndsWith("|Draft the MoU|Budi Santoso|2026-12-15|Open", StringComparison.Ordinal));
        Assert.Equal("Harvest", page.QuerySelector("#notes h4")!.TextContent);

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        using (var document = PdfDocument.Open(pdf))
        {
            // Wrapped lines stay inside the page's margins (A4: 595 pt wide).
            Assert.All(document.GetPages().SelectMany(p => p.GetWords().Select(w => (p.Width, w.BoundingBox))),
                w => Assert.InRange(w.BoundingBox.Right, 40, w.Width - 40));
        }
        foreach (var expected in new[]
        {
            "Minutes: Pilot review", "Present: Budi Santoso", "Start the pilot in Malang",
            "Why: Lower cost of transport", "Draft the MoU", "Owner: Budi Santoso", "Due: 2026-12-15",
            "Yield rose 12% in Sumberpucung.",
        })
        {
            Assert.Contains(expected, pdfText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MinutesInBahasaIndonesiaUseIndonesianWordsEverywhere()
    {
        var s = await MeetingAsync();

        await Ok(s.P.Owner.Http.PostJsonAsync(s.Url("/minutes"), new { language = "id" }, _ct));
        var (_, papers) = await s.Viewer.Http.GetJsonAsync(s.Url("/papers"), _ct);
        var minutesId = papers.GetProperty("minutes").GetProperty("documentId").GetGuid();
        var markdown = await ServerTextAsync(s.Viewer, s.P.Id, minutesId, _ct);
        var html = await s.Viewer.Http.GetStringAsync(s.Url("/minutes.html"), _ct);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        var pdfText = PdfText(await s.Viewer.Http.GetByteArrayAsync(s.Url("/minutes.pdf"), _ct));
        var englishHtml = await s.Viewer.Http.GetStringAsync(s.Url("/minutes.html?language=en"), _ct);

        Assert.Equal("id", papers.GetProperty("minutes").GetProperty("language").GetString());
        foreach (var expected in new[] { "# Risalah rapat: Pilot review", "Selasa, 27 Oktober 2026, 10.00",
            "## Kehadiran", "Hadir: Budi Santoso", "## Keputusan", "Alasan: Lower cost of transport",
            "Disetujui oleh:", "## Tindak lanjut", "| Penanggung jawab | Tenggat |", "Terbuka", "## Notula" })
        {
            Assert.Contains(expected, markdown, StringComparison.Ordinal);
        }
        Assert.Equal("id", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Kehadiran", page.QuerySelector("#attendance h2")!.TextContent);
        Assert.Contains("Risalah rapat: Pilot review", pdfText, StringComparison.Ordinal);
        Assert.Contains("Selasa, 27 Oktober 2026", pdfText, StringComparison.Ordinal);
        Assert.Contains("Tindak lanjut", pdfText, StringComparison.Ordinal);
        Assert.Contains("<h2>Attendance</h2>", englishHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProducingAgainIsANewNamedVersionAndHandEditsAreNeverReplacedSilently()
    {
        var s = await MeetingAsync();
        var first = await Ok(s.P.Owner.Http.PostJsonAsync(s.Url("/minutes"), new { language = "en" }, _ct));
        var minutesId = first.GetProperty("documentId").GetGuid();
        var (hub, session) = await OpenAsync(factory, s.Partner, minutesId, _ct);
        session.Insert(session.Length, "\nAdded by hand.\n");
        await SyncedAsync(session, _ct);
        await Ok(s.P.Owner.Http.PostJsonAsync(s.Url("/decisions"), new { text = "Meet monthly",
            partyIds = Array.Empty<Guid>() }, _ct));

        var (refused, problem) = await s.P.Owner.Http.PostJsonAsync(s.Url("/minutes"), new { language = "en" }, _ct);
        var untouched = await ServerTextAsync(s.P.Owner, s.P.Id, minutesId, _ct);
        var second = await Ok(s.P.Owner.Http.PostJsonAsync(s.Url("/minutes"),
            new { language = "en", replaceEdits = true }, _ct));
        var text = await ServerTextAsync(s.P.Owner, s.P.Id, minutesId, _ct);
        await EventuallyAsync(() => session.Text == text, TimeSpan.FromSeconds(10), "the editor got the new minutes",
            _ct);
        var history = await Ok(s.P.Owner.Http.GetJsonAsync(s.P.Url($"/documents/{minutesId}/history"), _ct));
        var names = history.GetProperty("versions").EnumerateArray()
            .Select(v => v.TryGetProperty("name", out var n) ? n.GetString() : null).OfType<string>().ToList();
        var handRevision = first.GetProperty("generatedRevision").GetInt64() + 1;
        var handText = await Ok(s.P.Owner.Http.GetJsonAsync(s.P.Url($"/documents/{minutesId}/history/{handRevision}"),
            _ct));

        Assert.Equal(HttpStatusCode.Conflict, refused);
        Assert.Equal("minutesEdited", problem.GetProperty("code").GetString());
        Assert.Contains("Added by hand.", untouched, StringComparison.Ordinal);
        Assert.Equal(minutesId, second.GetProperty("documentId").GetGuid());
        Assert.Equal(2, second.GetProperty("generation").GetInt32());
        Assert.Contains("Meet monthly", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Added by hand.", text, StringComparison.Ordinal);
        Assert.Contains("Added by hand.", handText.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Minutes 2", "Minutes 1"], names);
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task OwnersAndTheFacilitatorProduceAndShareOthersAndBadInputChangeNothing()
    {
        var s = await MeetingAsync(facilitator: "partner");
        var editor = await factory.JoinAsync(s.P.Owner, s.P.Id, PartnershipRole.Editor, "Edo Editor", ct: _ct);
        var other = await TestPartnership.CreateAsync(factory, "Stranger", ct: _ct);

        var (shareEarly, earlyProblem) = await s.P.Owner.Http.PostJsonAsync(s.Url("/minutes/share"), new { }, _ct);
        var (viewerMakes, viewerProblem) = await s.Viewer.Http.PostJsonAsync(s.Url("/minutes"),
            new { language = "en" }, _ct);
        var (editorMakes, _) = await editor.Http.PostJsonAsync(s.Url("/minutes"), new { language = "en" }, _ct);
        var (french, frenchProblem) = await s.Partner.Http.PostJsonAsync(s.Url("/minutes"),
            new { language = "fr" }, _ct);
        var (withDate, _) = await s.Partner.Http.PostJsonAsync(s.Url("/minutes"),
            new { language = "en", occurrence = "2026-10-27T10:00:00" }, _ct);
        var (stranger, _) = await other.Owner.Http.PostJsonAsync(s.Url("/minutes"), new { language = "en" }, _ct);
        var (badHtml, htmlProblem) = await s.Viewer.Http.GetJsonAsync(s.Url("/minutes.html?language=de"), _ct);
        var (strangerPdf, _) = await other.Owner.Http.GetJsonAsync(s.Url("/minutes.pdf"), _ct);
        var (_, marked) = await s.P.Owner.Http.GetJsonAsync(s.P.Url("/meeting-documents"), _ct);
        var nothingYet = marked.EnumerateArray().Count(m => m.GetProperty("kind").GetString() == "Minutes");

        var (facilitatorMakes, _) = await s.Partner.Http.PostJsonAsync(s.Url("/minutes"), new { language = "en" },
            _ct);
        var (viewerShares, _) = await s.Viewer.Http.PostJsonAsync(s.Url("/minutes/share"), new { }, _ct);
        var shared = await Ok(s.P.Owner.Http.PostJsonAsync(s.Url("/minutes/share"), new { }, _ct));
        var (_, papers) = await s.Viewer.Http.GetJsonAsync(s.Url("/papers"), _ct);
        var (_, activity) = await s.Partner.Http.GetJsonAsync(s.P.Url("/activity"), _ct);

        Assert.Equal(HttpStatusCode.NotFound, shareEarly);
        Assert.Equal("minutesNotProduced", earlyProblem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, viewerMakes);
        Assert.Equal("facilitatorOnly", viewerProblem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, editorMakes);
        Assert.Equal(HttpStatusCode.BadRequest, french);
        Assert.Equal("unknownLanguage", Code(frenchProblem, "language"));
        Assert.Equal(HttpStatusCode.BadRequest, withDate);
        Assert.Equal(HttpStatusCode.NotFound, stranger);
        Assert.Equal(HttpStatusCode.BadRequest, badHtml);
        Assert.Equal("unknownLanguage", Code(htmlProblem, "language"));
        Assert.Equal(HttpStatusCode.NotFound, strangerPdf);
        Assert.Equal(0, nothingYet);
        Assert.Equal(HttpStatusCode.OK, facilitatorMakes);
        Assert.Equal(HttpStatusCode.Forbidden, viewerShares);
        Assert.NotEqual(JsonValueKind.Null, shared.GetProperty("sharedAt").ValueKind);
        Assert.Equal("Rina Wijaya", papers.GetProperty("minutes").GetProperty("sharedByName").GetString());
        var entry = activity.EnumerateArray().First(a => a.GetProperty("kind").GetString() == "meeting.minutes-shared");
        Assert.Contains("Budi Santoso", entry.GetProperty("args").GetString(), StringComparison.Ordinal);
        Assert.Contains("Rina Wijaya", entry.GetProperty("args").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinutesOfASeriesMeetingListTheActionItemsCapturedInItsRunAndNoOtherOfTheSeries()
    {
        var p = await TestPartnership.CreateAsync(factory, "Rina Wijaya", "Dinas Pertanian", _ct);
        var party = await p.Owner.AddPartyAsync(p.Id, "Koperasi Sejahtera", _ct);
        var partner = await factory.JoinAsync(p.Owner, p.Id, PartnershipRole.Editor, "Budi Santoso", party.Id, ct: _ct);
        var series = (await ScheduleAsync(p, p.Owner, Meeting(p.Owner.Id, attendees: [p.Owner.Id, partner.Id]), _ct))
            .GetProperty("id").GetGuid();
        const string held = "2026-10-20T10:00:00";
        var url = (string path) => p.Url($"/meetings/{series}{path}");
        await Ok(p.Owner.Http.PostJsonAsync(url("/agenda"), new { occurrence = held, title = "Prices", minutes = 10 },
            _ct));
        await Ok(p.Owner.Http.PostJsonAsync(url("/run/start"), new { occurrence = held }, _ct));
        await Ok(p.Owner.Http.PostJsonAsync(url("/run/action-items"), new { occurrence = held,
            title = "Send the price list", ownerUserId = partner.Id, dueDate = "2026-12-01" }, _ct));
        // Named after the series on the board but not captured in this meeting: another meeting's business.
        await Ok(p.Owner.Http.PostJsonAsync(p.Url("/action-items"), new { title = "Renew the lease",
            meetingId = series, status = "Open", version = 0 }, _ct));

        var produced = await Ok(p.Owner.Http.PostJsonAsync(url("/minutes"), new { occurrence = held, language = "en" },
            _ct));
        var markdown = await ServerTextAsync(p.Owner, p.Id, produced.GetProperty("documentId").GetGuid(), _ct);

        Assert.Contains("| Send the price list | Budi Santoso | 2026-12-01 | Open |", markdown,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Renew the lease", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDescribesTheNotesAndMinutesEndpoints()
    {
        var json = await factory.CreateClient().GetStringAsync("/openapi/v1.json", _ct);
        using var doc = JsonDocument.Parse(json);
        var paths = doc.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        foreach (var path in new[] { "papers", "notes", "minutes", "minutes/share", "minutes.html", "minutes.pdf" })
        {
            Assert.Contains($"/api/partnerships/{{partnershipId}}/meetings/{{meetingId}}/{path}", paths);
        }
        Assert.Contains("/api/partnerships/{partnershipId}/meeting-documents", paths);
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(page => string.Join(" ", page.GetWords()
            .Select(w => w.Text))));
    }

    private Task EventuallyItemAsync(Setup s, string title) =>
        Eventually.TrueAsync(
            async () =>
            {
                var (_, items) = await s.P.Owner.Http.GetJsonAsync(s.P.Url("/action-items"), _ct);
                return items.EnumerateArray().Any(i => i.GetProperty("title").GetString() == title);
            },
            _ct,
            10_000,
            $"an item “{title}” from the notes");

    private static async Task<JsonElement> Ok(Task<(HttpStatusCode Status, JsonElement Body)> call)
    {
        var (status, body) = await call;
        Assert.True(status == HttpStatusCode.OK, $"{(int)status}: {body}");
        return body;
    }
}
