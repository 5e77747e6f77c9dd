using System.Text;

namespace Workspace.Collaboration.Ot;

/// <summary>
/// The <c>ot-text-unicode</c> v4 type: apply, transform, compose, cursor transform and invert, matching the
/// npm package's results exactly (proven by the randomized cross-check test against the package run with node).
/// All positions and lengths are Unicode code points.
/// </summary>
public static partial class TextType
{
    /// <summary>The type's name and URI as npm registers them (ShareDB identifies types by these).</summary>
    public const string Name = "text-unicode";

    public const string Uri = "http://sharejs.org/types/text-unicode";

    /// <summary>
    /// Checks the invariants every op must hold (positive counts, valid text, normalised); throws
    /// <see cref="OtException"/>.
    /// </summary>
    public static void Validate(TextOperation op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var items = op.Items;
        for (var i = 0; i < items.Length; i++)
        {
            var c = items[i];
            switch (c.Kind)
            {
                case OpComponentKind.None:
                    throw new OtException($"Invalid op at component {i}: empty component.");
                case OpComponentKind.Insert when string.IsNullOrEmpty(c.Text):
                    throw new OtException($"Invalid op at component {i}: Inserts cannot be empty.");
                case OpComponentKind.Retain or OpComponentKind.Delete when c.Count <= 0:
                    throw new OtException($"Invalid op at component {i}: lengths must be >0.");
                default:
                    break;
            }

            if (c.Text is not null && CodePoints.Count(c.Text, $"Component {i} text") != c.Count)
            {
                throw new OtException($"Invalid op at component {i}: the count does not match the text.");
            }

            if (i > 0 && items[i - 1].Kind == c.Kind)
            {
                throw new OtException(
                    $"Invalid op at component {i}: adjacent {c.Kind.ToString().ToLowerInvariant()} components should "
                    + "be combined.");
            }
        }

        if (items.Length > 0 && items[^1].IsRetain)
        {
            throw new OtException($"Invalid op at component {items.Length - 1}: Op has a trailing skip.");
        }
    }

    /// <summary>
    /// Validates <paramref name="op"/> and checks it fits a document of <paramref name="documentLength"/> code points.
    /// </summary>
    public static void Validate(TextOperation op, int documentLength)
    {
        Validate(op);
        if (op.BaseLength > documentLength)
        {
            throw TooLong(op.BaseLength, documentLength);
        }
    }

    /// <summary>
    /// Applies <paramref name="op"/> to <paramref name="doc"/>; throws <see cref="OtException"/> if it runs past the
    /// end.
    /// </summary>
    /// <remarks>
    /// Stricter than npm for deletes: npm silently clamps a delete that runs past the end of the document,
    /// which would hide a client/server divergence, so here it is an error like an over-long retain.
    /// </remarks>
    public static string Apply(string doc, TextOperation op)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(op);
        if (op.IsNoop)
        {
            return doc;
        }

        var sb = new StringBuilder(doc.Length + Math.Max(0, op.LengthDelta) + 16);
        var pos = 0;
        var cp = 0;
        foreach (var c in op.Items)
        {
            switch (c.Kind)
            {
                case OpComponentKind.Retain:
                    var end = Walk(doc, pos, cp, c.Count, op);
                    sb.Append(doc, pos, end - pos);
                    pos = end;
                    cp += c.Count;
                    break;
                case OpComponentKind.Insert:
                    sb.Append(c.Text);
                    break;
                default:
                    pos = Walk(doc, pos, cp, c.Count, op);
                    cp += c.Count;
                    break;
            }
        }

        return sb.Append(doc, pos, doc.Length - pos).ToString();
    }

    private static int Walk(string doc, int pos, int cp, int count, TextOperation op)
    {
        var end = CodePoints.Advance(doc, pos, count, out _);
        return end >= 0 ? end : throw TooLong(op.BaseLength, cp + CodePoints.Count(doc.AsSpan(pos), "The document"));
    }

    internal static OtException TooLong(int baseLength, int docLength) =>
        new($"The op is too long for this document: it spans {baseLength} code points but the document has "
            + $"{docLength}.");

    /// <summary>
    /// Transforms <paramref name="op"/> so it applies after <paramref name="other"/>, both made against the same
    /// document. <paramref name="side"/> breaks ties between inserts at the same position: Left goes first.
    /// </summary>
    public static TextOperation Transform(TextOperation op, TextOperation other, Side side)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(other);
        if (side is not Side.Left and not Side.Right)
        {
            throw new OtException($"side ({side}) must be 'left' or 'right'");
        }

        var result = new OpBuilder(op.Items.Length + other.Items.Length);
        var taker = new OpTaker(op);
        foreach (var c2 in other.Items)
        {
            switch (c2.Kind)
            {
                case OpComponentKind.Retain:
                    for (var length = c2.Count; length > 0;)
                    {
                        var c1 = taker.Take(length, OpComponentKind.Insert);
                        result.Append(c1);
                        if (!c1.IsInsert)
                        {
                            length -= c1.Count;
                        }
                    }

                    break;
                case OpComponentKind.Insert:
                    if (side == Side.Left && taker.Peek().IsInsert)
                    {
                        result.Append(taker.TakeAll());
                    }

                    result.Append(OpComponent.Retain(c2.Count));
                    break;
                default:
                    for (var length = c2.Count; length > 0;)
                    {
                        var c1 = taker.Take(length, OpComponentKind.Insert);
                        if (c1.IsInsert)
                        {
                            result.Append(c1);
                        }
                        else
                        {
                            // Retained text is gone; text both ops delete is deleted once.
                            length -= c1.Count;
                        }
                    }

                    break;
            }
        }

        for (var c = taker.TakeAll(); !c.IsEmpty; c = taker.TakeAll())
        {
            result.Append(c);
        }

        return result.Build();
    }

    /// <summary>Composes <paramref name="a"/> then <paramref name="b"/> into one op with the same effect.</summary>
    public static TextOperation Compose(TextOperation a, TextOperation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var result = new OpBuilder(a.Items.Length + b.Items.Length);
        var taker = new OpTaker(a);
        foreach (var c2 in b.Items)
        {
            switch (c2.Kind)
            {
                case OpComponentKind.Retain:
                    for (var length = c2.Count; length > 0;)
                    {
                        var chunk = taker.Take(length, OpComponentKind.Delete);
                        result.Append(chunk);
                        if (!chunk.IsDelete)
                        {
                            length -= chunk.Count;
                        }
                    }

                    break;
                case OpComponentKind.Insert:
                    result.Append(c2);
                    break;
                default:
                    var textPos = 0;
                    for (var offset = 0; offset < c2.Count;)
                    {
                        var chunk = taker.Take(c2.Count - offset, OpComponentKind.Delete);
                        switch (chunk.Kind)
                        {
                            case OpComponentKind.Retain:
                                // b deletes text a kept: emit that part of b's delete, with its text if it has any.
                                if (c2.Text is null)
                                {
                                    result.Append(OpComponent.DeleteUnchecked(null, chunk.Count));
                                }
                                else
                                {
                                    var end = CodePoints.AdvanceValid(c2.Text, textPos, chunk.Count);
                                    result.Append(OpComponent.DeleteUnchecked(c2.Text[textPos..end], chunk.Count));
                                    textPos = end;
                                }

                                offset += chunk.Count;
                                break;
                            case OpComponentKind.Insert:
                                // b deletes text a inserted: the two cancel out.
                                if (c2.Text is not null)
                                {
                                    textPos = CodePoints.AdvanceValid(c2.Text, textPos, chunk.Count);
                                }

                                offset += chunk.Count;
                                break;
                            default:
                                result.Append(chunk);
                                break;
                        }
                    }

                    break;
            }
        }

        for (var c = taker.TakeAll(); !c.IsEmpty; c = taker.TakeAll())
        {
            result.Append(c);
        }

        return result.Build();
    }

    /// <summary>
    /// Moves a cursor through <paramref name="op"/>. With <paramref name="isOwnOp"/> false this is npm's
    /// <c>transformPosition</c>: an insert exactly at the cursor leaves it before the inserted text.
    /// With <paramref name="isOwnOp"/> true (the op's author) the cursor goes to the end of the op's last
    /// component, as the classic <c>ot-text</c> <c>transformSelection(sel, op, true)</c> does: after typed text.
    /// </summary>
    public static int TransformPosition(int cursor, TextOperation op, bool isOwnOp = false)
    {
        ArgumentNullException.ThrowIfNull(op);
        if (isOwnOp)
        {
            var end = 0;
            foreach (var c in op.Items)
            {
                if (!c.IsDelete)
                {
                    end += c.Count;
                }
            }

            return end;
        }

        return MapPosition(cursor, op, afterInsert: false);
    }

    /// <summary>
    /// Transforms both ends of a selection (npm <c>transformSelection</c> with an <c>[anchor, focus]</c> pair).
    /// </summary>
    public static (int Anchor, int Head) TransformSelection((int Anchor, int Head) selection, TextOperation op,
        bool isOwnOp = false) =>
        (TransformPosition(selection.Anchor, op, isOwnOp), TransformPosition(selection.Head, op, isOwnOp));

    /// <summary>
    /// Moves one end of a passage through <paramref name="op"/>. Where text is inserted exactly at the position,
    /// the position ends up after that text when <paramref name="afterInsert"/> is true (a passage's start: text
    /// typed just before a passage stays outside it), before it otherwise (its end: text typed just after stays
    /// outside too). A position inside a deleted span moves to where that span was. With <paramref name="afterInsert"/>
    /// false this is npm's <c>transformPosition</c> (see <see cref="TransformPosition"/>).
    /// </summary>
    public static int MapPosition(int position, TextOperation op, bool afterInsert)
    {
        ArgumentNullException.ThrowIfNull(op);
        int before = 0, after = 0; // where the op has got to, in the text before it and in the text after it
        foreach (var c in op.Items)
        {
            switch (c.Kind)
            {
                case OpComponentKind.Retain when position < before + c.Count:
                    return after + position - before;
                case OpComponentKind.Retain:
                    before += c.Count;
                    after += c.Count;
                    break;
                case OpComponentKind.Insert when position == before && !afterInsert:
                    return after;
                case OpComponentKind.Insert:
                    after += c.Count;
                    break;
                case OpComponentKind.Delete when position < before + c.Count:
                    return after;
                default:
                    before += c.Count;
                    break;
            }
        }
        return after + position - before;
    }

    /// <summary>
    /// Length of <paramref name="s"/> in code points; throws <see cref="OtException"/> on a lone surrogate.
    /// </summary>
    public static int CodePointLength(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return CodePoints.Count(s, "The text");
    }
}
