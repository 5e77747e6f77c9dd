using Workspace.Collaboration.Errors;
using Microsoft.EntityFrameworkCore;
using Workspace.Server.Data;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Documents;

/// <summary>Client ids and their sequence numbers: who may submit under an id, which ops were seen before.</summary>
public sealed partial class DocumentGrain
{
    /// <summary>
    /// A client id's owner (the user who first used it in this document), its latest sequence number and that op's
    /// revision (-1 when not known since activation). Only its owner may submit under it, so the dedupe state is in
    /// effect keyed by (user, client id): nobody can make another person's edits look like duplicates.
    /// </summary>
    private sealed record ClientSeen(string Owner, long Seq, long Revision);

    /// <summary>
    /// Largest step a client's sequence number may take past its last one. Clients count up by one per op sent and
    /// skip only the numbers of ops the server refused, so honest gaps are small; a huge jump is a defect or an attack.
    /// </summary>
    public const long MaxSequenceJump = 10_000;

    /// <summary>
    /// Starts the dedupe state from the client ids kept with <paramref name="snapshot"/> (the ops after it are taken in
    /// by <see cref="SeeStored"/> as they are replayed). False when the snapshot kept none (stored before they were
    /// kept): then <see cref="LoadClientsFromLogAsync"/> reads them from the log.
    /// </summary>
    private bool LoadClients(DocumentSnapshot? snapshot)
    {
        if (snapshot is null)
        {
            return true;
        }
        if (SnapshotClients.Decode(snapshot.Clients) is not { } heads)
        {
            return false;
        }
        foreach (var (client, head) in heads)
        {
            _clients[client] = new ClientSeen(head.Owner, head.Seq, head.Revision);
        }
        return true;
    }

    /// <summary>
    /// Rebuilds the dedupe state from the whole log, per (client id, author):
    /// a client id belongs to the author of its first op, and only that author's sequence numbers count. (Logs written
    /// before ids were bound to users may hold someone else's ops under an id; they must not make the owner's later
    /// edits look like duplicates.)
    /// </summary>
    /// <remarks>
    /// Only for a document whose latest snapshot was stored before snapshots kept the client ids (see <see
    /// cref="DocumentSnapshot.Clients"/>): it reads every row of the document's log (there is no index on the client
    /// ids any more), once per activation until the document's next snapshot. Then the first and the latest row of
    /// each id are read by key; only an id whose highest number is not on its latest row or not its owner's (logs
    /// from before ids were bound) has its owner's own rows scanned.
    /// </remarks>
    private async Task LoadClientsFromLogAsync(WorkspaceDb db, CancellationToken ct)
    {
        _clients.Clear();
        var stored = db.Set<DocumentOperation>().AsNoTracking().Where(o => o.DocumentId == Id);
        var heads = await stored
            .GroupBy(o => o.ClientId)
            .Select(g => new
            {
                ClientId = g.Key,
                First = g.Min(o => o.Revision),
                Last = g.Max(o => o.Revision),
                Seq = g.Max(o => o.ClientSeq),
            })
            .ToListAsync(ct);
        var keys = heads.SelectMany(h => new[] { h.First, h.Last }).Distinct().ToList();
        var rows = await stored.Where(o => keys.Contains(o.Revision))
            .Select(o => new { o.Revision, o.ClientSeq, o.AuthorId })
            .ToDictionaryAsync(o => o.Revision, ct);
        foreach (var head in heads)
        {
            var owner = rows[head.First].AuthorId;
            var last = rows[head.Last];
            if (head.ClientId == ServerClientId)
            {
                // The workspace's own edits are made on behalf of several people under one id and one sequence.
                _clients[head.ClientId] = new ClientSeen("", head.Seq, -1);
                continue;
            }
            var seq = last.ClientSeq == head.Seq && last.AuthorId == owner
                ? head.Seq
                : await stored.Where(o => o.ClientId == head.ClientId && o.AuthorId == owner)
                    .MaxAsync(o => o.ClientSeq, ct);
            _clients[head.ClientId] = new ClientSeen(owner, seq, -1);
        }
    }

    /// <summary>
    /// Takes a stored op (replayed on activation, after the snapshot) into the dedupe state by the rule of <see
    /// cref="LoadClientsFromLogAsync"/>: the id's first author owns it, only the owner's numbers count (the
    /// workspace's own id counts every number).
    /// </summary>
    private void SeeStored(string clientId, long seq, string author, long revision)
    {
        if (!_clients.TryGetValue(clientId, out var seen))
        {
            _clients[clientId] = new ClientSeen(clientId == ServerClientId ? "" : author, seq, revision);
        }
        else if ((clientId == ServerClientId || string.Equals(author, seen.Owner, StringComparison.Ordinal))
            && seq >= seen.Seq)
        {
            _clients[clientId] = seen with { Seq = seq, Revision = revision };
        }
    }

    /// <summary>What is known of the command's client id; refuses someone else's id and impossible numbers.</summary>
    private Refusal? CheckClient(SubmitCommand command, out ClientSeen? seen)
    {
        seen = null;
        if (command.ClientSeq < 1)
        {
            return Refusal.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidClientSeq,
                $"Sequence number {command.ClientSeq} is not valid; a client counts from 1.");
        }
        seen = _clients.GetValueOrDefault(command.ClientId);
        if (seen is not null && !string.Equals(seen.Owner, command.Author.UserId, StringComparison.Ordinal))
        {
            // Not told whose it is: the id is someone else's, and that is all the sender needs to know.
            return Refusal.Of(StatusCodes.Status403Forbidden, ErrorCodes.ClientIdTaken,
                "This client id is already used by someone else in this document; start a new one.");
        }
        if (command.ClientSeq > (seen?.Seq ?? 0) + MaxSequenceJump)
        {
            return Refusal.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidClientSeq,
                $"Sequence number {command.ClientSeq} jumps too far past this client's last one ({seen?.Seq ?? 0}).");
        }
        return null;
    }

    /// <summary>
    /// The client id's string as this grain already holds it (from the id's first op), so that all the ops kept in
    /// memory share one string per client instead of each keeping the copy its message was read into. A kept op
    /// lives for its 1,000 successors (~20 s at 50 ops a second), long enough to be copied by two collections on its
    /// way to the oldest generation, so every byte it holds is moved twice.
    /// </summary>
    private string StoredClientId(string clientId) =>
        _clients.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(clientId, out var stored, out _)
            ? stored
            : clientId;

    private async Task<long> RevisionOfAsync(string clientId, long seq, ClientSeen seen)
    {
        if (seq == seen.Seq && seen.Revision > 0)
        {
            return seen.Revision;
        }
        var recent = _recent.FindLast(o => o.ClientId == clientId && o.AuthorId == seen.Owner && o.ClientSeq == seq);
        if (recent is not null)
        {
            return recent.Revision;
        }
        await using var db = await dbs.CreateDbContextAsync();
        var revision = await db.Set<DocumentOperation>().AsNoTracking()
            .Where(o => o.DocumentId == Id && o.ClientId == clientId && o.AuthorId == seen.Owner)
            .Where(o => o.ClientSeq == seq)
            .Select(o => (long?)o.Revision).FirstOrDefaultAsync();
        // A sequence number the client skipped was never applied; its latest one stands for it.
        return revision ?? await db.Set<DocumentOperation>().AsNoTracking()
            .Where(o => o.DocumentId == Id && o.ClientId == clientId && o.AuthorId == seen.Owner)
            .Where(o => o.ClientSeq == seen.Seq)
            .Select(o => o.Revision).FirstAsync();
    }
}
