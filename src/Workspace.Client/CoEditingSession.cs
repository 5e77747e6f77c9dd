using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;

namespace Workspace.Client;

/// <summary>
/// The classic OT client (ot.js / ShareDB) for one document over a <see cref="HubConnection"/>: at most one
/// operation in flight, later local edits composed into a buffer, remote operations transformed through both.
/// Server messages are applied strictly in revision order; a gap is filled by asking the server for what was
/// missed. The in-flight op keeps its (client id, sequence number) across reconnects, so resending it is safe.
/// </summary>
public sealed partial class CoEditingSession : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, AppliedOperation> _early = [];
    private readonly List<IDisposable> _subscriptions = [];
    private TextDocument _local = new("");
    private TextDocument _confirmed = new("");
    private TextOperation? _inflight;
    private long _inflightSeq;
    private long _inflightBase;
    private long? _ackRevision;
    private TextOperation? _buffer;
    /// <summary>The server's limits on one op (from its open answer): the buffer goes in parts within them.</summary>
    private EditLimits _limits = EditLimits.Defaults;
    private long _seq;
    private bool _resyncing;
    private bool _sending;
    private bool _catchUpScheduled;
    private bool _opened;
    /// <summary>Consecutive sends that failed for a reason other than a refusal (for the retry back-off).</summary>
    private int _failedSends;
    private TaskCompletionSource _synced = NewSynced();

    public CoEditingSession(HubConnection connection, Guid documentId, string? clientId = null)
    {
        _connection = connection;
        DocumentId = documentId;
        ClientId = clientId ?? Guid.NewGuid().ToString("N");
        _subscriptions.Add(connection.On<AppliedOperation>(DocumentHubNames.OperationApplied, op =>
        {
            if (op.DocumentId == DocumentId)
            {
                Receive([op]);
            }
        }));
        connection.Reconnected += _ => ResumeAsync();
    }

    public Guid DocumentId { get; }
    public string ClientId { get; }

    /// <summary>The last server revision this client has applied.</summary>
    public long Revision { get; private set; }

    /// <summary>The text as this client sees it (server text plus its own unacknowledged edits).</summary>
    public string Text
    {
        get { lock (_lock) { return _local.ToString(); } }
    }

    /// <summary>The server's text at <see cref="Revision"/>: everything acknowledged, nothing pending.</summary>
    public string ConfirmedText
    {
        get { lock (_lock) { return _confirmed.ToString(); } }
    }

    /// <summary>Code points of <see cref="Text"/>.</summary>
    public int Length
    {
        get { lock (_lock) { return _local.Length; } }
    }

    /// <summary>True when every local edit has been acknowledged.</summary>
    public bool IsSynced
    {
        get { lock (_lock) { return _inflight is null && _buffer is null; } }
    }

    /// <summary>Remote ops as applied to <see cref="Text"/> (already transformed), for a UI to mirror.</summary>
    public event Action<TextOperation>? RemoteOperation;

    /// <summary>Called with the server's message when an edit was refused (it is then dropped).</summary>
    public event Action<string>? Rejected;

    /// <summary>Raised with the sequence number just before an op is submitted (first send or resend).</summary>
    public event Action<long>? Sending;

    /// <summary>Raised with the revision when the server acknowledges one of this client's ops.</summary>
    public event Action<long>? Acknowledged;

    /// <summary>Joins the document and loads its text.</summary>
    public async Task OpenAsync(CancellationToken ct = default)
    {
        var state = await _connection.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, DocumentId, null, ct);
        lock (_lock)
        {
            _local = new TextDocument(state.Text ?? "");
            _confirmed = new TextDocument(state.Text ?? "");
            Revision = state.Revision;
            _limits = state.Limits ?? EditLimits.Defaults;
            _opened = true;
        }
        Drain(); // broadcasts that overtook the answer
    }

    /// <summary>
    /// Applies a local edit to <see cref="Text"/> and sends it (or buffers it behind the op in flight).
    /// </summary>
    public void Edit(TextOperation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        Edit(_ => op);
    }

    /// <summary>
    /// Builds an edit from the current text and applies it in one step, so no remote operation can move the
    /// text between reading it and editing it (a position computed from <see cref="Text"/> could be stale).
    /// </summary>
    public void Edit(Func<string, TextOperation> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        lock (_lock)
        {
            // Before the server's text is here there is nothing to edit: an edit would be made against a text about
            // to be replaced.
            if (!_opened)
            {
                throw new InvalidOperationException("Open the document (OpenAsync) before editing it.");
            }
            var op = build(_local.ToString());
            _local.Apply(op);
            _buffer = _buffer is null ? op : TextType.Compose(_buffer, op);
            if (_synced.Task.IsCompleted)
            {
                _synced = NewSynced();
            }
        }
        Flush();
    }

    public void Insert(int position, string text) => Edit(TextOperation.Insert(position, text));

    public void Delete(int position, int count) => Edit(TextOperation.Delete(position, count));

    /// <summary>Completes when every local edit has been acknowledged.</summary>
    public async Task WaitSyncedAsync(CancellationToken ct = default)
    {
        while (true)
        {
            Task wait;
            lock (_lock)
            {
                if (_inflight is null && _buffer is null)
                {
                    return;
                }
                wait = _synced.Task;
            }
            await wait.WaitAsync(TimeSpan.FromMilliseconds(200), ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// After the connection came back: rejoin, resend the op in flight (the server answers a duplicate with its
    /// original revision), and fetch what was missed.
    /// </summary>
    public async Task ResumeAsync()
    {
        await _connection.InvokeAsync<DocumentState>(DocumentHubNames.OpenDocument, DocumentId, (long?)Revision);
        lock (_lock)
        {
            _sending = false;
        }
        Flush();
        await CatchUpAsync();
    }

    private void Flush()
    {
        TextOperation op;
        long seq, baseRevision;
        lock (_lock)
        {
            if (_sending || _resyncing || _connection.State != HubConnectionState.Connected)
            {
                return;
            }
            if (_inflight is null)
            {
                if (_buffer is null)
                {
                    return;
                }
                // One op larger than the server accepts goes in parts, one after another, each acknowledged first.
                var (first, rest) = OpParts.Next(_buffer, _limits);
                _inflight = first;
                _buffer = rest.IsNoop ? null : rest;
                _inflightSeq = ++_seq;
                _inflightBase = Revision;
            }
            // An op already sent keeps its sequence number; its base moves with the remote ops it was transformed
            // through.
            _inflightBase = Revision;
            _sending = true;
            op = _inflight;
            seq = _inflightSeq;
            baseRevision = _inflightBase;
        }
        Sending?.Invoke(seq);
        _ = SendAsync(op, seq, baseRevision);
    }

    private async Task SendAsync(TextOperation op, long seq, long baseRevision)
    {
        try
        {
            var result = await _connection.InvokeAsync<SubmitResult>(
                DocumentHubNames.Submit, SubmitRequest.Of(DocumentId, ClientId, seq, baseRevision, op));
            lock (_lock)
            {
                _failedSends = 0;
                if (_inflight is not null && _inflightSeq == seq)
                {
                    _ackRevision = result.Revision;
                }
            }
            Drain();
        }
        catch (HubException ex) when (HubRefusals.IsResync(ex))
        {
            await ResyncAsync(inflightApplied: false);
        }
        catch (HubException ex) when (HubRefusals.IsSlowDown(ex))
        {
            // Rate limited: not applied. The op keeps its sequence number and is sent again shortly.
            lock (_lock)
            {
                _sending = false;
            }
            await Task.Delay(1000);
            Flush();
        }
        catch (HubException ex) when (HubRefusals.IsRefusal(ex))
        {
            // Refused (too big, invalid): it will never apply, so drop it and realign with the server.
            Rejected?.Invoke(ex.Message);
            lock (_lock)
            {
                _inflight = null;
            }
            await ResyncAsync(inflightApplied: false, dropPending: true);
        }
        catch (Exception)
        {
            // Connection lost, a timeout, a failed save or any fault that is not a refusal: the op stays in
            // flight, with its sequence number, and is resent by ResumeAsync or the retry below (backing off
            // while the fault lasts); the server never applies it twice.
            int attempt;
            lock (_lock)
            {
                _sending = false;
                attempt = ++_failedSends;
            }
            if (_connection.State == HubConnectionState.Connected)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * (1 << Math.Min(attempt, 5)))));
                Flush();
            }
        }
    }

    private void Receive(IEnumerable<AppliedOperation> ops)
    {
        lock (_lock)
        {
            foreach (var op in ops)
            {
                if (op.Revision > Revision)
                {
                    _early[op.Revision] = op;
                }
            }
            if (!_opened)
            {
                return; // before the first open answers, Revision means nothing yet: applied after it
            }
        }
        Drain();
    }

    /// <summary>Applies acknowledgements and remote ops in revision order, as far as there is no gap.</summary>
    private void Drain()
    {
        var applied = new List<TextOperation>();
        var acked = new List<long>();
        bool gap;
        lock (_lock)
        {
            // Broadcasts can overtake the answer that brought this client past them; those are already applied.
            while (_early.Count > 0 && _early.Keys.First() <= Revision)
            {
                _early.Remove(_early.Keys.First());
            }
            while (true)
            {
                var next = Revision + 1;
                if (_ackRevision == next)
                {
                    Acknowledge(next);
                    acked.Add(next);
                    _early.Remove(next);
                    continue;
                }
                if (!_early.Remove(next, out var remote))
                {
                    break;
                }
                if (_inflight is not null && remote.ClientId == ClientId && remote.ClientSeq == _inflightSeq)
                {
                    // Our own op, learnt through a catch-up before its acknowledgement.
                    Acknowledge(next);
                    acked.Add(next);
                    continue;
                }
                var op = remote.Op;
                _confirmed.Apply(op);
                if (_inflight is not null)
                {
                    var transformed = TextType.Transform(op, _inflight, Side.Right);
                    _inflight = TextType.Transform(_inflight, op, Side.Left);
                    op = transformed;
                }
                if (_buffer is not null)
                {
                    var transformed = TextType.Transform(op, _buffer, Side.Right);
                    _buffer = TextType.Transform(_buffer, op, Side.Left);
                    op = transformed;
                }
                _local.Apply(op);
                Revision = next;
                applied.Add(op);
            }
            gap = _early.Count > 0 || (_ackRevision is { } ack && ack > Revision + 1);
            if (_inflight is null && _buffer is null)
            {
                _synced.TrySetResult();
            }
        }
        foreach (var op in applied)
        {
            RemoteOperation?.Invoke(op);
        }
        foreach (var revision in acked)
        {
            Acknowledged?.Invoke(revision);
        }
        if (acked.Count > 0)
        {
            Flush();
        }
        if (gap)
        {
            ScheduleCatchUp();
        }
    }

    private void Acknowledge(long revision)
    {
        _confirmed.Apply(_inflight!);
        _inflight = null;
        _ackRevision = null;
        _sending = false;
        Revision = revision;
    }

    private static TaskCompletionSource NewSynced() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        foreach (var s in _subscriptions)
        {
            s.Dispose();
        }
        if (_connection.State == HubConnectionState.Connected)
        {
            try
            {
                await _connection.InvokeAsync(DocumentHubNames.CloseDocument, DocumentId);
            }
            catch (HubException)
            {
                // Closing is best-effort.
            }
        }
    }
}
