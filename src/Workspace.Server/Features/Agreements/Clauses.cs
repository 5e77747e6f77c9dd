using System.Text.RegularExpressions;

namespace Workspace.Server.Features.Agreements;

/// <summary>
/// A numbered clause of an agreement: a Markdown heading such as <c>## 5. Profit and cost sharing</c> (or
/// <c>### 10.2 Mediation</c>) and everything up to the next heading of the same or a higher level. Positions count
/// Unicode code points, as operations do. <see cref="HeadingFrom"/>..<see cref="HeadingTo"/> is the heading line.
/// </summary>
public sealed record Clause(
    string Number, string Title, int Level, int HeadingFrom, int HeadingTo, int From, int To, string Text);

/// <summary>One step of the dispute-resolution clause, e.g. <c>- Step 2: Escalation to senior representatives — 10
/// days</c>.</summary>
public sealed record DisputeStep(int Order, string Name, int Days, string ClauseNumber);

public static partial class Clauses
{
    [GeneratedRegex(@"^(#{1,6})[ \t]+(\d{1,3}(?:\.\d{1,3}){0,3})\.?[ \t]+(\S.*?)[ \t#]*$")]
    private static partial Regex HeadingLine();

    [GeneratedRegex(@"^(#{1,6})[ \t]")]
    private static partial Regex AnyHeading();

    /// <summary>
    /// A step line: "Step" / "Langkah", its number, a name, a dash and a number of days ("days" / "hari"). The default
    /// template writes its steps so; a party may add, drop or re-time steps as long as the lines keep that shape.
    /// </summary>
    [GeneratedRegex(@"^\s*[-*]\s*(?:\*\*)?(?:Step|Langkah)\s+(\d{1,2})(?:\*\*)?\s*[:.]\s*(.+?)\s+[—–-]{1,2}\s*"
        + @"(?:within\s+|dalam\s+)?(\d{1,4})\s*(?:days?|hari)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex StepLine();

    /// <summary>Every numbered clause of the text, in order.</summary>
    public static IReadOnlyList<Clause> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<(int From, int To, int Level, string? Number, string Title)>();
        var cp = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var length = CodePointCount(raw);
            var heading = HeadingLine().Match(line);
            if (heading.Success)
            {
                lines.Add((cp, cp + CodePointCount(line), heading.Groups[1].Length, heading.Groups[2].Value,
                    heading.Groups[3].Value.Trim()));
            }
            else if (AnyHeading().Match(line) is { Success: true } other)
            {
                lines.Add((cp, cp + CodePointCount(line), other.Groups[1].Length, null, ""));
            }
            cp += length + 1;
        }
        var total = CodePointCount(text);
        var clauses = new List<Clause>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Number is not { } number)
            {
                continue;
            }
            var end = total;
            for (var j = i + 1; j < lines.Count; j++)
            {
                if (lines[j].Level <= lines[i].Level)
                {
                    end = lines[j].From;
                    break;
                }
            }
            clauses.Add(new Clause(number, lines[i].Title, lines[i].Level, lines[i].From, lines[i].To, lines[i].From,
                end, SliceCodePoints(text, lines[i].From, end)));
        }
        return clauses;
    }

    /// <summary>The clause whose heading holds <paramref name="position"/>, else the innermost clause around
    /// it.</summary>
    public static Clause? At(IReadOnlyList<Clause> clauses, int position)
    {
        ArgumentNullException.ThrowIfNull(clauses);
        return clauses.FirstOrDefault(c => position >= c.HeadingFrom && position < Math.Max(c.HeadingTo, c.HeadingFrom
            + 1))
            ?? clauses.Where(c => position >= c.From && position < c.To).MaxBy(c => c.Level);
    }

    /// <summary>The steps of the first clause that names any (the dispute-resolution clause), in their order.</summary>
    public static IReadOnlyList<DisputeStep> DisputeSteps(string text)
    {
        foreach (var clause in Parse(text))
        {
            var steps = new List<DisputeStep>();
            foreach (var line in clause.Text.Split('\n'))
            {
                var m = StepLine().Match(line);
                if (m.Success)
                {
                    steps.Add(new DisputeStep(int.Parse(m.Groups[1].Value,
                        System.Globalization.CultureInfo.InvariantCulture),
                        m.Groups[2].Value.Trim().Trim('*').Trim(),
                        int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture),
                            clause.Number));
                }
            }
            if (steps.Count > 0)
            {
                return [.. steps.OrderBy(s => s.Order)];
            }
        }
        return [];
    }

    public static int CodePointCount(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var n = s.Length;
        foreach (var c in s)
        {
            if (char.IsLowSurrogate(c))
            {
                n--;
            }
        }
        return n;
    }

    /// <summary>The text from code point <paramref name="from"/> up to (not including) <paramref name="to"/>.</summary>
    public static string SliceCodePoints(string s, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(s);
        int start = Utf16Index(s, from), end = Utf16Index(s, to);
        return s[start..end];
    }

    private static int Utf16Index(string s, int codePoints)
    {
        var i = 0;
        for (var seen = 0; seen < codePoints && i < s.Length; seen++)
        {
            i += char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        }
        return i;
    }
}
