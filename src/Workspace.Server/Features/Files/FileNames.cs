using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Workspace.Server.Features.Files;

/// <summary>
/// What a person calls a file is only ever its display and download name: cleaned here, never part of a storage key.
/// </summary>
public static partial class FileNames
{
    /// <summary>
    /// The last path segment (a browser may send <c>C:\fakepath\x.pdf</c>), in NFC, without control or format
    /// characters and without the characters Windows refuses in a name (replaced by <c>_</c>), trimmed of spaces and
    /// dots, cut to <see cref="FileLimits.NameMax"/> keeping the extension. Empty when nothing usable is left.
    /// </summary>
    public static string Clean(string? name)
    {
        var text = (name ?? "").Normalize(NormalizationForm.FormC);
        text = text[(text.LastIndexOfAny(['/', '\\']) + 1)..];
        var kept = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }
            kept.Append(rune.Value < 128 && "<>:\"|?*".Contains((char)rune.Value, StringComparison.Ordinal)
                ? "_" : rune.ToString());
        }
        var cleaned = Spaces().Replace(kept.ToString(), " ").Trim().Trim('.', ' ');
        return Cut(cleaned);
    }

    private static string Cut(string name)
    {
        if (name.Length <= FileLimits.NameMax)
        {
            return name;
        }
        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= 16 ? name[dot..] : "";
        return Whole(name, FileLimits.NameMax - extension.Length).TrimEnd(' ', '.') + extension;
    }

    /// <summary>At most <paramref name="max"/> UTF-16 units, never half a surrogate pair.</summary>
    private static string Whole(string text, int max) =>
        char.IsHighSurrogate(text[max - 1]) ? text[..(max - 1)] : text[..max];

    /// <summary>A media type as <c>type/subtype</c> (parameters dropped), or <c>application/octet-stream</c> when
    /// the client sent none or nonsense.</summary>
    public static string ContentType(string? declared)
    {
        var type = (declared ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return type.Length <= FileLimits.ContentTypeMax && MediaType().IsMatch(type)
            ? type : "application/octet-stream";
    }

    /// <summary>The type a download is served with: anything a browser would run or render as a page is served as
    /// plain bytes (the download is an attachment and not sniffed either way).</summary>
    public static string ServedType(string stored) =>
        stored.Contains("html", StringComparison.Ordinal) || stored.Contains("xml", StringComparison.Ordinal)
        || stored.Contains("javascript", StringComparison.Ordinal) || stored.StartsWith("multipart/",
            StringComparison.Ordinal) || stored == "image/svg+xml" || stored == "text/css"
            ? "application/octet-stream" : stored;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$")]
    private static partial Regex MediaType();
}
