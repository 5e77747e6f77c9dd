using System.Text;
using System.Text.RegularExpressions;

namespace Workspace.Server.Features.Meetings.Minutes;

/// <summary>The minutes as a partnership document's Markdown.</summary>
public static partial class MinutesMarkdown
{
    public static string Render(MinutesModel m)
    {
        var l = m.Labels;
        var md = new StringBuilder();
        md.Append("# ").Append(l.Minutes).Append(": ").AppendLine(Inline(m.Title)).AppendLine();
        md.Append("**").Append(l.Date).Append(":** ").AppendLine(l.LongDate(m.StartLocal) + "  ");
        md.Append("**").Append(l.TimeZone).Append(":** ").AppendLine(Inline(m.TimeZone) + "  ");
        md.Append("**").Append(l.Duration).Append(":** ").AppendLine($"{m.DurationMinutes} {l.MinutesUnit}  ");
        if (m.Location.Length > 0)
        {
            md.Append("**").Append(l.Place).Append(":** ").AppendLine(Inline(m.Location) + "  ");
        }
        md.Append("**").Append(l.Facilitator).Append(":** ").AppendLine(Inline(m.FacilitatorName)).AppendLine();

        md.Append("## ").AppendLine(l.Attendance).AppendLine();
        foreach (var party in m.Attendance)
        {
            md.Append("- **").Append(Inline(party.Party)).Append("** — ").Append(l.Present).Append(": ")
                .Append(Names(party.Present, l)).Append("; ").Append(l.Absent).Append(": ")
                .AppendLine(Names(party.Absent, l));
        }
        md.AppendLine();

        md.Append("## ").AppendLine(l.Agenda).AppendLine();
        AppendList(md, m.Agenda.Select((a, i) => $"{i + 1}. {Inline(a.Title)}"
            + (a.Owner is { Length: > 0 } o ? $" ({Inline(o)})" : "") + $" — {a.Minutes} {l.MinutesUnit}"),
            l.NoAgenda);

        md.Append("## ").AppendLine(l.Decisions).AppendLine();
        AppendList(md, m.Decisions.Select(d => "- **" + Inline(d.Text) + "**"
            + (d.Superseded ? $" _({l.Superseded})_" : "")
            + (d.Why.Length > 0 ? $"\n  {l.Why}: {Inline(d.Why)}" : "")
            + (d.Parties.Count > 0 ? $"\n  {l.AgreedBy}: {Inline(string.Join(", ", d.Parties))}" : "")), l.NoDecisions);

        md.Append("## ").AppendLine(l.ActionItems).AppendLine();
        if (m.ActionItems.Count == 0)
        {
            md.AppendLine(l.NoActionItems).AppendLine();
        }
        else
        {
            md.AppendLine($"| # | {l.Item} | {l.Owner} | {l.Due} | {l.Status} |").AppendLine("|---|---|---|---|---|");
            foreach (var i in m.ActionItems)
            {
                var owner = i.Owner is { Length: > 0 } o ? o : l.Unassigned;
                md.AppendLine($"| A{i.Number} | {Cell(i.Title)} | {Cell(owner)} "
                    + $"| {(i.Due is { } due ? MinutesLabels.IsoDate(due) : "—")} | {l.StatusOf(i.Status)} |");
            }
            md.AppendLine();
        }

        md.Append("## ").AppendLine(l.Notes).AppendLine();
        md.AppendLine(m.Notes.Trim().Length == 0 ? l.NoNotes : Nested(m.Notes)).AppendLine();
        return md.ToString();
    }

    private static void AppendList(StringBuilder md, IEnumerable<string> lines, string none)
    {
        var any = false;
        foreach (var line in lines)
        {
            md.AppendLine(line);
            any = true;
        }
        md.AppendLine(any ? "" : none + "\n");
    }

    private static string Names(IReadOnlyList<string> names, MinutesLabels l) =>
        names.Count == 0 ? $"_{l.NobodyPresent}_" : Inline(string.Join(", ", names));

    /// <summary>
    /// The notes inside the minutes: headings two levels down (under "Notes"), and task lines written as plain
    /// ticks, so the minutes do not become a second source of the same action items (they are listed above).
    /// </summary>
    internal static string Nested(string notes)
    {
        var text = Heading().Replace(notes.Trim().Replace("\r\n", "\n"), h => "##" + h.Value);
        return TaskLine().Replace(text,
            t => t.Groups["lead"].Value + (t.Groups["mark"].Value == " " ? "☐ " : "☑ "));
    }

    /// <summary>User text on one line, with the marks that would make it something else (a heading, a table
    /// cell, emphasis, a link) escaped.</summary>
    internal static string Inline(string text) =>
        Special().Replace(text.ReplaceLineEndings(" ").Trim(), s => "\\" + s.Value);

    private static string Cell(string text) => Inline(text);

    [GeneratedRegex(@"[\\`*_\[\]#|<>]")]
    private static partial Regex Special();

    [GeneratedRegex(@"^#{1,4}(?=\s)", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?<lead>[ \t]*(?:[-*+]|\d+[.)])[ \t]+)\[(?<mark>[ xX])\][ \t]*", RegexOptions.Multiline)]
    private static partial Regex TaskLine();
}
