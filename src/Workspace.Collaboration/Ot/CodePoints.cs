namespace Workspace.Collaboration.Ot;

/// <summary>
/// UTF-16 / code point conversions. Surrogate scanning is vectorised with
/// <see cref="MemoryExtensions.IndexOfAnyInRange{T}(ReadOnlySpan{T}, T, T)"/> because most text is
/// BMP-only and then a code point count equals the UTF-16 length.
/// </summary>
internal static class CodePoints
{
    /// <summary>Counts code points; throws <see cref="OtException"/> on a lone surrogate.</summary>
    public static int Count(ReadOnlySpan<char> s, string what)
    {
        var pairs = 0;
        var i = 0;
        while (true)
        {
            var next = s[i..].IndexOfAnyInRange('\uD800', '\uDFFF');
            if (next < 0)
            {
                return s.Length - pairs;
            }

            i += next;
            if (!char.IsHighSurrogate(s[i]) || i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
            {
                throw new OtException($"{what} contains a lone surrogate (U+{(int)s[i]:X4}) at UTF-16 index {i}.");
            }

            pairs++;
            i += 2;
        }
    }

    /// <summary>
    /// Advances <paramref name="count"/> code points from UTF-16 index <paramref name="start"/>.
    /// Returns the new index, or -1 when the text ends first (<paramref name="advanced"/> then says how far it got).
    /// </summary>
    public static int Advance(ReadOnlySpan<char> s, int start, int count, out int advanced)
    {
        var pos = start;
        var remaining = count;
        while (remaining > 0)
        {
            var window = Math.Min(remaining, s.Length - pos);
            if (window <= 0)
            {
                advanced = count - remaining;
                return -1;
            }

            var hit = s.Slice(pos, window).IndexOfAnyInRange('\uD800', '\uDFFF');
            if (hit < 0)
            {
                pos += window;
                remaining -= window;
                continue;
            }

            pos += hit;
            remaining -= hit;
            if (remaining == 0)
            {
                break;
            }

            if (!char.IsHighSurrogate(s[pos]) || pos + 1 >= s.Length || !char.IsLowSurrogate(s[pos + 1]))
            {
                throw new OtException(
                    $"The document contains a lone surrogate (U+{(int)s[pos]:X4}) at UTF-16 index {pos}.");
            }

            pos += 2;
            remaining--;
        }

        advanced = count;
        return pos;
    }

    /// <summary>Advances over text already known to be valid (component text, rope chunks).</summary>
    public static int AdvanceValid(ReadOnlySpan<char> s, int start, int count)
    {
        var pos = Advance(s, start, count, out _);
        return pos < 0 ? throw new InvalidOperationException("Code point offset beyond the end of valid text.") : pos;
    }

    /// <summary>Substring by code points of text known to be valid.</summary>
    public static string Slice(string s, int startCp, int countCp)
    {
        var start = AdvanceValid(s, 0, startCp);
        var end = AdvanceValid(s, start, countCp);
        return s[start..end];
    }
}
