using System.Buffers;
using System.Collections.ObjectModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workspace.Collaboration.Ot;

/// <summary>
/// An immutable, normalised <c>ot-text-unicode</c> operation: no empty components, no two neighbouring
/// components of the same kind, no trailing retain. Serialises to the npm wire format, e.g. <c>[3,"hi",{"d":2}]</c>.
/// </summary>
[JsonConverter(typeof(TextOperationJsonConverter))]
public sealed class TextOperation : IEquatable<TextOperation>
{
    private readonly OpComponent[] _components;

    private TextOperation(OpComponent[] components)
    {
        _components = components;
        Components = new ReadOnlyCollection<OpComponent>(components);
        var baseLength = 0L;
        var delta = 0L;
        foreach (var c in components)
        {
            switch (c.Kind)
            {
                case OpComponentKind.Retain:
                    baseLength += c.Count;
                    break;
                case OpComponentKind.Delete:
                    baseLength += c.Count;
                    delta -= c.Count;
                    break;
                default:
                    delta += c.Count;
                    break;
            }
        }

        if (baseLength > int.MaxValue || delta > int.MaxValue || delta < int.MinValue)
        {
            throw new OtException("Operation spans more than 2147483647 code points.");
        }

        BaseLength = (int)baseLength;
        LengthDelta = (int)delta;
    }

    /// <summary>The operation that changes nothing: <c>[]</c>.</summary>
    public static TextOperation Empty { get; } = new([]);

    public IReadOnlyList<OpComponent> Components { get; }

    /// <summary>True when the op changes nothing (npm <c>isNoop</c>: no components).</summary>
    public bool IsNoop => _components.Length == 0;

    /// <summary>Code points the op reads (retains + deletes): it applies to any document at least this long.</summary>
    public int BaseLength { get; }

    /// <summary>How many code points the op adds to (positive) or removes from (negative) a document.</summary>
    public int LengthDelta { get; }

    internal OpComponent[] Items => _components;

    /// <summary>
    /// Builds a normalised op: drops empty components, merges neighbours of the same kind, drops a trailing retain.
    /// </summary>
    public static TextOperation Create(IEnumerable<OpComponent> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var builder = new OpBuilder();
        foreach (var c in components)
        {
            builder.Append(c);
        }

        return builder.Build();
    }

    /// <inheritdoc cref="Create(IEnumerable{OpComponent})"/>
    public static TextOperation Create(params ReadOnlySpan<OpComponent> components)
    {
        var builder = new OpBuilder(components.Length);
        foreach (var c in components)
        {
            builder.Append(c);
        }

        return builder.Build();
    }

    private const string LoneSurrogate = "Invalid op: the JSON text contains a lone surrogate.";

    /// <summary>
    /// Parses the npm wire format strictly: every component must be valid and the op normalised,
    /// otherwise an <see cref="OtException"/> says which component is wrong and why.
    /// </summary>
    public static TextOperation Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException ex)
        {
            throw new OtException(LoneSurrogate, ex);
        }

        return Parse(utf8);
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static TextOperation Parse(ReadOnlySpan<byte> utf8Json) => OtJson.Parse(utf8Json);

    /// <summary>Like <see cref="Parse(string)"/> but returns false (and the reason) instead of throwing.</summary>
    public static bool TryParse(string json, out TextOperation? op, out string? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] utf8;
        try
        {
            utf8 = StrictUtf8.GetBytes(json);
        }
        catch (EncoderFallbackException)
        {
            op = null;
            error = LoneSurrogate;
            return false;
        }
        return TryParse(utf8, out op, out error);
    }

    /// <summary>Like <see cref="Parse(ReadOnlySpan{byte})"/> but returns false (and the reason) instead of throwing.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8Json, out TextOperation? op, out string? error)
    {
        try
        {
            op = Parse(utf8Json);
            error = null;
            return true;
        }
        catch (OtException ex)
        {
            op = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// Insert <paramref name="text"/> at code point <paramref name="pos"/> (npm <c>insert(pos, text)</c>).
    /// </summary>
    public static TextOperation Insert(int pos, string text)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pos);
        return Create(OpComponent.Retain(pos), OpComponent.Insert(text));
    }

    /// <summary>
    /// Delete <paramref name="count"/> code points at <paramref name="pos"/> (npm <c>remove(pos, n)</c>).
    /// </summary>
    public static TextOperation Delete(int pos, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pos);
        return Create(OpComponent.Retain(pos), OpComponent.Delete(count));
    }

    /// <summary>
    /// Delete <paramref name="deletedText"/> at <paramref name="pos"/>, invertibly (npm <c>remove(pos, text)</c>).
    /// </summary>
    public static TextOperation Delete(int pos, string deletedText)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pos);
        return Create(OpComponent.Retain(pos), OpComponent.Delete(deletedText));
    }

    /// <summary>
    /// The op that turns <paramref name="from"/> into <paramref name="to"/> by replacing one span: the common start and
    /// end are retained, so co-editors' cursors outside the changed part stay put. Empty when the texts are equal.
    /// The deleted text is carried, so the op is invertible.
    /// </summary>
    public static TextOperation Replace(string from, string to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var prefix = from.AsSpan().CommonPrefixLength(to);
        if (prefix > 0 && char.IsHighSurrogate(from[prefix - 1]))
        {
            prefix--; // never split a surrogate pair
        }
        var max = Math.Min(from.Length, to.Length) - prefix;
        var suffix = 0;
        while (suffix < max && from[^(suffix + 1)] == to[^(suffix + 1)])
        {
            suffix++;
        }
        if (suffix > 0 && char.IsLowSurrogate(from[^suffix]))
        {
            suffix--;
        }
        var deleted = from[prefix..^suffix];
        var inserted = to[prefix..^suffix];
        var components = new List<OpComponent>(3);
        if (prefix > 0 && (deleted.Length > 0 || inserted.Length > 0))
        {
            components.Add(OpComponent.Retain(CodePoints.Count(from.AsSpan(0, prefix), "The text")));
        }
        if (deleted.Length > 0)
        {
            components.Add(OpComponent.Delete(deleted));
        }
        if (inserted.Length > 0)
        {
            components.Add(OpComponent.Insert(inserted));
        }
        return Create(components);
    }

    /// <summary>The op in npm wire format, byte-for-byte what <c>JSON.stringify</c> produces.</summary>
    public string ToJson()
    {
        var sb = AppendJson();
        var json = sb.ToString();
        Release(sb);
        return json;
    }

    /// <summary>
    /// Writes <see cref="ToJson"/>'s text as a raw JSON value without making a string of it: a server writes every op
    /// into each broadcast, so that string and its builder were garbage on every edit.
    /// </summary>
    internal void WriteJsonTo(Utf8JsonWriter writer)
    {
        var sb = AppendJson();
        var length = sb.Length;
        var chars = ArrayPool<char>.Shared.Rent(length);
        sb.CopyTo(0, chars, length);
        Release(sb);
        try
        {
            writer.WriteRawValue(chars.AsSpan(0, length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>One builder per thread, reused for every op's JSON (taken while in use, so never shared).</summary>
    [ThreadStatic]
    private static StringBuilder? t_json;

    /// <summary>A builder grown past this by a large op is let go rather than kept for the thread's lifetime.</summary>
    private const int MaxKeptBuilder = 4096;

    private StringBuilder AppendJson()
    {
        var sb = t_json ?? new StringBuilder(64);
        t_json = null;
        sb.Clear().Append('[');
        for (var i = 0; i < _components.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            _components[i].WriteJson(sb);
        }

        return sb.Append(']');
    }

    private static void Release(StringBuilder sb)
    {
        if (sb.Capacity <= MaxKeptBuilder)
        {
            t_json = sb;
        }
    }

    public override string ToString() => ToJson();

    public bool Equals(TextOperation? other) =>
        other is not null && (ReferenceEquals(this, other) || _components.AsSpan().SequenceEqual(other._components));

    public override bool Equals(object? obj) => Equals(obj as TextOperation);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var c in _components)
        {
            hash.Add(c);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(TextOperation? left, TextOperation? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(TextOperation? left, TextOperation? right) => !(left == right);

    internal static TextOperation FromNormalised(OpComponent[] components) =>
        components.Length == 0 ? Empty : new TextOperation(components);

    private static readonly UTF8Encoding StrictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
