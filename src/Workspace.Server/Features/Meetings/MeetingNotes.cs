using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Meetings.Minutes;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// A partnership's meeting notes and minutes (keyed by partnership id). Each is an ordinary partnership document
/// (co-edited through <see cref="IDocumentGrain"/> and the document hub like any plan); this grain only decides which
/// document serves which meeting. One activation per partnership orders every request, so two people opening a
/// meeting's notes at once get the same document.
/// </summary>
public interface IMeetingPapersGrain : IGrainWithGuidKey
{
    Task<Outcome<MeetingPapersView>> GetAsync(Guid meetingId, DateTime? occurrence);

    Task<IReadOnlyList<MeetingDocumentView>> ListAsync();

    /// <summary>The meeting's notes document, made on the first call and the same one on every later call.</summary>
    Task<Outcome<MeetingDocumentView>> StartNotesAsync(Actor actor, Guid meetingId, DateTime? occurrence);

    Task<Outcome<MeetingDocumentView>> ProduceMinutesAsync(
        Actor actor, PartnershipRole role, Guid meetingId, ProduceMinutesInput input);

    Task<Outcome<MeetingDocumentView>> ShareMinutesAsync(
        Actor actor, PartnershipRole role, Guid meetingId, DateTime? occurrence);
}

public sealed partial class MeetingPapersGrain(
    IDbContextFactory<WorkspaceDb> dbs, PartnershipFeed feed, TimeProvider clock,
    ILogger<MeetingPapersGrain> log) : Grain, IMeetingPapersGrain
{
    private const string WallClock = "yyyy-MM-dd'T'HH:mm:ss";
    private readonly Dictionary<(Guid Meeting, string Occurrence, MeetingDocumentKind Kind), MeetingDocument>
        _papers = [];

    private Guid PartnershipId => this.GetPrimaryKey();

    private MinutesSource Source => new(GrainFactory);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var id = PartnershipId;
        foreach (var row in await db.Set<MeetingDocument>().AsNoTracking().Where(d => d.PartnershipId == id)
            .ToListAsync(cancellationToken))
        {
            _papers[(row.MeetingId, row.Occurrence, row.Kind)] = row;
        }
    }

    public async Task<Outcome<MeetingPapersView>> GetAsync(Guid meetingId, DateTime? occurrence)
    {
        if (await CheckAsync<MeetingPapersView>(meetingId, occurrence) is { Refusal: { } refused })
        {
            return refused;
        }
        return Outcome<MeetingPapersView>.Ok(new MeetingPapersView(
            Find(meetingId, occurrence, MeetingDocumentKind.Notes) is { } n ? View(n) : null,
            Find(meetingId, occurrence, MeetingDocumentKind.Minutes) is { } m ? View(m) : null));
    }

    public Task<IReadOnlyList<MeetingDocumentView>> ListAsync() =>
        Task.FromResult<IReadOnlyList<MeetingDocumentView>>(_papers.Values.Select(View).ToList());

    public async Task<Outcome<MeetingDocumentView>> StartNotesAsync(Actor actor, Guid meetingId, DateTime? occurrence)
    {
        var (meeting, refused) = await CheckAsync<MeetingDocumentView>(meetingId, occurrence);
        if (refused is not null)
        {
            return refused;
        }
        if (Find(meetingId, occurrence, MeetingDocumentKind.Notes) is { } existing && await IsLiveAsync(existing))
        {
            return Outcome<MeetingDocumentView>.Ok(View(existing));
        }
        var start = MinutesSource.StartOf(meeting!, occurrence);
        var title = $"{Shorten(meeting!.Title)} · {start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var row = await CreateDocumentAsync(actor, meetingId, occurrence, MeetingDocumentKind.Notes, title, null);
        await feed.SaveAsync(PartnershipId, _ => { }, actor, "meeting.notes-started",
            $"started the notes of “{meeting.Title}”", new { title = meeting.Title, documentId = row.DocumentId });
        await feed.PublishAsync(PartnershipId, "meeting.papers", View(row));
        return Outcome<MeetingDocumentView>.Ok(View(row));
    }

    /// <summary>
    /// A new document of the partnership (not of a person) for the meeting, with <paramref name="text"/> as its first
    /// edit, and the row that ties it to the meeting. A deleted one is replaced by the new one.
    /// </summary>
    private async Task<MeetingDocument> CreateDocumentAsync(
        Actor actor, Guid meetingId, DateTime? occurrence, MeetingDocumentKind kind, string title, string? text)
    {
        var documentId = Guid.NewGuid();
        var document = GrainFactory.GetGrain<IDocumentGrain>(documentId);
        (await document.CreateAsync(PartnershipId, title, actor)).OrRaise();
        var revision = text is null ? 0 : (await document.RestoreAsync(text, actor)).OrRaise();
        var key = (meetingId, OccurrenceKey(occurrence), kind);
        var replaced = _papers.GetValueOrDefault(key);
        var row = new MeetingDocument
        {
            DocumentId = documentId, PartnershipId = PartnershipId, MeetingId = meetingId, Occurrence = key.Item2,
            Kind = kind, CreatedAt = clock.GetUtcNow(), GeneratedRevision = revision, Generation = text is null ? 0 : 1,
        };
        await using var db = await dbs.CreateDbContextAsync();
        if (replaced is not null)
        {
            db.Remove(replaced);
        }
        db.Add(row);
        await db.SaveChangesAsync();
        _papers[key] = row;
        return row;
    }

    private async Task<bool> IsLiveAsync(MeetingDocument row) =>
        await GrainFactory.GetGrain<IDocumentGrain>(row.DocumentId).GetInfoAsync() is { Deleted: false };

    /// <summary>The meeting, or why the request is refused: it is not one of this partnership's, or the occurrence
    /// is not one of the series (a single meeting takes none).</summary>
    private async Task<(MeetingView? Meeting, Outcome<T>? Refusal)> CheckAsync<T>(Guid meetingId, DateTime? occurrence)
    {
        if (await GrainFactory.GetGrain<IMeetingsGrain>(PartnershipId).GetMeetingAsync(meetingId) is not { } meeting)
        {
            return (null, Outcome<T>.NotFound(ErrorCodes.UnknownMeeting, "This meeting does not exist."));
        }
        var ok = meeting.Recurrence == MeetingRecurrence.None
            ? occurrence is null
            : occurrence is { } o && MeetingCalendar.IsOccurrence(meeting, o);
        return ok ? (meeting, null) : (meeting, Outcome<T>.Invalid("occurrence", ErrorCodes.UnknownOccurrence,
            "Name one occurrence of the series (its original start); a single meeting takes none."));
    }

    private MeetingDocument? Find(Guid meetingId, DateTime? occurrence, MeetingDocumentKind kind) =>
        _papers.GetValueOrDefault((meetingId, OccurrenceKey(occurrence), kind));

    private static string OccurrenceKey(DateTime? occurrence) =>
        occurrence?.ToString(WallClock, CultureInfo.InvariantCulture) ?? "";

    private static string Shorten(string title) => title.Length <= 150 ? title : title[..150];

    private static MeetingDocumentView View(MeetingDocument d) => new(
        d.DocumentId, d.MeetingId,
        d.Occurrence.Length == 0 ? null : DateTime.ParseExact(d.Occurrence, WallClock, CultureInfo.InvariantCulture),
        d.Kind, d.GeneratedRevision, d.Generation, d.Language, d.SharedAt, d.SharedByName);
}
