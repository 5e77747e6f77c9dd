using Workspace.Collaboration.Ot;
using Workspace.Server.Kernel;
using Workspace.Server.Kernel.ChecklistLinks;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// Task lines (<c>- [ ] …</c>) and action items, kept in step. When a document has been quiet for
/// <see cref="DocumentOptions.ChecklistDelay"/>, its task lines go to the partnership's
/// <see cref="IChecklistItems"/> (the action items), which creates or updates items. Changes the other way (a new
/// link, an item done on the board) come back as server edits: normal operations, broadcast to
/// every co-editor. Calls both ways are one-way messages, so the two grains never wait on each other.
/// </summary>
public sealed partial class DocumentGrain
{
    /// <summary>Client id of edits the server makes; clients may not use it.</summary>
    public const string ServerClientId = "server";

    private static readonly Actor ServerAuthor = new("", "Partnership Workspace", "");

    private IGrainTimer? _checklistTimer;
    private Actor? _lastAuthor;
    private string? _lastChecklist;
    /// <summary>
    /// What each task line said at the last scan (or at activation), so edited lines can be told apart.
    /// </summary>
    private HashSet<string>? _lastLineKeys;
    /// <summary>
    /// For each linked item number: the item version whose board change this document last wrote into its line.
    /// </summary>
    private readonly Dictionary<int, int> _mirroredVersions = [];
    /// <summary>
    /// Linked lines that speak for their items in the next scan even if unchanged since the last one.
    /// </summary>
    private readonly HashSet<int> _speakAgain = [];

    /// <summary>
    /// The task lines of the text at activation, worked out off the grain's turn: only the first scan after an edit
    /// needs them, and parsing a large text held up every cold open.
    /// </summary>
    private Task<HashSet<string>>? _activationLineKeys;

    private void RememberChecklist()
    {
        var text = Text;
        _activationLineKeys = Task.Run(() => Checklist.Parse(text).Select(l => l.Key).ToHashSet());
    }

    private void TextChanged(Actor author)
    {
        if (author.UserId.Length > 0)
        {
            _lastAuthor = author;
        }
        if (_checklistTimer is null)
        {
            _checklistTimer = this.RegisterGrainTimer(ScanChecklistAsync,
                _options.ChecklistDelay, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _checklistTimer.Change(_options.ChecklistDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task ScanChecklistAsync(CancellationToken ct)
    {
        if (_activationLineKeys is { } atActivation)
        {
            // Taken first: should the parse have failed, every line then counts as edited, as with no keys at all.
            _activationLineKeys = null;
            _lastLineKeys = await atActivation;
        }
        if (_document is not { DeletedAt: null } document || _lastAuthor is null)
        {
            return;
        }
        var parsed = Checklist.Parse(Text);
        var signature = string.Join('\n', parsed.Select(l => l.Key));
        if (signature == _lastChecklist && _speakAgain.Count == 0)
        {
            return;
        }
        _lastChecklist = signature;
        // Only a line someone edited speaks for its item's title, owner and due date; an unchanged line may simply
        // not have caught up with a change made on the board yet.
        var lines = parsed.Select(l => l with
        {
            Edited = _lastLineKeys?.Contains(l.Key) != true || (l.Number is { } linked && _speakAgain.Contains(linked)),
            SeenVersion = l.Number is { } number ? _mirroredVersions.GetValueOrDefault(number) : 0,
        }).ToList();
        _lastLineKeys = [.. parsed.Select(l => l.Key)];
        _speakAgain.Clear();
        await GrainFactory.GetGrain<IChecklistItems>(document.PartnershipId)
            .SyncChecklistAsync(document.PartnershipId, Id, lines, _lastAuthor);
    }

    public Task<bool> IsLiveDocumentOfAsync(Guid partnershipId) =>
        Task.FromResult(_document is not null && Info() is { Deleted: false } info
            && info.PartnershipId == partnershipId);

    public Task LinkChecklistLinesAsync(Guid partnershipId, IReadOnlyList<ChecklistLink> links)
    {
        if (!IsCalledByOwnPartnership(partnershipId, nameof(LinkChecklistLinesAsync)))
        {
            return Task.CompletedTask;
        }
        var lines = Checklist.Parse(Text);
        var used = new HashSet<int>();
        var inserts = new SortedDictionary<int, string>();
        foreach (var link in links)
        {
            if (lines.Any(l => l.Number == link.Number))
            {
                continue; // already linked (a user typed it, or an earlier message did)
            }
            var line = lines.FirstOrDefault(l => l.Number is null && l.Title == link.Title && !used.Contains(l.Start));
            if (line is not null)
            {
                used.Add(line.Start);
                inserts[line.Start + line.Length] = Checklist.LinkSuffix(link.Number);
            }
        }
        var components = new List<OpComponent>();
        var at = 0;
        foreach (var (position, text) in inserts)
        {
            if (position > at)
            {
                components.Add(OpComponent.Retain(position - at));
            }
            components.Add(OpComponent.Insert(text));
            at = position;
        }
        return components.Count == 0 ? Task.CompletedTask : ServerEditAsync(TextOperation.Create(components));
    }

    public Task MirrorChecklistLineAsync(Guid partnershipId, ChecklistMirror item)
    {
        if (!IsCalledByOwnPartnership(partnershipId, nameof(MirrorChecklistLineAsync)))
        {
            return Task.CompletedTask;
        }
        _mirroredVersions[item.Number] = Math.Max(item.Version, _mirroredVersions.GetValueOrDefault(item.Number));
        // A scan taken just before this change arrived was set aside by the action items as stale, and it may have
        // carried someone's edit of this line: the line speaks again in the next scan, even if nothing is rewritten
        // now.
        _speakAgain.Add(item.Number);
        TextChanged(ServerAuthor);
        var line = Checklist.Parse(Text).FirstOrDefault(l => l.Number == item.Number);
        if (line is null)
        {
            return Task.CompletedTask;
        }
        var components = new List<OpComponent>();
        var tick = item.Done is { } done && done != line.Done;
        if (tick)
        {
            if (line.MarkOffset > 0)
            {
                components.Add(OpComponent.Retain(line.MarkOffset));
            }
            components.Add(OpComponent.Delete(1));
            components.Add(OpComponent.Insert(item.Done == true ? "x" : " "));
        }
        var title = item.Title ?? line.Title;
        var due = item.DueChanged ? item.Due : line.Due;
        var handle = item.OwnerChanged
            ? Checklist.HandleFor(item.OwnerDisplayName, item.OwnerEmail, line.Handle) : line.Handle;
        if (title != line.Title || due != line.Due || handle != line.Handle)
        {
            // A date the line could not be read with was never the item's: rewritten, the line carries the item's own.
            due = line.Problem == ChecklistProblem.DueInvalid ? item.Due : due;
            // The words after the box are rewritten as the item now reads.
            var at = tick ? line.MarkOffset + 1 : 0;
            if (line.RestOffset > at)
            {
                components.Add(OpComponent.Retain(line.RestOffset - at));
            }
            components.Add(OpComponent.Delete(line.Start + line.Length - line.RestOffset));
            components.Add(OpComponent.Insert(Checklist.Rest(title, handle, due, item.Number)));
        }
        return components.Count == 0 ? Task.CompletedTask : ServerEditAsync(TextOperation.Create(components));
    }

    /// <summary>Only the action items of this document's own partnership may write into its task lines.</summary>
    private bool IsCalledByOwnPartnership(Guid partnershipId, string method)
    {
        if (_document is { DeletedAt: null } document && document.PartnershipId == partnershipId)
        {
            return true;
        }
        log.LogWarning(
            "{Method} from partnership {Caller} refused by document {DocumentId} of partnership {PartnershipId}",
            method, partnershipId, Id, _document?.PartnershipId);
        return false;
    }
}
