namespace Workspace.Collaboration.Ot;

/// <summary>
/// Appends components the way npm's <c>makeAppend</c> does (drop empties, merge equal neighbours) and
/// trims the trailing retain at the end, so every op the engine produces is normalised.
/// </summary>
internal sealed class OpBuilder
{
    private readonly List<OpComponent> _items;

    public OpBuilder(int capacity = 4) => _items = new List<OpComponent>(capacity);

    public void Append(OpComponent c)
    {
        if (c.IsEmpty)
        {
            return;
        }

        if (_items.Count == 0 || _items[^1].Kind != c.Kind)
        {
            _items.Add(c);
            return;
        }

        var last = _items[^1];
        _items[^1] = c.Kind switch
        {
            OpComponentKind.Retain => OpComponent.Retain(Sum(last.Count, c.Count)),
            OpComponentKind.Insert => OpComponent.InsertUnchecked(last.Text + c.Text, Sum(last.Count, c.Count)),
            // Merged deletes keep their text only if both carry it, as npm does.
            _ => OpComponent.DeleteUnchecked(
                last.Text is not null && c.Text is not null ? last.Text + c.Text : null,
                Sum(last.Count, c.Count)),
        };
    }

    public TextOperation Build()
    {
        if (_items.Count > 0 && _items[^1].IsRetain)
        {
            _items.RemoveAt(_items.Count - 1);
        }

        return TextOperation.FromNormalised([.. _items]);
    }

    private static int Sum(int a, int b)
    {
        var sum = (long)a + b;
        return sum > int.MaxValue
            ? throw new OtException("Component length exceeds 2147483647 code points.")
            : (int)sum;
    }
}
