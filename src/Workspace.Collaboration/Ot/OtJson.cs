using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workspace.Collaboration.Ot;

/// <summary>
/// Reads and writes the npm wire format. One reader serves <see cref="TextOperation.Parse(string)"/> and
/// <see cref="TextOperationJsonConverter"/> so HTTP, SignalR and direct parsing apply identical rules.
/// </summary>
/// <remarks>
/// Rules: everything npm's <c>checkOp</c> rejects is rejected with its wording (zero/negative skips and deletes,
/// empty inserts, adjacent skips, a trailing skip, deletes that are not <c>{d:number|string}</c>). Stricter than
/// npm, because a <see cref="TextOperation"/> is normalised and silently merging would make the server transform a
/// different op than the browser holds: adjacent inserts or deletes, non-integer numbers, extra properties,
/// booleans/null/nested arrays, and lone surrogates.
/// </remarks>
internal static class OtJson
{
    public static TextOperation Parse(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 4 });
        try
        {
            if (!reader.Read())
            {
                throw new OtException("Invalid op: the JSON text is empty.");
            }

            var op = ReadOperation(ref reader);
            if (reader.Read())
            {
                throw new OtException("Invalid op: unexpected JSON after the end of the op array.");
            }

            return op;
        }
        catch (JsonException ex)
        {
            throw new OtException($"Invalid op: malformed JSON ({ex.Message})", ex);
        }
    }

    /// <summary>Reads one op; the reader is on its first token and ends on the closing <c>]</c>.</summary>
    public static TextOperation ReadOperation(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new OtException($"Invalid op: Op must be an array of components (got {Describe(reader.TokenType)}).");
        }

        var items = new List<OpComponent>();
        while (true)
        {
            if (!reader.Read())
            {
                throw new OtException("Invalid op: the op array is not closed.");
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            var index = items.Count;
            var c = reader.TokenType switch
            {
                JsonTokenType.Number => OpComponent.Retain(ReadCount(ref reader, index, "Skip components must be >0")),
                JsonTokenType.String => ReadInsert(ref reader, index),
                JsonTokenType.StartObject => ReadDelete(ref reader, index),
                _ => throw Invalid(index, "a component must be a number (skip), a string (insert) "
                    + $"or {{\"d\":...}} (delete), not {Describe(reader.TokenType)}"),
            };

            if (index > 0 && items[index - 1].Kind == c.Kind)
            {
                throw Invalid(index, c.Kind switch
                {
                    OpComponentKind.Retain => "Adjacent skip components should be combined",
                    OpComponentKind.Insert => "Adjacent insert components should be combined",
                    _ => "Adjacent delete components should be combined",
                });
            }

            items.Add(c);
        }

        if (items.Count > 0 && items[^1].IsRetain)
        {
            throw Invalid(items.Count - 1, "Op has a trailing skip");
        }

        return TextOperation.FromNormalised([.. items]);
    }

    private static int ReadCount(ref Utf8JsonReader reader, int index, string notPositive)
    {
        if (!reader.TryGetInt64(out var value))
        {
            var raw =
                Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            throw Invalid(index, $"{raw} is not an integer; lengths are whole numbers of code points");
        }

        if (value <= 0)
        {
            throw Invalid(index, $"{notPositive} (got {value})");
        }

        return value > int.MaxValue
            ? throw Invalid(index, $"{value} exceeds the maximum length 2147483647")
            : (int)value;
    }

    private static string ReadText(ref Utf8JsonReader reader, int index, string what)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json refuses to unescape a lone surrogate such as "\ud800".
            throw new OtException($"Invalid op at component {index}: {what} contains a lone surrogate.", ex);
        }

        var invalid = FindLoneSurrogate(text);
        return invalid >= 0
            ? throw Invalid(index,
                $"{what} contains a lone surrogate (U+{(int)text[invalid]:X4}) at UTF-16 index {invalid}")
            : text;
    }

    private static OpComponent ReadInsert(ref Utf8JsonReader reader, int index)
    {
        var text = ReadText(ref reader, index, "insert text");
        return text.Length == 0 ? throw Invalid(index, "Inserts cannot be empty") : OpComponent.Insert(text);
    }

    private static OpComponent ReadDelete(ref Utf8JsonReader reader, int index)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            throw Invalid(index, "Delete must be number or string (the object has no \"d\")");
        }

        var name = reader.GetString();
        if (name != "d")
        {
            throw Invalid(index, $"unknown property \"{name}\"; a delete is {{\"d\":N}} or {{\"d\":\"text\"}}");
        }

        reader.Read();
        OpComponent c;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                c = OpComponent.Delete(ReadCount(ref reader, index, "Deletes must not be empty"));
                break;
            case JsonTokenType.String:
                var text = ReadText(ref reader, index, "deleted text");
                c = text.Length == 0 ? throw Invalid(index, "Deletes must not be empty") : OpComponent.Delete(text);
                break;
            default:
                throw Invalid(index, $"Delete must be number or string (got {Describe(reader.TokenType)})");
        }

        reader.Read();
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw Invalid(index, "a delete object must have exactly one property, \"d\"");
        }

        return c;
    }

    private static int FindLoneSurrogate(string s)
    {
        try
        {
            CodePoints.Count(s, "text");
            return -1;
        }
        catch (OtException)
        {
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(s[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    private static OtException Invalid(int index, string reason) => new($"Invalid op at component {index}: {reason}.");

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "a nested array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.Number => "a number",
        JsonTokenType.String => "a string",
        _ => token.ToString(),
    };

    /// <summary>
    /// Writes a JSON string escaped exactly as <c>JSON.stringify</c> does (raw UTF-16 except quote, backslash,
    /// controls).
    /// </summary>
    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var ch = s[i];
            if (ch >= 0x20 && ch != '"' && ch != '\\')
            {
                continue;
            }

            sb.Append(s, start, i - start);
            start = i + 1;
            switch (ch)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default: sb.Append("\\u").Append(((int)ch).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }

        sb.Append(s, start, s.Length - start).Append('"');
    }
}
