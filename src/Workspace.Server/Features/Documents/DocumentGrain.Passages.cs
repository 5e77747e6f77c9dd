using Microsoft.EntityFrameworkCore;
using Workspace.Collaboration.Ot;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// Where a passage quoted at an earlier revision (a comment's anchor) stands in the text now.
/// </summary>
public sealed partial class DocumentGrain
{
    public async Task<Outcome<IReadOnlyList<LocatedPassage?>>> LocatePassagesAsync(
        IReadOnlyList<PassageAnchor> anchors)
    {
        if (Gone() is { } gone)
        {
            return gone;
        }
        // A passage older than the operations kept in memory first catches up through the stored ones, to the
        // revision just before the first one kept. They are read a page (Documents:HistoryOperations) at a time, so
        // an anchor however old is followed (a clause link made long ago must not read as deleted) in bounded memory.
        var caughtUp = new Dictionary<PassageAnchor, PassageAnchor?>();
        var kept = _firstRecent - 1;
        var older = anchors.Where(a => a.Revision >= 0 && a.Revision < kept && a.To > a.From && a.From >= 0)
            .Distinct().ToList();
        var moving = older.ToDictionary(a => a, a => (a.From, a.To));
        if (older.Count > 0)
        {
            await using var db = await dbs.CreateDbContextAsync();
            for (var since = older.Min(a => a.Revision); since < kept;)
            {
                var page = await db.Set<DocumentOperation>().AsNoTracking()
                    .Where(o => o.DocumentId == Id && o.Revision > since && o.Revision <= kept)
                    .OrderBy(o => o.Revision).Take(Math.Max(1, _options.HistoryOperations))
                    .Select(o => new { o.Revision, o.Operation }).ToListAsync();
                if (page.Count == 0)
                {
                    break;
                }
                var parsed = page.ConvertAll(o => (o.Revision, Op: TextOperation.Parse(o.Operation)));
                foreach (var anchor in older)
                {
                    var (from, to) = moving[anchor];
                    moving[anchor] = Follow(from, to,
                        parsed.Where(p => p.Revision > anchor.Revision).Select(p => p.Op));
                }
                since = page[^1].Revision;
            }
            foreach (var anchor in older)
            {
                var (from, to) = moving[anchor];
                caughtUp[anchor] = to > from ? new PassageAnchor(kept, from, to) : null;
            }
        }
        return Outcome<IReadOnlyList<LocatedPassage?>>.Ok([.. anchors.Select(a =>
            caughtUp.TryGetValue(a, out var moved) ? (moved is null ? null : Locate(moved)) : Locate(a))]);
    }

    private LocatedPassage? Locate(PassageAnchor anchor)
    {
        if (anchor.Revision > _revision || anchor.Revision < _firstRecent - 1
            || anchor.From < 0 || anchor.To <= anchor.From)
        {
            return null;
        }
        var length = LengthAt(anchor.Revision);
        if (length >= 0 && anchor.To > length)
        {
            return null;
        }
        var (from, to) = Follow(anchor.From, anchor.To,
            _recent.Skip((int)(anchor.Revision + 1 - _firstRecent)).Select(a => a.Op));
        return to > from && to <= _text.Length
            ? new LocatedPassage(new PassageAnchor(_revision, from, to), _text.Slice(from, to - from)) : null;
    }

    /// <summary>
    /// Moves a passage through <paramref name="ops"/>: text typed at either end stays outside; once deleted whole it
    /// stays empty.
    /// </summary>
    private static (int From, int To) Follow(int from, int to, IEnumerable<TextOperation> ops)
    {
        foreach (var op in ops)
        {
            if (to <= from)
            {
                break;
            }
            from = TextType.MapPosition(from, op, afterInsert: true);
            to = TextType.MapPosition(to, op, afterInsert: false);
        }
        return (from, to);
    }
}
