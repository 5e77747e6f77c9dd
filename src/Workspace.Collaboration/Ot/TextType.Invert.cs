namespace Workspace.Collaboration.Ot;

/// <summary>Inversion (npm <c>invert</c>, <c>makeInvertible</c>, <c>stripInvertible</c>): undoing an op.</summary>
public static partial class TextType
{
    /// <summary>
    /// The op that undoes <paramref name="op"/>; every delete must carry its text, else <see cref="OtException"/>.
    /// </summary>
    public static TextOperation Invert(TextOperation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var result = new OpBuilder(op.Items.Length);
        foreach (var c in op.Items)
        {
            result.Append(c.Kind switch
            {
                OpComponentKind.Retain => c,
                OpComponentKind.Insert => OpComponent.DeleteUnchecked(c.Text, c.Count),
                _ => c.Text is null
                    ? throw new OtException(
                        "Cannot invert text op: Deleted characters missing from operation. makeInvertible must be "
                        + "called first.")
                    : OpComponent.InsertUnchecked(c.Text, c.Count),
            });
        }

        return result.Build();
    }

    /// <summary>True when every delete carries its text, so <see cref="Invert"/> will succeed.</summary>
    public static bool IsInvertible(TextOperation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return Array.TrueForAll(op.Items, c => !c.IsDelete || c.Text is not null);
    }

    /// <summary>
    /// Fills in the deleted text of <paramref name="op"/> from <paramref name="doc"/>, the document it applies to.
    /// </summary>
    public static TextOperation MakeInvertible(TextOperation op, string doc)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(doc);
        var result = new OpBuilder(op.Items.Length);
        var pos = 0;
        var cp = 0;
        foreach (var c in op.Items)
        {
            if (c.IsInsert)
            {
                result.Append(c);
                continue;
            }

            var end = Walk(doc, pos, cp, c.Count, op);
            result.Append(c.IsDelete && c.Text is null ? OpComponent.DeleteUnchecked(doc[pos..end], c.Count) : c);
            pos = end;
            cp += c.Count;
        }

        return result.Build();
    }

    /// <summary>Drops the deleted text from every delete (smaller ops when inversion is not needed).</summary>
    public static TextOperation StripInvertible(TextOperation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var result = new OpBuilder(op.Items.Length);
        foreach (var c in op.Items)
        {
            result.Append(c.IsDelete ? OpComponent.DeleteUnchecked(null, c.Count) : c);
        }

        return result.Build();
    }
}
