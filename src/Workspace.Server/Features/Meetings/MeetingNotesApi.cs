using Workspace.Collaboration.Errors;
using Workspace.Server.Features.Meetings.Minutes;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings;

/// <summary>
/// A meeting's live notes and its minutes. Notes and minutes are partnership documents (read and co-edited through
/// the documents API and hub); here: which document serves a meeting, starting the notes (editors), producing and
/// sharing the minutes (owners and the facilitator), and the minutes as print-ready HTML and as PDF (any member).
/// </summary>
public static class MeetingNotesApi
{
    public static void MapMeetingPapers(this IEndpointRouteBuilder group)
    {
        group.MapGet("/meetings/{meetingId:guid}/papers", async (Guid partnershipId, Guid meetingId,
            string? occurrence, IGrainFactory grains) =>
            MeetingsApi.ParseOccurrence(occurrence, out var at) is { } bad ? bad
                : (await Papers(grains, partnershipId).GetAsync(meetingId, at)).ToHttp()).RequireMember();
        group.MapGet("/meeting-documents", async (Guid partnershipId, IGrainFactory grains) =>
            TypedResults.Ok(await Papers(grains, partnershipId).ListAsync())).RequireMember();
        group.MapGet("/meetings/{meetingId:guid}/minutes.html", MinutesHtmlAsync).RequireMember()
            .Produces<string>(StatusCodes.Status200OK, "text/html");
        group.MapGet("/meetings/{meetingId:guid}/minutes.pdf", MinutesPdfAsync).RequireMember()
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf");

        var editor = group.MapGroup("").RequireMember(PartnershipRole.Editor).ValidateRequests();
        editor.MapPost("/meetings/{meetingId:guid}/notes", async (Guid partnershipId, Guid meetingId,
            MeetingNotesInput input, HttpContext http, IGrainFactory grains) =>
            (await Papers(grains, partnershipId).StartNotesAsync(Actor(http), meetingId, Wall(input.Occurrence)))
                .ToHttp());

        // Any member may ask; the grain lets owners and the meeting's facilitator through.
        var manager = group.MapGroup("").RequireMember().ValidateRequests();
        manager.MapPost("/meetings/{meetingId:guid}/minutes", async (Guid partnershipId, Guid meetingId,
            ProduceMinutesInput input, HttpContext http, IGrainFactory grains) =>
            (await Papers(grains, partnershipId).ProduceMinutesAsync(Actor(http), http.Member().Role, meetingId,
                input with { Occurrence = Wall(input.Occurrence) })).ToHttp());
        manager.MapPost("/meetings/{meetingId:guid}/minutes/share", async (Guid partnershipId, Guid meetingId,
            MeetingNotesInput input, HttpContext http, IGrainFactory grains) =>
            (await Papers(grains, partnershipId).ShareMinutesAsync(Actor(http), http.Member().Role, meetingId,
                Wall(input.Occurrence))).ToHttp());
    }

    /// <summary>The minutes as a page to print; <c>language</c> defaults to that of the produced minutes.</summary>
    private static async Task<IResult> MinutesHtmlAsync(Guid partnershipId, Guid meetingId, string? occurrence,
        string? language, HttpContext http, IGrainFactory grains, MarkdownRenderer markdown)
    {
        var (model, problem) = await ModelAsync(partnershipId, meetingId, occurrence, language, grains);
        return problem ?? Results.Content(SecurityHeaders.WithStyleNonce(http, MinutesHtml.Render(model!, markdown)),
            "text/html; charset=utf-8");
    }

    private static async Task<IResult> MinutesPdfAsync(Guid partnershipId, Guid meetingId, string? occurrence,
        string? language, IGrainFactory grains)
    {
        var (model, problem) = await ModelAsync(partnershipId, meetingId, occurrence, language, grains);
        if (problem is not null)
        {
            return problem;
        }
        var date = model!.StartLocal.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Results.File(MinutesPdf.Render(model), "application/pdf",
            $"{(model.Labels.Language == "id" ? "risalah" : "minutes")}-{date}.pdf");
    }

    private static async Task<(MinutesModel? Model, IResult? Problem)> ModelAsync(Guid partnershipId,
        Guid meetingId, string? occurrence, string? language, IGrainFactory grains)
    {
        if (MeetingsApi.ParseOccurrence(occurrence, out var at) is { } bad)
        {
            return (null, bad);
        }
        var papers = await Papers(grains, partnershipId).GetAsync(meetingId, at);
        if (papers.Kind != OutcomeKind.Ok)
        {
            return (null, papers.ToHttp());
        }
        var labels = MinutesLabels.Of(language ?? papers.Value!.Minutes?.Language ?? "en");
        if (labels is null)
        {
            return (null, Problems.Invalid("language", ErrorCodes.UnknownLanguage,
                "The minutes are written in English (en) or Bahasa Indonesia (id)."));
        }
        var model = await new MinutesSource(grains).CollectAsync(partnershipId, meetingId, at, labels,
            papers.Value!.Notes?.DocumentId);
        return (model, null);
    }

    private static DateTime? Wall(DateTime? at) =>
        at is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Unspecified) : null;

    private static IMeetingPapersGrain Papers(IGrainFactory grains, Guid partnershipId) =>
        grains.GetGrain<IMeetingPapersGrain>(partnershipId);

    private static Actor Actor(HttpContext http) => PartnershipAccess.ActorOf(http.User, http.Member());
}
