using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workspace.Server.Features.ActionItems;

/// <summary>
/// A Markdown task line such as <c>- [ ] Send draft MoU @rina due:2026-12-15 #A12</c>: the title,
/// an optional @owner handle, an optional due date and, once linked, the action item number.
/// <see cref="Start"/>, <see cref="Length"/> and <see cref="MarkOffset"/> (the character inside the
/// brackets) count Unicode code points, like OT positions.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChecklistLine(
    [property: Id(0)] int Start,
    [property: Id(1)] int Length,
    [property: Id(2)] bool Done,
    [property: Id(3)] string Title,
    [property: Id(4)] string? Handle,
    [property: Id(5)] DateOnly? Due,
    [property: Id(6)] int? Number,
    [property: Id(7)] int MarkOffset);

/// <summary>Action item <see cref="Number"/> was created for the task line titled <see cref="Title"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record ChecklistLink([property: Id(0)] string Title, [property: Id(1)] int Number);

public static partial class Checklist
{
    [GeneratedRegex(@"^(?<indent>[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[)(?<mark>[ xX])\][ \t]+(?<rest>\S.*)$")]
    private static partial Regex TaskLine();

    [GeneratedRegex(@"(?<![\w@])@(?<handle>[\p{L}\p{N}._-]{1,64})")]
    private static partial Regex Handle();

    [GeneratedRegex(@"(?<!\S)due:(?<date>\d{4}-\d{2}-\d{2})(?!\S)")]
    private static partial Regex Due();

    [GeneratedRegex(@"(?<!\S)#A(?<number>\d{1,9})(?!\S)")]
    private static partial Regex Link();

    public static IReadOnlyList<ChecklistLine> Parse(string text)
    {
        var lines = new List<ChecklistLine>();
        var codePoint = 0;
        var index = 0;
        var inFence = false;
        while (index <= text.Length)
        {
            var end = text.IndexOf('\n', index);
            if (end < 0)
            {
                end = text.Length;
            }
            var line = text[index..end].TrimEnd('\r');
            var lineLength = CodePoints(text.AsSpan(index, end - index));
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }
            else if (!inFence && TaskLine().Match(line) is { Success: true } m)
            {
                lines.Add(Read(m, codePoint, lineLength));
            }
            codePoint += lineLength + 1;
            index = end + 1;
        }
        return lines;
    }

    private static ChecklistLine Read(Match m, int lineStart, int lineLength)
    {
        var rest = m.Groups["rest"].Value;
        var handle = Handle().Match(rest) is { Success: true } h ? h.Groups["handle"].Value.TrimEnd('.', '-', '_') : null;
        DateOnly? due = Due().Match(rest) is { Success: true } d
            && DateOnly.TryParseExact(d.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        int? number = Link().Match(rest) is { Success: true } l && int.TryParse(l.Groups["number"].Value, CultureInfo.InvariantCulture, out var n) ? n : null;

        var title = Handle().Replace(Link().Replace(Due().Replace(rest, ""), ""), "", 1);
        title = Regex.Replace(title, @"\s+", " ").Trim();
        var markOffset = lineStart + CodePoints(m.Groups["indent"].Value);
        return new ChecklistLine(lineStart, lineLength, m.Groups["mark"].Value is "x" or "X", title, handle, due, number, markOffset);
    }

    /// <summary>The suffix written into a task line once it is linked to action item <paramref name="number"/>.</summary>
    public static string LinkSuffix(int number) => $" #A{number.ToString(CultureInfo.InvariantCulture)}";

    public static int CodePoints(ReadOnlySpan<char> s)
    {
        var count = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    /// <summary>Does <paramref name="handle"/> name this person: the e-mail's local part or the name without spaces, ignoring case.</summary>
    public static bool HandleMatches(string handle, string displayName, string email)
    {
        var local = email.Split('@')[0];
        var compactName = new StringBuilder(displayName.Length);
        foreach (var c in displayName)
        {
            if (!char.IsWhiteSpace(c))
            {
                compactName.Append(c);
            }
        }
        return string.Equals(handle, local, StringComparison.OrdinalIgnoreCase)
            || string.Equals(handle, compactName.ToString(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(handle, displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), StringComparison.OrdinalIgnoreCase);
    }
}
