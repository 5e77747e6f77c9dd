namespace Workspace.Server.Features.Meetings;

/// <summary>The meetings' limits, used by the request contracts, the EF model and the grain alike.</summary>
public static class MeetingLimits
{
    public const int TitleMax = 200;

    /// <summary>The place or the link of a meeting.</summary>
    public const int LocationMax = 500;

    /// <summary>An IANA time zone name.</summary>
    public const int TimeZoneMax = 64;

    public const int DurationMinutesMin = 5;

    public const int DurationMinutesMax = 1440;

    public const int AgendaTitleMax = 300;

    public const int AgendaMinutesMax = 480;

    public const int DecisionTextMax = 2000;

    /// <summary>Why a decision was taken.</summary>
    public const int DecisionWhyMax = 4000;

    /// <summary>Why a decision changes.</summary>
    public const int ReasonMax = 1000;

    /// <summary>Links of an agenda item or a decision to goals, KPIs, action items or documents.</summary>
    public const int LinksMax = 20;

    /// <summary>The text searched for in the decision log.</summary>
    public const int SearchMax = 200;

    /// <summary>How many days one request may list meetings for.</summary>
    public const int WindowDaysMax = 400;

    /// <summary>A member's user id, as the attendees, the facilitator and owners name it.</summary>
    public const int UserIdMax = 64;

    /// <summary>The name of who changed it last, copied from the member.</summary>
    public const int NameMax = 100;
}
