using System.Globalization;
using System.Text;

namespace Workspace.Collaboration.Ot;

/// <summary>
/// What an <see cref="OpComponent"/> does; <see cref="None"/> is the empty component (<c>default</c>).
/// </summary>
public enum OpComponentKind
{
    None = 0,
    Retain,
    Insert,
    Delete,
}

/// <summary>
/// One component of a <see cref="TextOperation"/>: retain N code points, insert text, or delete N code
/// points (optionally carrying the deleted text so the op can be inverted). Counts are code points.
/// </summary>
/// <remarks>
/// The factories turn a zero count or empty text into the empty component (<c>default</c>), which
/// <see cref="TextOperation.Create(IEnumerable{OpComponent})"/> drops, as npm's append does; so callers need not
/// special-case position 0.
/// </remarks>
public readonly record struct OpComponent
{
    private OpComponent(OpComponentKind kind, int count, string? text)
    {
        Kind = kind;
        Count = count;
        Text = text;
    }

    /// <summary>The component's kind; <see cref="OpComponentKind.None"/> for the empty component.</summary>
    public OpComponentKind Kind { get; }

    /// <summary>Length in code points (retained, inserted or deleted).</summary>
    public int Count { get; }

    /// <summary>Inserted text, deleted text for an invertible delete, otherwise <c>null</c>.</summary>
    public string? Text { get; }

    public bool IsRetain => Kind == OpComponentKind.Retain;

    public bool IsInsert => Kind == OpComponentKind.Insert;

    public bool IsDelete => Kind == OpComponentKind.Delete;

    /// <summary>True for <c>default</c>: the component that does nothing.</summary>
    public bool IsEmpty => Kind == OpComponentKind.None;

    /// <summary>Retain (skip) <paramref name="n"/> code points.</summary>
    public static OpComponent Retain(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return n == 0 ? default : new OpComponent(OpComponentKind.Retain, n, null);
    }

    /// <summary>
    /// Insert <paramref name="text"/>; throws <see cref="OtException"/> if it holds a lone surrogate.
    /// </summary>
    public static OpComponent Insert(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0
            ? default
            : new OpComponent(OpComponentKind.Insert, CodePoints.Count(text, "Insert text"), text);
    }

    /// <summary>Delete <paramref name="n"/> code points (not invertible).</summary>
    public static OpComponent Delete(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return n == 0 ? default : new OpComponent(OpComponentKind.Delete, n, null);
    }

    /// <summary>Delete <paramref name="deletedText"/>, keeping it so the op can be inverted.</summary>
    public static OpComponent Delete(string deletedText)
    {
        ArgumentNullException.ThrowIfNull(deletedText);
        return deletedText.Length == 0
            ? default
            : new OpComponent(OpComponentKind.Delete, CodePoints.Count(deletedText, "Deleted text"), deletedText);
    }

    // Trusted constructors for engine internals: the text is a slice of already validated text.
    internal static OpComponent InsertUnchecked(string text, int count) => new(OpComponentKind.Insert, count, text);

    internal static OpComponent DeleteUnchecked(string? text, int count) => new(OpComponentKind.Delete, count, text);

    /// <summary>The component in npm wire format, e.g. <c>3</c>, <c>"hi"</c>, <c>{"d":2}</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        WriteJson(sb);
        return sb.ToString();
    }

    /// <summary>The count's digits, with no string made for them (this runs for every op the server writes).</summary>
    private void AppendCount(StringBuilder sb)
    {
        Span<char> digits = stackalloc char[11];
        Count.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        sb.Append(digits[..length]);
    }

    internal void WriteJson(StringBuilder sb)
    {
        switch (Kind)
        {
            case OpComponentKind.Retain:
                AppendCount(sb);
                break;
            case OpComponentKind.Insert:
                OtJson.WriteString(sb, Text!);
                break;
            case OpComponentKind.Delete:
                sb.Append("{\"d\":");
                if (Text is null)
                {
                    AppendCount(sb);
                }
                else
                {
                    OtJson.WriteString(sb, Text);
                }

                sb.Append('}');
                break;
            default:
                sb.Append("null");
                break;
        }
    }
}
