using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Documents;

public sealed record CreateDocumentRequest([property: Required, MaxLength(DocumentLimits.TitleMax)] string Title);

public sealed record RenameDocumentRequest([property: Required, MaxLength(DocumentLimits.TitleMax)] string Title);


public sealed record PreviewResponse(string Html);

public sealed record DocumentSummary(Guid Id, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A document with its current text (for reading without a live connection).</summary>
public sealed record DocumentContent(Guid Id, Guid PartnershipId, string Title, long Revision, string Text);

public static class DocumentApi
{
    public static void AddWorkspaceDocuments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DocumentOptions>().BindConfiguration(DocumentOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<OperationWriter>();
        builder.Services.AddSingleton<VersionHtmlCache>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OperationWriter>());
        // The largest edit the limits allow must fit in one hub message, or the connection would be
        // closed and the edit resent forever: a code point takes at most 12 bytes of JSON ("\\uD83D\\uDE00").
        // (AddHubOptions, not Configure<HubOptions<T>>: SignalR only honours per-hub values set through it.)
        var configured = builder.Configuration.GetSection(DocumentOptions.Section).Get<DocumentOptions>()
            ?? new DocumentOptions();
        var maxOperationLength = configured.MaxOperationLength;
        builder.Services.AddSignalR().AddHubOptions<DocumentHub>(hub =>
            hub.MaximumReceiveMessageSize =
                Math.Max(LiveExtensions.MaximumReceiveMessageSize, (maxOperationLength * 12L) + (64 * 1024)));
    }

    public static void MapDocuments(this WebApplication app)
    {
        app.MapHub<DocumentHub>(DocumentHubNames.Path);

        var group = app.MapGroup("/api/partnerships/{partnershipId:guid}/documents").WithTags("Documents")
            .RequireAuthorization().RequireMember().ValidateRequests();
        group.MapGet("/", ListAsync).RequireMember(PartnershipRole.Viewer);
        group.MapPost("/", CreateAsync).RequireMember(PartnershipRole.Editor);
        group.MapGet("/{documentId:guid}", GetAsync).RequireMember(PartnershipRole.Viewer);
        group.MapPatch("/{documentId:guid}", RenameAsync).RequireMember(PartnershipRole.Editor);
        group.MapDelete("/{documentId:guid}", DeleteAsync).RequireMember(PartnershipRole.Editor);
        group.MapGet("/{documentId:guid}/preview", PreviewDocumentAsync).RequireMember(PartnershipRole.Viewer);
        group.MapDocumentComments();
        group.MapDocumentHistory();
    }

    private static async Task<Ok<List<DocumentSummary>>> ListAsync(
        Guid partnershipId, WorkspaceDb db, CancellationToken ct)
    {
        var rows = await db.Set<Document>().AsNoTracking()
            .Where(d => d.PartnershipId == partnershipId && d.DeletedAt == null)
            .Select(d => new DocumentSummary(d.Id, d.Title, d.CreatedAt, d.UpdatedAt))
            .ToListAsync(ct);
        // Sorted here: SQLite cannot order by DateTimeOffset.
        return TypedResults.Ok(rows.OrderByDescending(d => d.UpdatedAt).ToList());
    }

    private static async Task<Results<Created<DocumentInfo>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid partnershipId, CreateDocumentRequest request, HttpContext http, IGrainFactory grains)
    {
        var id = Guid.NewGuid();
        var (info, problem) =
            (await grains.GetGrain<IDocumentGrain>(id).CreateAsync(partnershipId, request.Title, Actor(http)))
            .OrProblem();
        return problem is not null
            ? problem
            : TypedResults.Created($"/api/partnerships/{partnershipId}/documents/{id}", info);
    }

    private static async Task<Results<Ok<DocumentContent>, ProblemHttpResult>> GetAsync(
        Guid partnershipId, Guid documentId, IGrainFactory grains)
    {
        var (state, problem) = await ReadAsync(grains, partnershipId, documentId);
        return problem is not null
            ? problem
            : TypedResults.Ok(new DocumentContent(
                documentId, partnershipId, state!.Document.Title, state.Revision, state.Text ?? ""));
    }

    private static async Task<Results<Ok<DocumentInfo>, ValidationProblem, ProblemHttpResult>> RenameAsync(
        Guid partnershipId, Guid documentId, RenameDocumentRequest request, HttpContext http, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IDocumentGrain>(documentId);
        if (await Find(grain, partnershipId) is null)
        {
            return NotFound();
        }
        var (info, problem) = (await grain.RenameAsync(request.Title, Actor(http))).OrProblem();
        return problem is not null ? problem : TypedResults.Ok(info);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid partnershipId, Guid documentId, HttpContext http, IGrainFactory grains)
    {
        var grain = grains.GetGrain<IDocumentGrain>(documentId);
        if (await Find(grain, partnershipId) is null)
        {
            return NotFound();
        }
        var (_, problem) = (await grain.DeleteAsync(Actor(http))).OrProblem();
        return problem is not null ? problem : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PreviewResponse>, ProblemHttpResult>> PreviewDocumentAsync(
        Guid partnershipId, Guid documentId, IGrainFactory grains, MarkdownRenderer markdown)
    {
        var (state, problem) = await ReadAsync(grains, partnershipId, documentId);
        return problem is not null
            ? problem
            : TypedResults.Ok(new PreviewResponse(markdown.Render(state!.Text ?? "")));
    }

    /// <summary>The text of a live document of this partnership, or why not (not found, being reloaded).</summary>
    private static async Task<(DocumentState? State, ProblemHttpResult? Problem)> ReadAsync(
        IGrainFactory grains, Guid partnershipId, Guid documentId)
    {
        var grain = grains.GetGrain<IDocumentGrain>(documentId);
        return await Find(grain, partnershipId) is null
            ? (null, NotFound())
            : (await grain.OpenAsync(null)).OrProblem();
    }

    /// <summary>The document when it is live and belongs to this partnership (otherwise it is "not found").</summary>
    private static async Task<DocumentInfo?> Find(IDocumentGrain grain, Guid partnershipId) =>
        await grain.GetInfoAsync() is { Deleted: false } info && info.PartnershipId == partnershipId ? info : null;

    internal static Task<DocumentInfo?> FindAsync(IGrainFactory grains, Guid documentId, Guid partnershipId) =>
        Find(grains.GetGrain<IDocumentGrain>(documentId), partnershipId);

    internal static ProblemHttpResult NotFound() => Problems.NotFound(ErrorCodes.UnknownDocument, "Unknown document.");

    internal static Actor Actor(HttpContext http) => PartnershipAccess.ActorOf(http.User, http.Member());
}
