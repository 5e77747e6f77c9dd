using Microsoft.AspNetCore.SignalR;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// Who else is in the document and where their cursors are, moved through every edit and dropped when silent.
/// </summary>
public sealed partial class DocumentGrain
{
    private sealed class Presence
    {
        public required PresenceView View { get; set; }
        public DateTimeOffset SeenAt { get; set; }
    }

    // White names are written on these (cursor labels, avatars): each is at least 4.99:1 against white (WCAG AA).
    private static readonly string[] Colours =
    [
        "#b8400c",
        "#1971c2", "#2b7a3b", "#9c36b5", "#a34700", "#0b7285", "#c2255c", "#5f3dc4", "#4d7c0f", "#1864ab",
    ];

    private readonly Dictionary<string, Presence> _presence = new(StringComparer.Ordinal);
    private IGrainTimer? _presenceTimer;

    public async Task<Outcome<bool>> UpdatePresenceAsync(
        string connectionId, Actor actor, long revision, int anchor, int head)
    {
        if (Gone() is { } gone)
        {
            return gone;
        }
        if (revision < 0 || anchor < 0 || head < 0 || Math.Max(anchor, head) > _options.MaxDocumentLength)
        {
            return Refusal.Of(StatusCodes.Status400BadRequest,
                ErrorCodes.CursorOutside, "A cursor must lie within the document (0 to its length, revision 0 on).");
        }
        if (revision > _revision || revision < _firstRecent - 1)
        {
            // Too old to transform (or bogus): place the cursor where it was said to be, clamped.
            revision = _revision;
        }
        for (var r = revision + 1; r <= _revision; r++)
        {
            (anchor, head) = TextType.TransformSelection((anchor, head), _recent[(int)(r - _firstRecent)].Op, false);
        }
        var length = _text.Length;
        var view = new PresenceView(Id, connectionId, actor.UserId, actor.DisplayName,
            ColourOf(actor.UserId), Math.Clamp(anchor, 0, length), Math.Clamp(head, 0, length), _revision);
        _presence[connectionId] = new Presence { View = view, SeenAt = DateTimeOffset.UtcNow };
        _presenceTimer ??= this.RegisterGrainTimer(ExpirePresenceAsync,
            _options.PresenceTimeout / 2, _options.PresenceTimeout / 2);
        await hub.Clients.GroupExcept(DocumentHub.Group(Id), connectionId).PresenceChanged(view);
        return true;
    }

    public async Task LeaveAsync(string connectionId)
    {
        if (_presence.Remove(connectionId))
        {
            await hub.Clients.Group(DocumentHub.Group(Id)).PresenceRemoved(Id, connectionId);
        }
    }

    private async Task ExpirePresenceAsync(CancellationToken ct)
    {
        var cutoff = DateTimeOffset.UtcNow - _options.PresenceTimeout;
        foreach (var (connectionId, _) in _presence.Where(p => p.Value.SeenAt < cutoff).ToList())
        {
            await LeaveAsync(connectionId);
        }
    }

    private void TransformPresence(TextOperation op, string authorConnection)
    {
        foreach (var presence in _presence.Values)
        {
            var v = presence.View;
            var (anchor, head) = TextType.TransformSelection((v.Anchor, v.Head), op,
                v.ConnectionId == authorConnection);
            presence.View = v with { Anchor = anchor, Head = head, Revision = _revision };
        }
    }

    public static string ColourOf(string userId)
    {
        var hash = 17;
        foreach (var ch in userId)
        {
            hash = unchecked(hash * 31 + ch);
        }
        return Colours[(int)((uint)hash % (uint)Colours.Length)];
    }
}
