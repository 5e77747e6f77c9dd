namespace Workspace.Collaboration.Ot;

/// <summary>
/// Cursor that takes pieces off the front of an op, as npm's <c>makeTake</c>: past the end the op retains forever;
/// a component of the <c>indivisible</c> kind is always taken whole.
/// </summary>
internal struct OpTaker
{
    private readonly OpComponent[] _op;
    private int _index;
    private int _offset;      // code points already taken from the current component
    private int _textOffset;  // the same, in UTF-16 units into the component's text

    public OpTaker(TextOperation op)
    {
        _op = op.Items;
    }

    public readonly OpComponent Peek() => _index < _op.Length ? _op[_index] : default;

    /// <summary>Takes the rest of the current component (empty at the end of the op).</summary>
    public OpComponent TakeAll() => _index == _op.Length ? default : Take(int.MaxValue, OpComponentKind.None);

    /// <summary>
    /// Takes at most <paramref name="n"/> code points unless the component is of kind <paramref name="indivisible"/>.
    /// </summary>
    public OpComponent Take(int n, OpComponentKind indivisible)
    {
        if (_index == _op.Length)
        {
            return OpComponent.Retain(n);
        }

        var c = _op[_index];
        var remaining = c.Count - _offset;
        if (remaining <= n || c.Kind == indivisible)
        {
            var rest = c.Kind switch
            {
                OpComponentKind.Retain => OpComponent.Retain(remaining),
                OpComponentKind.Insert => _offset == 0
                    ? c
                    : OpComponent.InsertUnchecked(c.Text![_textOffset..], remaining),
                _ => _offset == 0 ? c : OpComponent.DeleteUnchecked(c.Text?[_textOffset..], remaining),
            };
            _index++;
            _offset = 0;
            _textOffset = 0;
            return rest;
        }

        OpComponent part;
        if (c.Text is null)
        {
            part = c.IsRetain ? OpComponent.Retain(n) : OpComponent.DeleteUnchecked(null, n);
        }
        else
        {
            var end = CodePoints.AdvanceValid(c.Text, _textOffset, n);
            var text = c.Text[_textOffset..end];
            part = c.IsInsert ? OpComponent.InsertUnchecked(text, n) : OpComponent.DeleteUnchecked(text, n);
            _textOffset = end;
        }

        _offset += n;
        return part;
    }
}
