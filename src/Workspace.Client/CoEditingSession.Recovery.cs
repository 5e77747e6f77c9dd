using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;

namespace Workspace.Client;

/// <summary>
/// Getting back in step with the server: catching up on missed operations when a gap shows, and resyncing from the
/// server's text when the session cannot continue from where it is.
/// </summary>
public sealed partial class CoEditingSession
{
    private void ScheduleCatchUp()
    {
        lock (_lock)
        {
            if (_catchUpScheduled)
            {
                return;
            }
            _catchUpScheduled = true;
        }
        _ = Task.Run(async () =>
        {
            // Messages usually arrive just out of order; only a gap that persists is fetched.
            await Task.Delay(150);
            lock (_lock)
            {
                _catchUpScheduled = false;
                if (_early.Count == 0 && !(_ackRevision is { } ack && ack > Revision + 1))
                {
                    return;
                }
            }
            await CatchUpAsync();
        });
    }

    private async Task CatchUpAsync()
    {
        try
        {
            var state = await _connection.InvokeAsync<DocumentState>(DocumentHubNames.CatchUp, DocumentId, Revision);
            if (state.Operations is not null)
            {
                Receive(state.Operations);
            }
            else
            {
                await ResyncAsync(inflightApplied: null);
            }
        }
        catch (Exception) when (_connection.State != HubConnectionState.Connected)
        {
            // Resumed on reconnect.
        }
        catch (Exception)
        {
            // Still connected (rate limited, a fault): look again shortly, or an acknowledged op could wait
            // forever behind the gap.
            await Task.Delay(1000);
            Drain();
        }
    }

    /// <summary>
    /// Realigns with the server's full text when operations can no longer be transformed (too far behind).
    /// Unsent edits are rebased onto the server text through a diff, so none is lost.
    /// </summary>
    /// <param name="inflightApplied">
    /// false: the server said the op in flight was not applied; null: unknown, so ask.
    /// </param>
    /// <param name="dropPending">true when the server refused the edits: they are discarded, not rebased.</param>
    private async Task ResyncAsync(bool? inflightApplied, bool dropPending = false)
    {
        TextOperation? inflight;
        long seq;
        lock (_lock)
        {
            _resyncing = true;
            inflight = _inflight;
            seq = _inflightSeq;
        }
        try
        {
            if (inflight is not null && inflightApplied is null)
            {
                // Resubmitting is idempotent: it tells whether the op had landed (and lands it if not).
                try
                {
                    await _connection.InvokeAsync<SubmitResult>(
                        DocumentHubNames.Submit, SubmitRequest.Of(DocumentId, ClientId, seq, Revision, inflight));
                    inflightApplied = true;
                }
                catch (HubException ex) when (HubRefusals.IsResync(ex))
                {
                    inflightApplied = false;
                }
            }
            var state = await _connection.InvokeAsync<DocumentState>(DocumentHubNames.CatchUp, DocumentId, -1L);
            lock (_lock)
            {
                if (_inflight is not null)
                {
                    if (inflightApplied == true)
                    {
                        _confirmed.Apply(_inflight);
                    }
                    else if (!dropPending)
                    {
                        _buffer = _buffer is null ? _inflight : TextType.Compose(_inflight, _buffer);
                    }
                }
                _inflight = null;
                _ackRevision = null;
                _sending = false;
                var server = state.Text ?? "";
                if (dropPending)
                {
                    _buffer = null;
                }
                var diff = TextDiff.Between(_confirmed.ToString(), server);
                if (_buffer is not null)
                {
                    _buffer = TextType.Transform(_buffer, diff, Side.Left);
                }
                _confirmed = new TextDocument(server);
                var local = new TextDocument(server);
                if (_buffer is not null)
                {
                    local.Apply(_buffer);
                }
                var before = _local.ToString();
                _local = local;
                Revision = state.Revision;
                foreach (var stale in _early.Keys.Where(r => r <= Revision).ToList())
                {
                    _early.Remove(stale);
                }
                _resyncing = false;
                var change = TextDiff.Between(before, local.ToString());
                RemoteOperation?.Invoke(change);
            }
        }
        finally
        {
            lock (_lock)
            {
                _resyncing = false;
            }
        }
        Flush();
        Drain();
    }
}
