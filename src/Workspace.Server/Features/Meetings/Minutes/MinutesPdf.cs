using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Meetings.Minutes;

/// <summary>The minutes as an A4 PDF (PDFsharp), in DejaVu Sans, which the server carries itself.</summary>
public static class MinutesPdf
{
    private static readonly PdfTextLayout Layout =
        new(Margin: 50, LineSpacing: 1.25, Basis: PdfLineBasis.FontHeight, ParagraphSpacing: 2, Size: PageSize.A4);

    public static byte[] Render(MinutesModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        PdfFonts.Install();
        var l = m.Labels;
        using var document = new PdfDocument();
        document.Info.Title = $"{l.Minutes}: {m.Title}";
        document.Info.Subject = m.PartnershipName;
        var f = new Fonts();
        var page = new PdfPageWriter(document, Layout);
        page.Line(m.PartnershipName, f.Small);
        page.Line($"{l.Minutes}: {m.Title}", f.Title, after: 8);
        page.Line($"{l.Date}: {l.LongDate(m.StartLocal)}", f.Body);
        page.Line($"{l.TimeZone}: {m.TimeZone} · {l.Duration}: {m.DurationMinutes} {l.MinutesUnit}", f.Body);
        if (m.Location.Length > 0)
        {
            page.Line($"{l.Place}: {m.Location}", f.Body);
        }
        page.Line($"{l.Facilitator}: {m.FacilitatorName}", f.Body);

        Heading(page, f, l.Attendance);
        foreach (var p in m.Attendance)
        {
            page.Line(p.Party, f.Bold);
            page.Line($"{l.Present}: {Names(p.Present, l)}", f.Body, indent: 12);
            page.Line($"{l.Absent}: {Names(p.Absent, l)}", f.Body, indent: 12);
        }

        Heading(page, f, l.Agenda);
        Lines(page, f, m.Agenda.Select((a, i) => $"{i + 1}. {a.Title}"
            + (a.Owner is { Length: > 0 } o ? $" ({o})" : "") + $" — {a.Minutes} {l.MinutesUnit}"), l.NoAgenda);

        Heading(page, f, l.Decisions);
        if (m.Decisions.Count == 0)
        {
            page.Line(l.NoDecisions, f.Body);
        }
        foreach (var d in m.Decisions)
        {
            page.Line("• " + d.Text + (d.Superseded ? $" ({l.Superseded})" : ""), f.Bold, keepWithNext: 1);
            if (d.Why.Length > 0)
            {
                page.Line($"{l.Why}: {d.Why}", f.Body, indent: 12);
            }
            if (d.Parties.Count > 0)
            {
                page.Line($"{l.AgreedBy}: {string.Join(", ", d.Parties)}", f.Body, indent: 12);
            }
        }

        Heading(page, f, l.ActionItems);
        Lines(page, f, m.ActionItems.Select(i => $"A{i.Number}  {i.Title} — {l.Owner}: "
            + $"{(i.Owner is { Length: > 0 } o ? o : l.Unassigned)} · {l.Due}: "
            + $"{(i.Due is { } due ? MinutesLabels.IsoDate(due) : "—")} · {l.Status}: {l.StatusOf(i.Status)}"),
            l.NoActionItems);

        Heading(page, f, l.Notes);
        Lines(page, f, m.Notes.Trim().Length == 0 ? [] : MinutesMarkdown.Nested(m.Notes).Split('\n'), l.NoNotes);
        page.Dispose();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void Heading(PdfPageWriter page, Fonts f, string text)
    {
        page.Line(text, f.Header, before: 10, after: 3, keepWithNext: 2);
        page.Rule(-2);
        page.Space(3);
    }

    private static void Lines(PdfPageWriter page, Fonts f, IEnumerable<string> lines, string none)
    {
        var any = false;
        foreach (var line in lines)
        {
            page.Line(line, f.Body);
            any = true;
        }
        if (!any)
        {
            page.Line(none, f.Body);
        }
    }

    private static string Names(IReadOnlyList<string> names, MinutesLabels l) =>
        names.Count == 0 ? l.NobodyPresent : string.Join(", ", names);

    private sealed class Fonts
    {
        public XFont Title { get; } = PdfPageWriter.Font(17, bold: true);
        public XFont Header { get; } = PdfPageWriter.Font(12.5, bold: true);
        public XFont Bold { get; } = PdfPageWriter.Font(10, bold: true);
        public XFont Body { get; } = PdfPageWriter.Font(10);
        public XFont Small { get; } = PdfPageWriter.Font(8.5);
    }
}
