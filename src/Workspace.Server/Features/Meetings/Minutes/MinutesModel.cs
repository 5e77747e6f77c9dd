using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Meetings.Minutes;

/// <summary>Everything the minutes say, in one language; rendered as Markdown, HTML and PDF alike.</summary>
public sealed record MinutesModel(
    MinutesLabels Labels,
    string PartnershipName,
    string Title,
    DateTime StartLocal,
    string TimeZone,
    int DurationMinutes,
    string Location,
    string FacilitatorName,
    IReadOnlyList<PartyAttendance> Attendance,
    IReadOnlyList<MinutesAgendaItem> Agenda,
    IReadOnlyList<MinutesDecision> Decisions,
    IReadOnlyList<MinutesActionItem> ActionItems,
    string Notes);

public sealed record PartyAttendance(string Party, IReadOnlyList<string> Present, IReadOnlyList<string> Absent);

public sealed record MinutesAgendaItem(string Title, string? Owner, int Minutes);

public sealed record MinutesDecision(string Text, string Why, IReadOnlyList<string> Parties, bool Superseded);

public sealed record MinutesActionItem(int Number, string Title, string? Owner, DateOnly? Due, string Status);

/// <summary>Who was there, per party.</summary>
public static class MinutesAttendance
{
    /// <summary>
    /// Present and absent people of each party: <paramref name="present"/> are those who attended, the rest of
    /// <paramref name="invited"/> were absent. Until attendance is taken in the meeting, the meeting's attendees
    /// are passed as present. A party with nobody invited is still listed, so the minutes show it was not there.
    /// </summary>
    public static IReadOnlyList<PartyAttendance> Of(
        IReadOnlyList<PartyView> parties, IReadOnlyList<MemberView> members, IReadOnlyCollection<string> invited,
        IReadOnlyCollection<string> present)
    {
        return parties.Select(party =>
        {
            var ofParty = members.Where(m => m.PartyId == party.Id).ToList();
            var here = ofParty.Where(m => present.Contains(m.UserId)).Select(m => m.DisplayName).Order().ToList();
            var away = ofParty.Where(m => invited.Contains(m.UserId) && !present.Contains(m.UserId))
                .Select(m => m.DisplayName).Order().ToList();
            return new PartyAttendance(party.Name, here, away);
        }).ToList();
    }
}
