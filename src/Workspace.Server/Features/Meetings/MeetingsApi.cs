using System.Globalization;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// Meetings, agendas and decisions. Viewers read; commenters add agenda items; editors schedule and record decisions;
/// owners and the meeting's facilitator move, change and cancel it (checked by the grain, which knows the facilitator).
/// An occurrence of a series is named by its original wall-clock start, <c>yyyyMMddTHHmmss</c>.
/// </summary>
public static class MeetingsApi
{
    public const string OccurrenceFormat = "yyyyMMdd'T'HHmmss";

    public static void MapMeetings(this WebApplication app)
    {
        var group = app.MapGroup("/api/partnerships/{partnershipId:guid}").WithTags("Meetings").RequireAuthorization();
        group.MapGet("/meetings", ListAsync).RequireMember();
        group.MapGet("/meetings/{meetingId:guid}",
            async (Guid partnershipId, Guid meetingId, IGrainFactory grains) =>
                await Grain(grains, partnershipId).GetMeetingAsync(meetingId) is { } m
                    ? Results.Ok(m)
                    : Problems.NotFound(ErrorCodes.UnknownMeeting, "This meeting does not exist."))
            .RequireMember();
        group.MapGet("/meetings/{meetingId:guid}/agenda",
            async (Guid partnershipId, Guid meetingId, string? occurrence, IGrainFactory grains) =>
                ParseOccurrence(occurrence, out var at) is { } bad
                    ? bad
                    : (await Grain(grains, partnershipId).GetAgendaAsync(meetingId, at)).ToHttp())
            .RequireMember();
        group.MapGet("/decisions", DecisionsAsync).RequireMember();
        group.MapMeetingPlan();

        var viewer = group.MapGroup("").RequireMember().ValidateRequests();
        viewer.MapPut("/meetings/{meetingId:guid}",
            async (Guid partnershipId, Guid meetingId, MeetingInput input, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId)
                    .UpdateAsync(Actor(http), http.Member().Role, meetingId, input)).ToHttp());
        viewer.MapPost("/meetings/{meetingId:guid}/cancel",
            async (Guid partnershipId, Guid meetingId, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId).CancelAsync(Actor(http), http.Member().Role, meetingId)).ToHttp());
        viewer.MapPost("/meetings/{meetingId:guid}/occurrences/{occurrence}/move",
            (Guid partnershipId, Guid meetingId, string occurrence, MoveOccurrenceInput input, HttpContext http,
                IGrainFactory grains) =>
                OnOccurrenceAsync(occurrence, at => Grain(grains, partnershipId).MoveOccurrenceAsync(Actor(http),
                    http.Member().Role, meetingId, at, DateTime.SpecifyKind(input.Start, DateTimeKind.Unspecified))));
        viewer.MapPost("/meetings/{meetingId:guid}/occurrences/{occurrence}/cancel",
            (Guid partnershipId, Guid meetingId, string occurrence, HttpContext http, IGrainFactory grains) =>
                OnOccurrenceAsync(occurrence, at => Grain(grains, partnershipId)
                    .CancelOccurrenceAsync(Actor(http), http.Member().Role, meetingId, at)));

        var commenter = group.MapGroup("").RequireMember(PartnershipRole.Commenter).ValidateRequests();
        commenter.MapPost("/meetings/{meetingId:guid}/agenda",
            async (Guid partnershipId, Guid meetingId, AgendaItemInput input, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId).AddAgendaItemAsync(Actor(http), meetingId, input)).ToHttp());
        commenter.MapPost("/meetings/{meetingId:guid}/agenda/order",
            async (Guid partnershipId, Guid meetingId, AgendaOrderInput input, HttpContext http,
                IGrainFactory grains) =>
                (await Grain(grains, partnershipId).ReorderAgendaAsync(Actor(http), meetingId, input)).ToHttp());
        commenter.MapDelete("/meetings/{meetingId:guid}/agenda/{itemId:guid}",
            async (Guid partnershipId, Guid meetingId, Guid itemId, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId)
                    .RemoveAgendaItemAsync(Actor(http), http.Member().Role, meetingId, itemId)).ToHttp());

        var editor = group.MapGroup("").RequireMember(PartnershipRole.Editor).ValidateRequests();
        editor.MapPost("/meetings",
            async (Guid partnershipId, MeetingInput input, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId).ScheduleAsync(Actor(http), input)).ToHttp());
        editor.MapPost("/meetings/{meetingId:guid}/decisions",
            async (Guid partnershipId, Guid meetingId, DecisionInput input, HttpContext http, IGrainFactory grains) =>
                (await Grain(grains, partnershipId).DecideAsync(Actor(http), meetingId, input)).ToHttp());
        editor.MapPost("/decisions/{decisionId:guid}/revisions",
            async (Guid partnershipId, Guid decisionId, DecisionRevisionInput input, HttpContext http,
                IGrainFactory grains) =>
                (await Grain(grains, partnershipId).ReviseDecisionAsync(Actor(http), decisionId, input)).ToHttp());

        group.MapMeetingRun();
        app.MapCalendarFiles(group);
        group.MapMeetingPapers();
    }

    /// <summary>Occurrences starting in [from, to) (default: from a day ago, 90 days ahead; at most 400
    /// days).</summary>
    private static async Task<IResult> ListAsync(
        Guid partnershipId, DateTimeOffset? from, DateTimeOffset? to, IGrainFactory grains, TimeProvider clock)
    {
        var start = from ?? clock.GetUtcNow().AddDays(-1);
        var end = to ?? start.AddDays(91);
        if (end <= start || end - start > TimeSpan.FromDays(MeetingLimits.WindowDaysMax))
        {
            return Problems.Invalid("to", ErrorCodes.OutOfRange, "The window runs forward, at most 400 days.",
                ("min", 1), ("max", MeetingLimits.WindowDaysMax));
        }
        var meetings = await Grain(grains, partnershipId).GetMeetingsAsync();
        return TypedResults.Ok(meetings.SelectMany(m => MeetingCalendar.Expand(m, start, end))
            .OrderBy(o => o.StartUtc).Take(MeetingCalendar.MaxOccurrences).ToList());
    }

    /// <summary>All decisions, or one meeting's; a meeting not of this partnership is refused, not an empty
    /// list, so a client cannot mistake a wrong id for a meeting without decisions.</summary>
    private static async Task<IResult> DecisionsAsync(Guid partnershipId, Guid? meetingId, IGrainFactory grains)
    {
        var grain = Grain(grains, partnershipId);
        if (meetingId is { } id && await grain.GetMeetingAsync(id) is null)
        {
            return Problems.Invalid("meetingId", ErrorCodes.UnknownMeeting,
                "The meeting must be one of this partnership's meetings.");
        }
        return TypedResults.Ok(await grain.GetDecisionsAsync(meetingId));
    }

    /// <summary>Null (and the occurrence, or null when none was given) or a 400 for a malformed one.</summary>
    internal static IResult? ParseOccurrence(string? text, out DateTime? occurrence)
    {
        occurrence = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateTime.TryParseExact(text, OccurrenceFormat, CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var at))
        {
            occurrence = at;
            return null;
        }
        return Problems.Invalid("occurrence", ErrorCodes.UnknownOccurrence,
            "An occurrence is written yyyyMMddTHHmmss.");
    }

    private static async Task<IResult> OnOccurrenceAsync(string occurrence, Func<DateTime,
        Task<Outcome<MeetingView>>> act)
    {
        if (ParseOccurrence(occurrence, out var at) is { } bad)
        {
            return bad;
        }
        return at is { } when
            ? (await act(when)).ToHttp()
            : Problems.Invalid("occurrence", ErrorCodes.UnknownOccurrence, "Name the occurrence of the series.");
    }

    internal static IMeetingsGrain Grain(IGrainFactory grains,
        Guid partnershipId) => grains.GetGrain<IMeetingsGrain>(partnershipId);

    private static Actor Actor(HttpContext http) => PartnershipAccess.ActorOf(http.User, http.Member());
}
