using Microsoft.AspNetCore.SignalR;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Errors;
using Workspace.Collaboration.Ot;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Documents;

/// <summary>
/// A client's operation: checked, transformed to the head revision, applied, stored, acknowledged, broadcast.
/// </summary>
public sealed partial class DocumentGrain
{
    public async Task<Outcome<SubmitResult>> SubmitAsync(SubmitCommand command)
    {
        if (Gone() is { } gone)
        {
            return gone;
        }
        if (string.IsNullOrEmpty(command.ClientId) || command.ClientId.Length > DocumentLimits.ClientIdMax
            || command.ClientId.StartsWith(ServerClientId, StringComparison.Ordinal))
        {
            return Refusal.Of(StatusCodes.Status400BadRequest,
                ErrorCodes.InvalidClientId,
                $"A client id of 1 to {DocumentLimits.ClientIdMax} characters is needed "
                + "(and it may not start with \"server\").");
        }
        if (_broken)
        {
            return SaveFailed;
        }
        if (CheckClient(command, out var seen) is { } badClient)
        {
            return badClient;
        }
        // Idempotence first: a resubmitted op is answered, never applied twice, whatever else changed since.
        if (seen is not null && command.ClientSeq <= seen.Seq)
        {
            var original = await RevisionOfAsync(command.ClientId, command.ClientSeq, seen);
            await _lastWrite; // it may still be on its way to the disk
            return new SubmitResult(original, Duplicate: true);
        }
        if ((CheckEditAllowed() ?? CheckBaseRevision(command)) is { } refused)
        {
            return refused;
        }
        if (ToHead(command, out var op) is { } badOp)
        {
            return badOp;
        }

        // Ordered and applied before the first await (see the interface); acknowledged and broadcast only once durable.
        var (applied, write) = Apply(op, command.ClientId, command.ClientSeq, command.Author, command.ConnectionId);
        var revision = applied.Revision;

        try
        {
            await write;
        }
        catch (Exception ex)
        {
            log.LogError(ex, "Could not store revision {Revision} of document {Id}.", revision, Id);
            // Memory is now ahead of the database: refuse everything and reload from the database on next use.
            _broken = true;
            DeactivateOnIdle();
            return SaveFailed;
        }

        await hub.Clients.GroupExcept(Group, command.ConnectionId).OperationApplied(applied);
        _sentAt = System.Diagnostics.Stopwatch.GetTimestamp();
        return new SubmitResult(revision, Duplicate: false);
    }

    /// <summary>The document's SignalR group, named once per activation (not formatted again per op).</summary>
    private string Group => _group ??= DocumentHub.Group(Id);

    private string? _group;

    private static readonly Refusal SaveFailed = Refusal.Of(StatusCodes.Status503ServiceUnavailable,
        ErrorCodes.SaveFailed, "The change could not be saved; it will be retried.");

    /// <summary>Refuses an operation based on a revision the server does not have in memory.</summary>
    private Refusal? CheckBaseRevision(SubmitCommand command)
    {
        if (command.BaseRevision > _revision)
        {
            // Revisions are only ever handed out once on disk, so this one was stored and is gone (see DocumentHub).
            alarm.Raise($"ahead:{Id}", $"User {command.Author.UserId} edited revision {command.BaseRevision} of "
                + $"document {Id}, but the server has only revision {_revision}: "
                + "saved edits are missing from the database.");
            return Refusal.Of(StatusCodes.Status409Conflict,
                ErrorCodes.Resync,
                $"Resync required: base revision {command.BaseRevision} is ahead of the server's {_revision}.");
        }
        if (command.BaseRevision < 0)
        {
            return Refusal.Of(StatusCodes.Status400BadRequest,
                ErrorCodes.UnknownRevision,
                $"Base revision {command.BaseRevision} does not exist; the document is at revision {_revision}.",
                ("revision", command.BaseRevision));
        }
        if (command.BaseRevision < _firstRecent - 1)
        {
            return Refusal.Of(StatusCodes.Status409Conflict,
                ErrorCodes.Resync,
                $"Resync required: the operation is based on revision {command.BaseRevision}, "
                + $"but the server keeps only revisions after {_firstRecent - 1}.");
        }
        return null;
    }

    /// <summary>The operation checked against its base revision and transformed to apply at the head.</summary>
    private Refusal? ToHead(SubmitCommand command, out TextOperation op)
    {
        op = command.Op;
        if (CheckSize(op) is { } tooLarge)
        {
            return tooLarge;
        }
        var baseLength = LengthAt(command.BaseRevision);
        if (baseLength >= 0 && op.BaseLength > baseLength)
        {
            return Refusal.Of(StatusCodes.Status400BadRequest,
                ErrorCodes.InvalidOperation,
                $"The operation reaches code point {op.BaseLength}, "
                + $"but the document had {baseLength} at revision {command.BaseRevision}.");
        }
        try
        {
            for (var r = command.BaseRevision + 1; r <= _revision; r++)
            {
                op = TextType.Transform(op, _recent[(int)(r - _firstRecent)].Op, Side.Left);
            }
            if (op.BaseLength > _text.Length)
            {
                return Refusal.Of(StatusCodes.Status400BadRequest,
                    ErrorCodes.InvalidOperation,
                    $"The operation reaches code point {op.BaseLength}, but the document has {_text.Length}.");
            }
            _text.CheckDeletedText(op);
        }
        catch (OtException ex)
        {
            return Refusal.Of(StatusCodes.Status400BadRequest, ErrorCodes.InvalidOperation,
                $"Invalid operation: {ex.Message}");
        }
        if ((long)_text.Length + op.LengthDelta > _options.MaxDocumentLength)
        {
            return Refusal.Of(StatusCodes.Status413PayloadTooLarge,
                ErrorCodes.DocumentTooLong,
                $"The document would exceed its limit of {_options.MaxDocumentLength} characters.",
                ("max", _options.MaxDocumentLength));
        }
        return null;
    }

    /// <summary>
    /// The text's length in code points at a kept revision (from the first kept one's base on); -1 when not known.
    /// </summary>
    private int LengthAt(long revision) =>
        revision == _revision ? _text.Length
        : revision == _firstRecent - 1 ? -1
        : _lengthAfter[(int)(revision - _firstRecent)];

    private Refusal? CheckSize(TextOperation op)
    {
        if (op.Components.Count > _options.MaxOperationComponents)
        {
            return Refusal.Of(StatusCodes.Status413PayloadTooLarge,
                ErrorCodes.OperationTooLarge,
                $"The operation has {op.Components.Count} parts; "
                + $"at most {_options.MaxOperationComponents} are allowed.",
                ("parts", _options.MaxOperationComponents));
        }
        long changed = 0;
        foreach (var c in op.Components)
        {
            if (!c.IsRetain)
            {
                changed += c.Count;
            }
        }
        if (changed > _options.MaxOperationLength)
        {
            return Refusal.Of(StatusCodes.Status413PayloadTooLarge,
                ErrorCodes.OperationTooLarge,
                $"The operation changes {changed} characters; "
                + $"at most {_options.MaxOperationLength} are allowed at once.",
                ("max", _options.MaxOperationLength));
        }
        return null;
    }
}
