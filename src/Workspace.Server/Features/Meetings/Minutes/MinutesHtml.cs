using System.Text;
using System.Text.Encodings.Web;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings.Minutes;

/// <summary>
/// The minutes as a print-ready page: A4 margins, no navigation, page breaks kept out of tables and decisions. Its
/// one style element carries the response's CSP nonce; there is no script. The notes' Markdown goes through the
/// sanitising renderer like every document preview.
/// </summary>
public static class MinutesHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Render(MinutesModel m, MarkdownRenderer markdown)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(markdown);
        var l = m.Labels;
        var h = new StringBuilder();
        h.Append($"<!doctype html><html lang=\"{l.Language}\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append($"<title>{E(l.Minutes)}: {E(m.Title)}</title>")
            .Append($"<style nonce=\"{SecurityHeaders.NoncePlaceholder}\">{Style}</style></head><body>")
            .Append("<main class=\"minutes\">")
            .Append($"<p class=\"partnership\">{E(m.PartnershipName)}</p>")
            .Append($"<h1>{E(l.Minutes)}: {E(m.Title)}</h1><dl class=\"facts\">");
        Fact(h, l.Date, l.LongDate(m.StartLocal));
        Fact(h, l.TimeZone, m.TimeZone);
        Fact(h, l.Duration, $"{m.DurationMinutes} {l.MinutesUnit}");
        if (m.Location.Length > 0)
        {
            Fact(h, l.Place, m.Location);
        }
        Fact(h, l.Facilitator, m.FacilitatorName);
        h.Append("</dl>");

        h.Append($"<section id=\"attendance\"><h2>{E(l.Attendance)}</h2><table><thead><tr><th></th>")
            .Append($"<th>{E(l.Present)}</th><th>{E(l.Absent)}</th></tr></thead><tbody>");
        foreach (var p in m.Attendance)
        {
            h.Append($"<tr><th scope=\"row\">{E(p.Party)}</th><td class=\"present\">{Names(p.Present, l)}</td>")
                .Append($"<td class=\"absent\">{Names(p.Absent, l)}</td></tr>");
        }
        h.Append("</tbody></table></section>");

        h.Append($"<section id=\"agenda\"><h2>{E(l.Agenda)}</h2>");
        h.Append(m.Agenda.Count == 0 ? $"<p class=\"none\">{E(l.NoAgenda)}</p>" : "<ol>" + string.Concat(m.Agenda
            .Select(a => $"<li>{E(a.Title)}"
                + (a.Owner is { Length: > 0 } o ? $" <span class=\"muted\">({E(o)})</span>" : "")
                + $" <span class=\"muted\">— {a.Minutes} {E(l.MinutesUnit)}</span></li>")) + "</ol>");
        h.Append("</section>");

        h.Append($"<section id=\"decisions\"><h2>{E(l.Decisions)}</h2>");
        h.Append(m.Decisions.Count == 0 ? $"<p class=\"none\">{E(l.NoDecisions)}</p>"
            : "<ul>" + string.Concat(m.Decisions
            .Select(d => $"<li class=\"decision\"><strong>{E(d.Text)}</strong>"
                + (d.Superseded ? $" <em>({E(l.Superseded)})</em>" : "")
                + (d.Why.Length > 0 ? $"<div class=\"why\">{E(l.Why)}: {E(d.Why)}</div>" : "")
                + (d.Parties.Count > 0
                    ? $"<div class=\"parties\">{E(l.AgreedBy)}: {E(string.Join(", ", d.Parties))}</div>" : "")
                + "</li>")) + "</ul>");
        h.Append("</section>");

        ActionItems(h, m);
        h.Append($"<section id=\"notes\"><h2>{E(l.Notes)}</h2>")
            .Append(m.Notes.Trim().Length == 0 ? $"<p class=\"none\">{E(l.NoNotes)}</p>"
                : $"<div class=\"markdown\">{markdown.Render(MinutesMarkdown.Nested(m.Notes))}</div>")
            .Append("</section></main></body></html>");
        return h.ToString();
    }

    private static void ActionItems(StringBuilder h, MinutesModel m)
    {
        var l = m.Labels;
        h.Append($"<section id=\"actions\"><h2>{E(l.ActionItems)}</h2>");
        if (m.ActionItems.Count == 0)
        {
            h.Append($"<p class=\"none\">{E(l.NoActionItems)}</p></section>");
            return;
        }
        h.Append($"<table><thead><tr><th>#</th><th>{E(l.Item)}</th><th>{E(l.Owner)}</th><th>{E(l.Due)}</th>")
            .Append($"<th>{E(l.Status)}</th></tr></thead><tbody>");
        foreach (var i in m.ActionItems)
        {
            h.Append($"<tr><td class=\"nowrap\">A{i.Number}</td><td>{E(i.Title)}</td>")
                .Append($"<td>{E(i.Owner is { Length: > 0 } o ? o : l.Unassigned)}</td>")
                .Append($"<td class=\"nowrap\">{(i.Due is { } due ? MinutesLabels.IsoDate(due) : "—")}</td>")
                .Append($"<td>{E(l.StatusOf(i.Status))}</td></tr>");
        }
        h.Append("</tbody></table></section>");
    }

    private static void Fact(StringBuilder h, string label, string value) =>
        h.Append($"<div><dt>{E(label)}</dt><dd>{E(value)}</dd></div>");

    private static string Names(IReadOnlyList<string> names, MinutesLabels l) =>
        names.Count == 0 ? $"<em>{E(l.NobodyPresent)}</em>" : E(string.Join(", ", names));

    private static string E(string text) => Encoder.Encode(text);

    private const string Style = """
        :root { font-family: "DejaVu Sans", "Segoe UI", Roboto, Arial, sans-serif; color: #1c2430; }
        body { margin: 0; background: #eef1f5; }
        .minutes { max-width: 46rem; margin: 1.5rem auto; padding: 2rem 2.25rem; background: #fff;
          box-shadow: 0 1px 4px rgba(0,0,0,.12); line-height: 1.45; overflow-wrap: anywhere; }
        h1 { font-size: 1.6rem; margin: .2rem 0 1rem; }
        h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #c9d1dc; padding-bottom: .2rem; }
        .partnership, .muted, .none { color: #5a6575; }
        .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .4rem 1.2rem;
          margin: 0; }
        .facts dt { font-size: .8rem; color: #5a6575; } .facts dd { margin: 0; font-weight: 600; }
        table { width: 100%; border-collapse: collapse; font-size: .95rem; overflow-wrap: normal; }
        .nowrap { white-space: nowrap; }
        th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #dde3ea; }
        thead th { font-size: .8rem; color: #5a6575; }
        .decision { margin-bottom: .6rem; } .why, .parties { font-size: .92rem; color: #3d4756; }
        .markdown h3, .markdown h4, .markdown h5 { font-size: 1rem; }
        @media (max-width: 40rem) {
          .minutes { margin: 0; padding: 1rem; box-shadow: none; }
          table { font-size: .85rem; } th, td { padding: .3rem .2rem; } thead th { font-size: .72rem; }
        }
        @page { size: A4; margin: 18mm 16mm; }
        @media print {
          body { background: #fff; }
          .minutes { max-width: none; margin: 0; padding: 0; box-shadow: none; font-size: 10.5pt; }
          h2 { break-after: avoid; } tr, .decision, li { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """;
}
