using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Errors;
using Workspace.Server.Features.ActionItems;
using Workspace.Server.Features.Documents;
using Workspace.Server.Features.Goals;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Meetings;

public sealed partial class MeetingsGrain
{
    private static FieldError? ValidateMeeting(MeetingInput input, IReadOnlyList<MemberView> members)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > MeetingLimits.TitleMax)
        {
            return Problems.Length("title", title, MeetingLimits.TitleMax,
                "A meeting needs a title of 1 to 200 characters.");
        }
        if (!MeetingCalendar.IsIanaZone(input.TimeZone))
        {
            return new FieldError("timeZone", ErrorCodes.UnknownTimeZone, "The time zone must be an IANA name.", null);
        }
        if (input.Start.Year is < 2000 or > 2100 || input.Until is { Year: < 2000 or > 2100 })
        {
            return new FieldError(input.Start.Year is < 2000 or > 2100 ? "start" : "until",
                ErrorCodes.DateOutOfRange, "Dates must be between 2000 and 2100.",
                Problems.Args(("min", "2000-01-01"), ("max", "2100-12-31")));
        }
        if (!MeetingCalendar.IsValidLocal(input.Start, input.TimeZone))
        {
            return new FieldError("start", ErrorCodes.TimeSkipped,
                "That time does not exist on that day in this time zone.", null);
        }
        if (input.DurationMinutes is < MeetingLimits.DurationMinutesMin or > MeetingLimits.DurationMinutesMax)
        {
            return new FieldError("durationMinutes", ErrorCodes.OutOfRange, "A meeting lasts 5 to 1440 minutes.",
                Problems.Args(("min", MeetingLimits.DurationMinutesMin), ("max", MeetingLimits.DurationMinutesMax)));
        }
        if ((input.Location?.Length ?? 0) > MeetingLimits.LocationMax)
        {
            return new FieldError("location", ErrorCodes.TooLong, "The place or link is limited to 500 characters.",
                Problems.Args(("max", MeetingLimits.LocationMax)));
        }
        if (!Enum.IsDefined(input.Recurrence))
        {
            return new FieldError("recurrence", ErrorCodes.UnknownOption, "Unknown recurrence.", null);
        }
        if (members.All(m => m.UserId != input.FacilitatorUserId))
        {
            return new FieldError("facilitatorUserId", ErrorCodes.NotAMember, "The facilitator must be a member.",
                null);
        }
        if ((input.AttendeeUserIds ?? []).Any(a => members.All(m => m.UserId != a))
            || input.AttendeeUserIds?.Count > 200)
        {
            return new FieldError("attendeeUserIds", ErrorCodes.NotAMember, "Every attendee must be a member.", null);
        }
        return null;
    }

    /// <summary>Null when the occurrence names a meeting of this meeting (a series needs one, a single meeting
    /// none).</summary>
    private FieldError? ValidateOccurrence(Meeting meeting, DateTime? occurrence)
    {
        var ok = meeting.Recurrence == MeetingRecurrence.None
            ? occurrence is null
            : occurrence is { } o && MeetingCalendar.IsOccurrence(View(meeting), o);
        return ok ? null : new FieldError("occurrence", ErrorCodes.UnknownOccurrence,
            "Name one occurrence of the series (its original start); a single meeting takes none.", null);
    }

    /// <summary>Every linked id must exist in this partnership (never trusted from the body).</summary>
    private async Task<FieldError?> ValidateLinksAsync(IEnumerable<MeetingLink> links, string field)
    {
        var list = links.ToList();
        if (list.Count > MeetingLimits.LinksMax)
        {
            return new FieldError(field, ErrorCodes.TooLong, "At most 20 links.",
                Problems.Args(("max", MeetingLimits.LinksMax)));
        }
        GoalsBoard? board = null;
        IReadOnlyList<ActionItemView>? items = null;
        foreach (var link in list)
        {
            var exists = link.Kind switch
            {
                MeetingLinkKind.Goal => (board ??= await Goals().GetBoardAsync())
                    .Goals.Any(g => g.Id == link.Id),
                MeetingLinkKind.Kpi => (board ??= await Goals().GetBoardAsync())
                    .Kpis.Any(k => k.Id == link.Id),
                MeetingLinkKind.ActionItem => (items ??= await GrainFactory.GetGrain<IActionItemsGrain>(PartnershipId)
                    .GetAllAsync()).Any(i => i.Id == link.Id),
                MeetingLinkKind.Document => await DocumentExistsAsync(link.Id),
                _ => false,
            };
            if (!exists)
            {
                return new FieldError(field, ErrorCodes.UnknownLink,
                    "The linked item does not exist in this partnership.",
                    Problems.Args(("kind", link.Kind)));
            }
        }
        return null;
    }

    private Task<FieldError?> ValidateKpisAsync(MeetingInput input) =>
        input.KpiIds is { Count: > 0 } kpis
            ? ValidateLinksAsync(kpis.Select(id => new MeetingLink(MeetingLinkKind.Kpi, id)), "kpiIds")
            : Task.FromResult<FieldError?>(null);

    private IGoalsGrain Goals() => GrainFactory.GetGrain<IGoalsGrain>(PartnershipId);

    private async Task<bool> DocumentExistsAsync(Guid documentId)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var partnershipId = PartnershipId;
        return await db.Set<Document>().AnyAsync(d => d.Id == documentId && d.PartnershipId == partnershipId
            && d.DeletedAt == null);
    }
}
