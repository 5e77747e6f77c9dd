namespace Workspace.Server.Features.Documents;

public sealed partial class DocumentGrain
{
    /// <summary>
    /// Queues a compressed snapshot of the text at <paramref name="revision"/> behind that revision's op, then the
    /// removal of the snapshots the policy thinned out (only once the new one is stored). Not awaited: the log already
    /// holds the op, and a lost snapshot only means a longer replay. Compression runs on the thread pool, not in the
    /// grain's turn (inside Task.Run the captured context is the pool's, so its awaits stay there); the text is
    /// captured here, in the turn.
    /// </summary>
    private void TakeSnapshot(long revision)
    {
        var text = _text.ToString();
        var id = Id;
        var activation = _activation;
        var dropped = _snapshots.Taken(revision);
        const ConfigureAwaitOptions OffTheGrain =
            ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.ForceYielding;
        _ = Task.Run(async () =>
        {
            await writer.WriteAsync(SnapshotCodec.Encode(id, revision, text, DateTimeOffset.UtcNow), activation)
                .ConfigureAwait(OffTheGrain);
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
