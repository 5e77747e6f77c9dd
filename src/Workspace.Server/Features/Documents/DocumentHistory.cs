using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// One version in a document's history: a stretch of editing without a pause of <see
/// cref="DocumentOptions.HistoryGap"/>,
/// ending at <see cref="Revision"/> (revisions are gap-free, so it holds <see cref="Edits"/> = Revision − FirstRevision
/// + 1 edits). <see cref="Authors"/> are the people whose edits it holds ("" = the workspace itself,
/// e.g. a checklist link). A restore is a version of its own (<see cref="Restored"/>), so the text just before it is
/// one
/// too and the restore can be undone the same way.
/// </summary>
public sealed record VersionView(
    long Revision, long FirstRevision, DateTimeOffset Started, DateTimeOffset At, IReadOnlyList<string> Authors,
    int Edits, bool Restored, string? Name = null);

/// <summary>A name for the version ending at a revision; empty takes the name away.</summary>
public sealed record NameVersionRequest([property: MaxLength(DocumentHistory.MaxVersionNameLength)] string? Name);

/// <summary>The newest versions of a document at <see cref="Revision"/>; <see cref="Complete"/> is false when older
/// versions exist than
/// those listed (they are kept and can still be read by revision).</summary>
public sealed record DocumentHistoryView(long Revision, IReadOnlyList<VersionView> Versions, bool Complete);

/// <summary>The text of a document as it was at <see cref="Revision"/>, and its rendered preview.</summary>
public sealed record VersionText(long Revision, string Text, string Html);

public sealed record RestoreResponse(long Revision, long RestoredRevision);

/// <summary>
/// Version history: every accepted operation is kept, so any earlier text can be rebuilt (nearest snapshot plus the
/// operations after it) and read, and an editor can bring it back. Restoring is one ordinary operation by that
/// editor, so co-editors see it arrive live, and the history keeps growing (a restore can itself be undone).
/// </summary>
public static class DocumentHistory
{
    /// <summary>Newest versions listed; older ones are still kept and can be read by revision.</summary>
    public const int MaxVersions = 200;

    public const int MaxVersionNameLength = 80;

    public static void MapDocumentHistory(this RouteGroupBuilder documents)
    {
        documents.MapGet("/{documentId:guid}/history", ListAsync).RequireMember(PartnershipRole.Viewer);
        documents.MapGet("/{documentId:guid}/history/{revision:long}", ReadAsync).RequireMember(PartnershipRole.Viewer);
        documents.MapPost("/{documentId:guid}/history/{revision:long}/restore", RestoreAsync)
            .RequireMember(PartnershipRole.Editor);
        documents.MapPut("/{documentId:guid}/history/{revision:long}/name", NameAsync)
            .RequireMember(PartnershipRole.Editor);
    }

    private static async Task<Results<Ok<DocumentHistoryView>, ProblemHttpResult>> ListAsync(
        Guid partnershipId, Guid documentId, IGrainFactory grains, WorkspaceDb db, IOptions<DocumentOptions> options,
        CancellationToken ct)
    {
        if (await DocumentApi.FindAsync(grains, documentId, partnershipId) is not { } document)
        {
            return DocumentApi.NotFound();
        }
        var since = Math.Max(0, document.Revision - options.Value.HistoryOperations);
        var edits = await db.Set<DocumentOperation>().AsNoTracking()
            .Where(o => o.DocumentId == documentId && o.Revision > since)
            .OrderBy(o => o.Revision)
            .Select(o => new { o.Revision, o.AuthorId, o.At, o.ClientId })
            .ToListAsync(ct);
        var named = await db.Set<DocumentVersionName>().AsNoTracking()
            .Where(n => n.DocumentId == documentId && n.Revision > since)
            .ToDictionaryAsync(n => n.Revision, n => n.Name, ct);
        var stored = edits.Select(e =>
            new Edit(e.Revision, e.AuthorId, e.At, e.ClientId == DocumentGrain.ServerClientId));
        var groups = GroupEdits(stored, options.Value, named.Keys.ToHashSet());
        var complete = since == 0 && groups.Count <= MaxVersions;
        if (since > 0 && groups.Count > 1)
        {
            groups.RemoveAt(0); // its start lies before the scanned range, so it is only part of a version
        }
        var newest = groups.TakeLast(MaxVersions).Reverse().ToList();
        var ids = newest.SelectMany(g => g.Authors).Where(a => a.Length > 0).Distinct().ToList();
        var names = await db.Set<WorkspaceUser>().AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var versions = newest.Select(g => new VersionView(g.Last, g.First, g.Started, g.At,
            g.Authors.Select(a => a.Length == 0 ? "" : names.GetValueOrDefault(a, "?")).ToList(),
            (int)(g.Last - g.First + 1), g.Restored, named.GetValueOrDefault(g.Last))).ToList();
        return TypedResults.Ok(new DocumentHistoryView(document.Revision, versions, complete));
    }

    /// <summary>A stored operation as the history groups it; <see cref="ByServer"/>: made by the server.</summary>
    public readonly record struct Edit(long Revision, string AuthorId, DateTimeOffset At, bool ByServer);

    /// <summary>A version being built: its first and last revision, when it started and ended, who made it.</summary>
    public sealed record VersionGroup(
        long First, long Last, DateTimeOffset Started, DateTimeOffset At, List<string> Authors, bool Restored)
    {
        /// <summary>The person whose turn this version is ("" while only task sync wrote in it).</summary>
        public string Turn => Authors.FirstOrDefault(a => a.Length > 0) ?? "";
    }

    /// <summary>
    /// Groups edits (oldest first) into versions. A new version starts after a pause of
    /// <see cref="DocumentOptions.HistoryGap"/>, once a version has spanned <see
    /// cref="DocumentOptions.HistoryMaxSpan"/>,
    /// when another person takes over (a turn), after a named revision, and for a restore. Task sync's edits (by
    /// nobody) join the version they fall in.
    /// </summary>
    public static List<VersionGroup> GroupEdits(
        IEnumerable<Edit> edits, DocumentOptions options, IReadOnlySet<long> namedRevisions)
    {
        var groups = new List<VersionGroup>();
        foreach (var edit in edits)
        {
            // The server's own edits are checklist links and mirrors (by nobody) or restores (by the person who
            // restored).
            var restore = edit.ByServer && edit.AuthorId.Length > 0;
            var last = groups.Count > 0 ? groups[^1] : null;
            var joins = last is not null && !restore && !last.Restored && !namedRevisions.Contains(last.Last)
                && edit.At - last.At < options.HistoryGap && edit.At - last.Started < options.HistoryMaxSpan
                && (edit.AuthorId.Length == 0 || last.Turn.Length == 0 || edit.AuthorId == last.Turn);
            if (joins)
            {
                if (!last!.Authors.Contains(edit.AuthorId))
                {
                    last.Authors.Add(edit.AuthorId);
                }
                groups[^1] = last with { Last = edit.Revision, At = edit.At };
            }
            else
            {
                groups.Add(new VersionGroup(edit.Revision, edit.Revision, edit.At, edit.At, [edit.AuthorId], restore));
            }
        }
        return groups;
    }

    private static async Task<Results<Ok<VersionText>, ProblemHttpResult>> ReadAsync(
        Guid partnershipId, Guid documentId, long revision, IGrainFactory grains, WorkspaceDb db,
        VersionHtmlCache rendered, CancellationToken ct)
    {
        // Membership (the endpoint's filter) and the document's partnership are checked before the cache is asked.
        if (await DocumentApi.FindAsync(grains, documentId, partnershipId) is null)
        {
            return DocumentApi.NotFound();
        }
        if (await TextAtAsync(db, documentId, revision, ct) is not { } text)
        {
            return NoSuchRevision(revision);
        }
        return TypedResults.Ok(new VersionText(revision, text, rendered.Render(documentId, text)));
    }

    private static async Task<Results<Ok<RestoreResponse>, ProblemHttpResult>> RestoreAsync(
        Guid partnershipId, Guid documentId, long revision, HttpContext http, IGrainFactory grains, WorkspaceDb db,
        PartnershipFeed feed, CancellationToken ct)
    {
        if (await DocumentApi.FindAsync(grains, documentId, partnershipId) is not { } document)
        {
            return DocumentApi.NotFound();
        }
        if (await TextAtAsync(db, documentId, revision, ct) is not { } text)
        {
            return NoSuchRevision(revision);
        }
        var actor = DocumentApi.Actor(http);
        var grain = grains.GetGrain<IDocumentGrain>(documentId);
        var (now, problem) = (await grain.RestoreAsync(text, actor)).OrProblem();
        if (problem is not null)
        {
            return problem;
        }
        await feed.SaveAsync(partnershipId, _ => { }, actor, "document.restored",
            $"restored “{document.Title}” to an earlier version (revision {revision})",
            new { title = document.Title, revision });
        return TypedResults.Ok(new RestoreResponse(now, revision));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> NameAsync(
        Guid partnershipId, Guid documentId, long revision, NameVersionRequest request, HttpContext http,
        IGrainFactory grains, WorkspaceDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await DocumentApi.FindAsync(grains, documentId, partnershipId) is null)
        {
            return DocumentApi.NotFound();
        }
        if (!await db.Set<DocumentOperation>().AnyAsync(o => o.DocumentId == documentId && o.Revision == revision, ct))
        {
            return NoSuchRevision(revision);
        }
        var name = request.Name?.Trim() ?? "";
        var row = await db.Set<DocumentVersionName>().FindAsync([documentId, revision], ct);
        if (name.Length == 0)
        {
            if (row is not null)
            {
                db.Remove(row);
            }
        }
        else
        {
            row ??= db.Add(new DocumentVersionName { DocumentId = documentId, Revision = revision }).Entity;
            row.Name = name;
            row.NamedBy = DocumentApi.Actor(http).UserId;
            row.At = clock.GetUtcNow();
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NoSuchRevision(long revision) =>
        Problems.Of(StatusCodes.Status404NotFound, ErrorCodes.UnknownRevision,
            $"This document has no stored revision {revision}.", ("revision", revision));

    /// <summary>
    /// The text at <paramref name="revision"/>: the nearest snapshot at or before it plus the operations after it; null
    /// when not stored.
    /// </summary>
    public static async Task<string?> TextAtAsync(WorkspaceDb db, Guid documentId, long revision, CancellationToken ct)
    {
        if (revision < 0)
        {
            return null;
        }
        var snapshot = await db.Set<DocumentSnapshot>().AsNoTracking()
            .Where(s => s.DocumentId == documentId && s.Revision <= revision)
            .OrderByDescending(s => s.Revision)
            .FirstOrDefaultAsync(ct);
        var from = snapshot?.Revision ?? 0;
        var text = new TextDocument(snapshot is null ? "" : SnapshotCodec.TextOf(snapshot));
        // Stored means: the snapshot is at that very revision (or it is the empty start), or the last op read is.
        if (await OperationReplay.ApplyAsync(db, documentId, from, revision, text, ct) != revision)
        {
            return null;
        }
        return text.ToString();
    }
}
