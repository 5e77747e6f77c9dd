using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Meetings.Minutes;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings;

public sealed partial class MeetingPapersGrain
{
    /// <summary>
    /// Writes the minutes into the meeting's minutes document: the first time a new document, later a new version of
    /// it (one ordinary edit, named in its history). Edits made to the minutes by hand are never replaced silently:
    /// the caller must say so, and they stay in the version history.
    /// </summary>
    public async Task<Outcome<MeetingDocumentView>> ProduceMinutesAsync(
        Actor actor, PartnershipRole role, Guid meetingId, ProduceMinutesInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (meeting, refused) = await CheckAsync<MeetingDocumentView>(meetingId, input.Occurrence);
        refused ??= Manages(actor, role, meeting);
        if (refused is not null)
        {
            return refused;
        }
        if (MinutesLabels.Of(input.Language) is not { } labels)
        {
            return Outcome<MeetingDocumentView>.Invalid("language", ErrorCodes.UnknownLanguage,
                "The minutes are written in English (en) or Bahasa Indonesia (id).");
        }
        var notes = Find(meetingId, input.Occurrence, MeetingDocumentKind.Notes)?.DocumentId;
        var model = await Source.CollectAsync(PartnershipId, meetingId, input.Occurrence, labels, notes);
        var text = MinutesMarkdown.Render(model!);
        var title = $"{labels.Minutes}: {Shorten(meeting!.Title)} · "
            + MinutesSource.StartOf(meeting, input.Occurrence).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var current = Find(meetingId, input.Occurrence, MeetingDocumentKind.Minutes);
        var info = current is null ? null
            : await GrainFactory.GetGrain<IDocumentGrain>(current.DocumentId).GetInfoAsync();
        MeetingDocument row;
        if (current is null || info is not { Deleted: false })
        {
            row = await CreateDocumentAsync(actor, meetingId, input.Occurrence, MeetingDocumentKind.Minutes, title,
                text);
        }
        else if (info.Revision != current.GeneratedRevision && !input.ReplaceEdits)
        {
            return Outcome<MeetingDocumentView>.Conflict(View(current), new Refusal(StatusCodes.Status409Conflict,
                ErrorCodes.MinutesEdited, "The minutes were edited since they were produced; confirm to replace those "
                + "edits.", Field: "replaceEdits"));
        }
        else
        {
            row = await RegenerateAsync(actor, current, title, text);
        }
        row.Language = labels.Language;
        await feed.SaveAsync(PartnershipId, db =>
        {
            db.Update(row);
            NameVersion(db, row, labels, actor);
        }, actor, "meeting.minutes-produced", $"produced the minutes of “{meeting.Title}”",
            new { title = meeting.Title, documentId = row.DocumentId, generation = row.Generation },
            new Notice(PartnershipId, actor, [.. meeting.AttendeeUserIds, meeting.FacilitatorUserId],
                "meeting.minutes", new { title = meeting.Title }, $"/p/{PartnershipId}/docs/{row.DocumentId}"));
        await feed.PublishAsync(PartnershipId, "meeting.papers", View(row));
        return Outcome<MeetingDocumentView>.Ok(View(row));
    }

    private async Task<MeetingDocument> RegenerateAsync(Actor actor, MeetingDocument current, string title, string text)
    {
        var document = GrainFactory.GetGrain<IDocumentGrain>(current.DocumentId);
        var revision = (await document.RestoreAsync(text, actor)).OrRaise();
        if ((await document.GetInfoAsync())?.Title != title)
        {
            (await document.RenameAsync(title, actor)).OrRaise();
        }
        current.GeneratedRevision = revision;
        current.Generation++;
        return current;
    }

    /// <summary>The produced text is a named version ("Minutes 2"), so the history shows what each run wrote.</summary>
    private void NameVersion(Data.WorkspaceDb db, MeetingDocument row, MinutesLabels labels, Actor actor)
    {
        if (row.GeneratedRevision <= 0)
        {
            return;
        }
        var name = db.Set<DocumentVersionName>().Find(row.DocumentId, row.GeneratedRevision)
            ?? db.Add(new DocumentVersionName { DocumentId = row.DocumentId, Revision = row.GeneratedRevision }).Entity;
        name.Name = $"{labels.Minutes} {row.Generation}";
        name.NamedBy = actor.UserId;
        name.At = clock.GetUtcNow();
    }

    /// <summary>Every attendee gets the minutes: linked from the meeting for all of them, and an activity entry that
    /// names them (e-mail is not sent yet).</summary>
    public async Task<Outcome<MeetingDocumentView>> ShareMinutesAsync(
        Actor actor, PartnershipRole role, Guid meetingId, DateTime? occurrence)
    {
        var (meeting, refused) = await CheckAsync<MeetingDocumentView>(meetingId, occurrence);
        refused ??= Manages(actor, role, meeting);
        if (refused is not null)
        {
            return refused;
        }
        if (Find(meetingId, occurrence, MeetingDocumentKind.Minutes) is not { } row || !await IsLiveAsync(row))
        {
            return Outcome<MeetingDocumentView>.NotFound(ErrorCodes.MinutesNotProduced,
                "Produce the minutes before sharing them.");
        }
        var members = (await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync())?.Members ?? [];
        var attendees = members.Where(m => meeting!.AttendeeUserIds.Contains(m.UserId)).Select(m => m.DisplayName)
            .Order().ToList();
        row.SharedAt = clock.GetUtcNow();
        row.SharedByName = actor.DisplayName;
        await feed.SaveAsync(PartnershipId, db => db.Update(row), actor, "meeting.minutes-shared",
            $"shared the minutes of “{meeting!.Title}” with {string.Join(", ", attendees)}",
            new { title = meeting.Title, documentId = row.DocumentId, attendees = string.Join(", ", attendees) });
        await feed.PublishAsync(PartnershipId, "meeting.papers", View(row));
        log.LogInformation("Minutes {DocumentId} shared with {Count} attendees.", row.DocumentId, attendees.Count);
        return Outcome<MeetingDocumentView>.Ok(View(row));
    }

    /// <summary>Owners and the meeting's facilitator produce and share its minutes.</summary>
    private static Outcome<MeetingDocumentView>? Manages(Actor actor, PartnershipRole role, MeetingView? meeting) =>
        meeting is null || role == PartnershipRole.Owner || meeting.FacilitatorUserId == actor.UserId ? null
            : Outcome<MeetingDocumentView>.Forbidden(ErrorCodes.FacilitatorOnly,
                "Only the facilitator or an owner can produce and share the minutes.");
}
