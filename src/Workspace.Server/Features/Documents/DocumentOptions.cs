using System.ComponentModel.DataAnnotations;
using Workspace.Collaboration.Documents;

namespace Workspace.Server.Features.Documents;

/// <summary>Limits and tuning of co-editing (section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>Most code points one operation may insert or delete.</summary>
    [Range(1, 10_000_000)]
    public int MaxOperationLength { get; set; } = EditLimits.Defaults.MaxOperationLength;

    /// <summary>Most components (retain/insert/delete runs) in one operation.</summary>
    [Range(1, 1_000_000)]
    public int MaxOperationComponents { get; set; } = EditLimits.Defaults.MaxOperationComponents;

    /// <summary>Longest document, in code points.</summary>
    [Range(1, 100_000_000)]
    public int MaxDocumentLength { get; set; } = EditLimits.Defaults.MaxDocumentLength;

    /// <summary>Operations each document keeps in memory; an op based on an older revision must resync.</summary>
    [Range(1, 1_000_000)]
    public int RetainedOperations { get; set; } = 1_000;

    /// <summary>Most revisions between two snapshots of the full text, however small the edits.</summary>
    [Range(1, 1_000_000)]
    public int SnapshotInterval { get; set; } = 10_000;

    /// <summary>
    /// Least change, in code points (each operation also counts 32), after which a snapshot is taken; for texts over
    /// 16 times this, a sixteenth of their length (see <see cref="SnapshotPolicy"/>).
    /// </summary>
    [Range(1, 100_000_000)]
    public int SnapshotChange { get; set; } = 16_384;

    /// <summary>
    /// Thinning keeps old snapshots at most this many revisions apart (and the oldest at most this far above revision
    /// 0), so a version replays at most this many operations from its nearest snapshot, unless the snapshots were
    /// taken further apart (<see cref="SnapshotInterval"/>) or thinned before this cap existed. Without it a long
    /// history's oldest third replays from the empty text. The price: kept snapshots grow with the revisions (one per
    /// cap's worth), each ~170 KB for a 1 MB text against ~400–800 KB of the operations it spans, so the log stays
    /// the larger part (RESULTS-load.md, tenth session: the 1 MB benchmark document's version reads −22 % at p50,
    /// −26 % at their slowest, for 21.7 instead of 19.0 MB).
    /// </summary>
    [Range(1, 100_000_000)]
    public int SnapshotKeepGap { get; set; } = 4_096;

    /// <summary>In the version history, a pause in editing at least this long starts a new version.</summary>
    public TimeSpan HistoryGap { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// In the version history a version spans at most this long: a long session is split into several.
    /// </summary>
    public TimeSpan HistoryMaxSpan { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The version list is built from at most this many of the newest operations (one index range read), however old
    /// the document.
    /// </summary>
    [Range(1, 10_000_000)]
    public int HistoryOperations { get; set; } = 20_000;

    /// <summary>A cursor not refreshed for this long disappears (its connection is presumed gone).</summary>
    public TimeSpan PresenceTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most writes the group-commit writer puts in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 2_000;

    /// <summary>
    /// How long the writer waits after the first write of a batch for more to join it. Zero batches
    /// whatever queued up while the previous transaction committed, which keeps latency lowest; any window also turns
    /// <see cref="CallerCommits"/> off.
    /// </summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// SQLite: an op that finds no commit running is committed by its caller, in its grain's turn (no wake-up of the
    /// writer, no hop back to the grain). Off by default: on the shared test machine it lowered latency but cost more
    /// CPU and context switches per insert at low load (RESULTS-load.md, fifth session); to be decided in a quiet run.
    /// </summary>
    public bool CallerCommits { get; set; }

    /// <summary>
    /// With <see cref="CallerCommits"/>: an op that reaches its document within this time of the previous op's turn
    /// (and of the last commit's duration) is taken to have waited for that turn and is queued to share the next
    /// commit instead of committing alone. A quarter of a millisecond is longer than the grain's own hand-over on an
    /// idle machine and shorter than any client's round trip; on a loaded machine the hand-over alone can take longer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan QueuedGapMax { get; set; } = TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond / 4);

    /// <summary>
    /// How long a document must be quiet before its task lines are matched with action items, so a
    /// line being typed does not become an item per keystroke.
    /// </summary>
    public TimeSpan ChecklistDelay { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// SQLite only. false (the default): every group commit is fsynced (WAL, synchronous=FULL), so what a person
    /// was told is saved survives a power cut too. true: a commit is written to the OS but not fsynced
    /// (synchronous=NORMAL) — it survives the server process being killed, not a power cut or kernel crash, and
    /// each batch no longer waits for the disk. PostgreSQL ignores this (it fsyncs every commit by default).
    /// </summary>
    public bool SqliteSynchronousNormal { get; set; }

    /// <summary>
    /// SQLite: how often the WAL is copied into the database file; after a period without commits it is also
    /// truncated to zero bytes, so it cannot keep growing.
    /// </summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most bytes of rendered version HTML kept for reading a version again (<see cref="VersionHtmlCache"/>); 0 keeps
    /// none. A 200,000-character Markdown text renders to ~0.3 M characters (0.6 MB), so the default holds ~50.
    /// </summary>
    [Range(0, 4L * 1024 * 1024 * 1024)]
    public long VersionHtmlCacheBytes { get; set; } = 32L * 1024 * 1024;

    [Range(1, 1000)]
    public int MaxTitleLength { get; set; } = DocumentLimits.TitleMax;

    /// <summary>The limits on edits as the open answer gives them to clients.</summary>
    public EditLimits Limits() => new(MaxOperationLength, MaxOperationComponents, MaxDocumentLength);
}
