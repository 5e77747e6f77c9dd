using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;

namespace Workspace.Floor;

/// <summary>
/// One document in memory, as little as a co-editing server needs: the revision, the text and the ops since the start
/// (to bring an op based on an older revision to the head, as ShareDB does). No limits, no idempotence, no storage.
/// </summary>
public sealed class FloorDocument(Guid id)
{
    private const string AuthorId = "00000000000000000000000000000001";
    private const string AuthorName = "Floor Writer";
    private readonly List<TextOperation> _ops = [];
    private readonly TextDocument _text = new("");
    private readonly Lock _gate = new();

    public (long Revision, string Text) Open()
    {
        lock (_gate)
        {
            return (_ops.Count, _text.ToString());
        }
    }

    /// <summary>Transforms <paramref name="op"/> from <paramref name="baseRevision"/> to the head and applies it.
    /// </summary>
    public AppliedOperation Submit(string clientId, long clientSeq, long baseRevision, TextOperation op)
    {
        lock (_gate)
        {
            if (baseRevision < 0 || baseRevision > _ops.Count)
            {
                throw new ArgumentOutOfRangeException(nameof(baseRevision), "Unknown base revision.");
            }
            for (var r = (int)baseRevision; r < _ops.Count; r++)
            {
                op = TextType.Transform(op, _ops[r], Side.Left);
            }
            _text.Apply(op);
            _ops.Add(op);
            return new AppliedOperation(id, _ops.Count, op, clientId, clientSeq, AuthorId, AuthorName);
        }
    }
}
