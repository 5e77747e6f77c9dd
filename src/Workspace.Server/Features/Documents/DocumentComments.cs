using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ChecklistLinks;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// A comment on a document, optionally on a quoted passage. Commenters (and every role above) write them;
/// that is what the commenter role is for. Anyone who may comment may resolve or reopen a comment; only its
/// author (or an owner) deletes it.
/// </summary>
public sealed class DocumentComment
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public Guid PartnershipId { get; set; }
    public string AuthorId { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string AuthorParty { get; set; } = "";
    /// <summary>The passage the comment is about, as it read when the comment was written.</summary>
    public string? Quote { get; set; }
    /// <summary>
    /// Where that passage is (code points <see cref="AnchorFrom"/>..<see cref="AnchorTo"/> of the text at
    /// <see cref="AnchorRevision"/>), moved forward as the document changes; null when not known.
    /// </summary>
    public long? AnchorRevision { get; set; }
    public int? AnchorFrom { get; set; }
    public int? AnchorTo { get; set; }
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedByName { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
}

internal sealed class DocumentCommentConfiguration : IEntityTypeConfiguration<DocumentComment>
{
    public void Configure(EntityTypeBuilder<DocumentComment> e)
    {
        e.ToTable("DocumentComments");
        e.Property(c => c.AuthorId).HasMaxLength(450);
        e.Property(c => c.AuthorName).HasMaxLength(200);
        e.Property(c => c.AuthorParty).HasMaxLength(200);
        e.Property(c => c.Quote).HasMaxLength(DocumentCommentsApi.MaxQuote);
        e.Property(c => c.Body).HasMaxLength(DocumentCommentsApi.MaxBody);
        e.Property(c => c.ResolvedByName).HasMaxLength(200);
        e.HasIndex(c => c.DocumentId);
    }
}

/// <summary>
/// A new comment; <c>Anchor</c> (optional) is where the quoted passage is, in code points at a revision the writer's
/// editor had.
/// </summary>
public sealed record AddCommentRequest(
    [property: Required(ErrorMessage = "A comment needs some text."),
        MaxLength(DocumentCommentsApi.MaxBody)] string Body,
    [property: MaxLength(DocumentCommentsApi.MaxQuote)] string? Quote,
    PassageAnchor? Anchor = null);

public sealed record ResolveCommentRequest(bool Resolved);

/// <summary>
/// A comment as people see it; <c>Passage</c> is what the commented passage reads now, where the document still has it
/// (else null: see <c>Quote</c>), and <c>PassageAt</c> where it starts now (code points), which tells apart the same
/// words written twice.
/// </summary>
public sealed record CommentView(
    Guid Id, Guid DocumentId, string AuthorId, string AuthorName, string AuthorParty, string? Quote, string Body,
    DateTimeOffset CreatedAt, DateTimeOffset? ResolvedAt, string? ResolvedByName,
    string? Passage = null, int? PassageAt = null);

public static class DocumentCommentsApi
{
    public const int MaxBody = 4000;
    public const int MaxQuote = 500;

    public static void MapDocumentComments(this RouteGroupBuilder documents)
    {
        documents.MapGet("/{documentId:guid}/comments", ListAsync).RequireMember(PartnershipRole.Viewer);
        documents.MapPost("/{documentId:guid}/comments", AddAsync).RequireMember(PartnershipRole.Commenter);
        documents.MapPost("/{documentId:guid}/comments/{commentId:guid}/resolve", ResolveAsync)
            .RequireMember(PartnershipRole.Commenter);
        documents.MapDelete("/{documentId:guid}/comments/{commentId:guid}", DeleteAsync)
            .RequireMember(PartnershipRole.Commenter);
    }

    private static async Task<Results<Ok<List<CommentView>>, ProblemHttpResult>> ListAsync(Guid partnershipId,
        Guid documentId, IGrainFactory grains, WorkspaceDb db, CancellationToken ct)
    {
        if (await DocumentApi.FindAsync(grains, documentId, partnershipId) is null)
        {
            return DocumentApi.NotFound();
        }
        var rows = await db.Set<DocumentComment>().Where(c => c.DocumentId == documentId && c.DeletedAt == null)
            .ToListAsync(ct);
        var anchored = rows.Where(c => c.ResolvedAt is null && c.AnchorRevision is not null).ToList();
        var passages = await LocateAsync(grains, documentId, anchored);
        await db.SaveChangesAsync(ct); // the anchors moved forward, so the next look starts from here
        // Ordered here: SQLite cannot order by DateTimeOffset.
        return TypedResults.Ok(rows.OrderBy(c => c.CreatedAt)
            .Select(c => View(c, passages.GetValueOrDefault(c.Id))).ToList());
    }

    /// <summary>
    /// Where the comments' passages are now. Each anchor moves to the document's current revision (or is dropped
    /// when the passage is gone or too old to follow: the comment's quote is then all that is left of it).
    /// </summary>
    private static async Task<Dictionary<Guid, LocatedPassage>> LocateAsync(IGrainFactory grains, Guid documentId,
        List<DocumentComment> anchored)
    {
        var passages = new Dictionary<Guid, LocatedPassage>();
        if (anchored.Count == 0)
        {
            return passages;
        }
        var located = (await grains.GetGrain<IDocumentGrain>(documentId)
            .LocatePassagesAsync([.. anchored.Select(c =>
                new PassageAnchor(c.AnchorRevision!.Value, c.AnchorFrom ?? 0, c.AnchorTo ?? 0))])).OrRaise();
        foreach (var (comment, passage) in anchored.Zip(located))
        {
            Anchor(comment, passage?.Anchor);
            if (passage is not null)
            {
                passages[comment.Id] = passage;
            }
        }
        return passages;
    }

    private static void Anchor(DocumentComment comment, PassageAnchor? anchor)
    {
        comment.AnchorRevision = anchor?.Revision;
        comment.AnchorFrom = anchor?.From;
        comment.AnchorTo = anchor?.To;
    }

    private static async Task<Results<Created<CommentView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid partnershipId, Guid documentId, AddCommentRequest request, HttpContext http, IGrainFactory grains,
        PartnershipFeed feed, TimeProvider clock)
    {
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            return Problems.Invalid("body", ErrorCodes.CommentEmpty, "A comment needs some text.");
        }
        if (await DocumentApi.FindAsync(grains, documentId, partnershipId) is not { } document)
        {
            return DocumentApi.NotFound();
        }
        LocatedPassage? passage = null;
        if (request.Anchor is { } anchor
            && (passage = (await grains.GetGrain<IDocumentGrain>(documentId).LocatePassagesAsync([anchor]))
                .OrRaise()[0]) is null)
        {
            return Problems.Invalid("anchor", ErrorCodes.PassageLost,
                $"Characters {anchor.From} to {anchor.To} are not a passage of revision {anchor.Revision} "
                + "of this document (or that revision is too old to follow); select the passage again.");
        }
        var member = http.Member();
        var actor = PartnershipAccess.ActorOf(http.User, member);
        var partnership = await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync();
        var party = partnership?.Parties.FirstOrDefault(p => p.Id == member.PartyId)?.Name ?? "";
        var comment = new DocumentComment
        {
            Id = Guid.NewGuid(),
            DocumentId = documentId,
            PartnershipId = partnershipId,
            AuthorId = member.UserId,
            AuthorName = actor.DisplayName,
            AuthorParty = party,
            Quote = string.IsNullOrWhiteSpace(request.Quote) ? null : request.Quote.Trim(),
            Body = request.Body.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        Anchor(comment, passage?.Anchor);
        var handles = Checklist.Handles(comment.Body, 20);
        var mentioned = new Notice(partnershipId, actor, [.. (partnership?.Members ?? [])
            .Where(m => handles.Any(h => Checklist.HandleMatches(h, m.DisplayName, m.Email))).Select(m => m.UserId)],
            "comment.mention", new { title = document.Title }, $"/p/{partnershipId}/docs/{documentId}");
        await feed.SaveAsync(partnershipId, db => db.Add(comment), actor, "comment.added",
            $"commented on “{document.Title}”", new { title = document.Title }, mentioned);
        var view = View(comment, passage);
        await feed.PublishAsync(partnershipId, "comment.updated", view);
        return TypedResults.Created(
            $"/api/partnerships/{partnershipId}/documents/{documentId}/comments/{comment.Id}", view);
    }

    private static async Task<Results<Ok<CommentView>, ProblemHttpResult>> ResolveAsync(
        Guid partnershipId, Guid documentId, Guid commentId, ResolveCommentRequest request, HttpContext http,
        IGrainFactory grains, WorkspaceDb db, PartnershipFeed feed, TimeProvider clock)
    {
        if (await DocumentApi.FindAsync(grains, documentId, partnershipId) is not { } document
            || await db.Set<DocumentComment>().FirstOrDefaultAsync(c =>
                c.Id == commentId && c.DocumentId == documentId && c.DeletedAt == null) is not { } comment)
        {
            return DocumentApi.NotFound();
        }
        var actor = PartnershipAccess.ActorOf(http.User, http.Member());
        if ((comment.ResolvedAt is not null) != request.Resolved)
        {
            comment.ResolvedAt = request.Resolved ? clock.GetUtcNow() : null;
            comment.ResolvedByName = request.Resolved ? actor.DisplayName : null;
            var (kind, summary) = request.Resolved
                ? ("comment.resolved", $"resolved a comment on “{document.Title}”")
                : ("comment.reopened", $"reopened a comment on “{document.Title}”");
            db.Activity.Add(feed.Activity(partnershipId, actor, kind, summary, new { title = document.Title }));
            await db.SaveChangesAsync();
            await feed.PublishAsync(partnershipId, "comment.updated", View(comment));
        }
        return TypedResults.Ok(View(comment));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid partnershipId, Guid documentId, Guid commentId, HttpContext http, IGrainFactory grains, WorkspaceDb db,
        PartnershipFeed feed, TimeProvider clock)
    {
        if (await DocumentApi.FindAsync(grains, documentId, partnershipId) is null
            || await db.Set<DocumentComment>().FirstOrDefaultAsync(c =>
                c.Id == commentId && c.DocumentId == documentId && c.DeletedAt == null) is not { } comment)
        {
            return DocumentApi.NotFound();
        }
        var member = http.Member();
        if (comment.AuthorId != member.UserId && member.Role != PartnershipRole.Owner)
        {
            return Problems.Of(StatusCodes.Status403Forbidden, ErrorCodes.CommentNotYours,
                "Only the author of a comment (or an owner) can delete it.");
        }
        comment.DeletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        await feed.PublishAsync(partnershipId, "comment.deleted", View(comment));
        return TypedResults.NoContent();
    }

    private static CommentView View(DocumentComment c) => View(c, null);

    private static CommentView View(DocumentComment c, LocatedPassage? passage) =>
        new(c.Id, c.DocumentId, c.AuthorId, c.AuthorName, c.AuthorParty, c.Quote, c.Body, c.CreatedAt, c.ResolvedAt,
            c.ResolvedByName, passage?.Text, passage?.Anchor.From);
}
