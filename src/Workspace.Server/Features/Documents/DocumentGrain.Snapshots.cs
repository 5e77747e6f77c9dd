using Workspace.Collaboration.Ot;

namespace Workspace.Server.Features.Documents;

public sealed partial class DocumentGrain
{
    /// <summary>The text as one string, made at most once per revision (see <see cref="Text"/>).</summary>
    private string? _textString;

    /// <summary>
    /// The current text as a string. Opens, snapshots and checklist scans of one revision share it: each copy of a
    /// large text is megabytes (a 1 MB text is 2 MB of UTF-16), and many people open a document between two edits.
    /// Every change of <see cref="_text"/> goes through <see cref="ApplyToText"/>, which lets it go.
    /// </summary>
    private string Text => _textString ??= _text.ToString();

    private void ApplyToText(TextOperation op)
    {
        _textString = null;
        _text.Apply(op);
    }

    /// <summary>
    /// Queues a compressed snapshot of the text and the client ids at <paramref name="revision"/> (the head: taken in
    /// the turn that applied it) behind that revision's op, then the
    /// removal of the snapshots the policy thinned out (only once the new one is stored). Not awaited: the log already
    /// holds the op, and a lost snapshot only means a longer replay. Compression runs on the thread pool, not in the
    /// grain's turn (inside Task.Run the captured context is the pool's, so its awaits stay there); the text is
    /// captured here, in the turn.
    /// </summary>
    private void TakeSnapshot(long revision)
    {
        var text = Text;
        var clients = SnapshotClients.Encode(_clients.Select(c => KeyValuePair.Create(c.Key,
            new SnapshotClients.Head(c.Value.Owner, c.Value.Seq, c.Value.Revision))));
        var id = Id;
        var activation = _activation;
        var dropped = _snapshots.Taken(revision);
        const ConfigureAwaitOptions OffTheGrain =
            ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding;
        _ = Task.Run(async () =>
        {
            var snapshot = SnapshotCodec.Encode(id, revision, text, DateTimeOffset.UtcNow, clients);
            await writer.WriteAsync(snapshot, activation).ConfigureAwait(OffTheGrain);
            if (dropped.Count > 0)
            {
                await Task.WhenAll(dropped.Select(old => writer.WriteAsync(
                        new OperationWriter.Removal(new DocumentSnapshot { DocumentId = id, Revision = old }),
                        activation)))
                    .ConfigureAwait(OffTheGrain);
            }
        }).ContinueWith(
            t => log.LogWarning(t.Exception, "Snapshot {Revision} of {Id} was not stored or thinned.", revision, id),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }
}
