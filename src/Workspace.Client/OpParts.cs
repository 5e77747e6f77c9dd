using Workspace.Collaboration.Documents;
using Workspace.Collaboration.Ot;

namespace Workspace.Client;

/// <summary>
/// Cuts an operation larger than the server accepts in one (Documents:MaxOperationLength, MaxOperationComponents) into
/// parts sent one after another, as the browser's client does (op-size.js). Edits composed while one was on its way
/// or while offline, or one large paste, would otherwise be refused whole and dropped.
/// </summary>
public static class OpParts
{
    /// <summary>
    /// The part of <paramref name="op"/> to send next and the rest (<see cref="TextOperation.Empty"/> when the op fits
    /// whole). Deletions go first: then no part makes the text longer than the whole op does, where a replacement sent
    /// insertions first could pass the document's length limit half way and be refused there.
    /// </summary>
    public static (TextOperation First, TextOperation Remaining) Next(TextOperation op, EditLimits limits)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(limits);
        var max = limits.MaxOperationLength;
        // A part needs room for a retain and a change.
        var components = Math.Max(2, limits.MaxOperationComponents);
        if (Changed(op) <= max && op.Components.Count <= components)
        {
            return (op, TextOperation.Empty);
        }
        var deletions = TextOperation.Create(op.Components.Where(c => !c.IsInsert));
        if (deletions.Components.All(c => c.IsRetain))
        {
            return Split(op, max, components);
        }
        var insertions = TextOperation.Create(op.Components.Where(c => !c.IsDelete));
        var (first, rest) = Split(deletions, max, components);
        return (first, TextType.Compose(rest, insertions));
    }

    /// <summary>Code points the op inserts or deletes (what the server's MaxOperationLength counts).</summary>
    public static long Changed(TextOperation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return op.Components.Where(c => !c.IsRetain).Sum(c => (long)c.Count);
    }

    /// <summary>
    /// <paramref name="op"/> cut into a first part changing at most <paramref name="max"/> code points in at most
    /// <paramref name="maxComponents"/> (at least 2) components, and the rest, which applies after it.
    /// </summary>
    public static (TextOperation First, TextOperation Remaining) Split(TextOperation op, int max, int maxComponents)
    {
        ArgumentNullException.ThrowIfNull(op);
        var first = new List<OpComponent>();
        var budget = max;
        var written = 0; // code points of the text after the first part that come before the rest's work
        for (var i = 0; i < op.Components.Count; i++)
        {
            var c = op.Components[i];
            var n = c.IsRetain ? 0 : c.Count;
            if (n <= budget && first.Count < maxComponents)
            {
                first.Add(c);
                budget -= n;
                written += c.IsDelete ? 0 : c.Count;
                continue;
            }
            var tail = c;
            if (budget > 0 && first.Count < maxComponents)
            {
                (var head, tail) = Cut(c, budget);
                first.Add(head);
                written += c.IsInsert ? budget : 0;
            }
            var rest = new List<OpComponent> { OpComponent.Retain(written), tail };
            rest.AddRange(op.Components.Skip(i + 1));
            return (TextOperation.Create(first), TextOperation.Create(rest));
        }
        return (op, TextOperation.Empty);
    }

    /// <summary>An insert's or delete's first <paramref name="n"/> code points and the rest.</summary>
    private static (OpComponent Head, OpComponent Tail) Cut(OpComponent c, int n)
    {
        if (c.IsDelete && c.Text is null)
        {
            return (OpComponent.Delete(n), OpComponent.Delete(c.Count - n));
        }
        var text = c.Text!;
        var at = 0;
        for (var k = 0; k < n; k++)
        {
            at += char.IsHighSurrogate(text[at]) ? 2 : 1;
        }
        return c.IsInsert
            ? (OpComponent.Insert(text[..at]), OpComponent.Insert(text[at..]))
            : (OpComponent.Delete(text[..at]), OpComponent.Delete(text[at..]));
    }
}
