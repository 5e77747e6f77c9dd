using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workspace.Server.Kernel.ChecklistLinks;

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
    [property: Id(7)] int MarkOffset,
    [property: Id(8)] int RestOffset,
    [property: Id(9)] bool Edited = false,
    [property: Id(10)] int SeenVersion = 0,
    [property: Id(11)] string? Problem = null)
{
    /// <summary>What the line says, for telling an edited line from an unchanged one.</summary>
    public string Key => $"{Done}|{Number}|{Title}|{Handle}|{Due:yyyy-MM-dd}|{Problem}";
}

/// <summary>
/// Why a task line cannot be read, as codes the editor words in the person's language. A line with a problem changes
/// nothing: no item is made for it and its linked item stays as it is, while the editor marks the line and says why.
/// </summary>
public static class ChecklistProblem
{
    public const string DueInvalid = "due-invalid";
    public const string TitleEmpty = "title-empty";
    public const string TitleTooLong = "title-too-long";
    public const string HandleUnknown = "handle-unknown";
}

/// <summary>
/// What changed on the board for a linked item, to be written into its task line: only the fields that changed
/// (null / false = leave the line's own), so a concurrent edit of the rest of the line survives.
/// <see cref="Version"/> is the item's version after the change; the document hands it back with the line
/// (<see cref="ChecklistLine.SeenVersion"/>) so a scan taken before the change arrived can be told apart.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ChecklistMirror(
    [property: Id(0)] int Number,
    [property: Id(1)] bool? Done,
    [property: Id(2)] string? Title,
    [property: Id(3)] bool OwnerChanged,
    [property: Id(4)] string? OwnerDisplayName,
    [property: Id(5)] string? OwnerEmail,
    [property: Id(6)] bool DueChanged,
    [property: Id(7)] DateOnly? Due,
    [property: Id(8)] int Version);

/// <summary>Action item <see cref="Number"/> was created for the task line titled <see cref="Title"/>.</summary>
[GenerateSerializer, Immutable]
public sealed record ChecklistLink([property: Id(0)] string Title, [property: Id(1)] int Number);

public static partial class Checklist
{
    [GeneratedRegex(@"^(?<indent>[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[)(?<mark>[ xX])\][ \t]+(?<rest>\S.*)$")]
    private static partial Regex TaskLine();

    [GeneratedRegex(@"(?<![\w@])@(?<handle>[\p{L}\p{N}._-]{1,64})")]
    private static partial Regex Handle();

    [GeneratedRegex(@"(?<!\S)due:(?<date>\S*)")]
    private static partial Regex Due();

    /// <summary>
    /// A second list marker and box right after the first (<c>- [ ] - [ ] Pay</c>): what list continuation gives when
    /// the person types the marker again. It is not part of the title.
    /// </summary>
    [GeneratedRegex(@"^(?:(?:[-*+]|\d+[.)])[ \t]+)?\[[ xX]\](?:[ \t]+|$)")]
    private static partial Regex RepeatedMarker();

    /// <summary>Longest title an action item takes, in UTF-16 units like the item's own limit.</summary>
    public const int MaxTitleLength = 300;

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
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal)
                || trimmed.StartsWith("~~~", StringComparison.Ordinal))
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
        while (RepeatedMarker().Match(rest) is { Success: true } repeated)
        {
            rest = rest[repeated.Length..];
        }
        var handle = Handle().Match(rest) is { Success: true } h
            ? h.Groups["handle"].Value.TrimEnd('.', '-', '_')
            : null;
        var dueToken = Due().Match(rest);
        // A date outside 2000-2100 is refused like one that is no date at all (the line is marked, not synced).
        DateOnly? due = dueToken.Success
            && DateOnly.TryParseExact(
                dueToken.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var date)
            && Infrastructure.Bounds.IsSensible(date) ? date : null;
        int? number = Link().Match(rest) is { Success: true } l
            && int.TryParse(l.Groups["number"].Value, CultureInfo.InvariantCulture, out var n)
            ? n
            : null;

        var title = Handle().Replace(Link().Replace(Due().Replace(rest, ""), ""), "", 1);
        title = Regex.Replace(title, @"\s+", " ").Trim();
        var markOffset = lineStart + CodePoints(m.Groups["indent"].Value);
        var restOffset = lineStart + CodePoints(m.Value.AsSpan(0, m.Groups["rest"].Index));
        var problem = dueToken.Success && due is null ? ChecklistProblem.DueInvalid
            : title.Length == 0 ? ChecklistProblem.TitleEmpty
            : title.Length > MaxTitleLength ? ChecklistProblem.TitleTooLong
            : null;
        var done = m.Groups["mark"].Value is "x" or "X";
        return new ChecklistLine(lineStart, lineLength, done, title, handle, due, number, markOffset, restOffset,
            Problem: problem);
    }

    /// <summary>
    /// The suffix written into a task line once it is linked to action item <paramref name="number"/>.
    /// </summary>
    public static string LinkSuffix(int number) => $" #A{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The handle a line should carry for an owner: the line's own while it still names them, else their name
    /// without spaces (or, if that is not a valid handle, their e-mail's local part); null for no owner.
    /// </summary>
    public static string? HandleFor(string? displayName, string? email, string? currentHandle)
    {
        if (displayName is null || email is null)
        {
            return null;
        }
        if (currentHandle is not null && HandleMatches(currentHandle, displayName, email))
        {
            return currentHandle;
        }
        var compactName = string.Concat(displayName.Where(c => !char.IsWhiteSpace(c)));
        return Handle().Match("@" + compactName) is { Success: true } m && m.Groups["handle"].Value == compactName
            ? compactName
            : email.Split('@')[0];
    }

    /// <summary>The text after <c>[ ] </c> of a linked task line: title, owner handle, due date and link.</summary>
    public static string Rest(string title, string? handle, DateOnly? due, int number)
    {
        var text = new StringBuilder(title);
        if (handle is not null)
        {
            text.Append(" @").Append(handle);
        }
        if (due is { } date)
        {
            text.Append(" due:").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        return text.Append(LinkSuffix(number)).ToString();
    }

    public static int CodePoints(ReadOnlySpan<char> s)
    {
        var count = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            count++;
        }
        return count;
    }

    /// <summary>The <c>@handles</c> of a text (a comment's mentions), read as a task line's owner is; at most
    /// <paramref name="max"/>.</summary>
    public static IReadOnlyList<string> Handles(string text, int max) =>
        [.. Handle().Matches(text).Select(m => m.Groups["handle"].Value.TrimEnd('.', '-', '_'))
            .Where(h => h.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(max)];

    /// <summary>
    /// Does <paramref name="handle"/> name this person: the e-mail's local part or the name without spaces, ignoring
    /// case.
    /// </summary>
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
            || string.Equals(handle, displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
                    StringComparison.OrdinalIgnoreCase);
    }
}
