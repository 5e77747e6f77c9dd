using PdfSharp.Drawing;
using Workspace.Server.Infrastructure;
using PdfSharp.Pdf;

namespace Workspace.Server.Features.Meetings.Minutes;

/// <summary>The minutes as an A4 PDF (PDFsharp), in DejaVu Sans, which the server carries itself.</summary>
public static class MinutesPdf
{
    public const string Family = PdfFonts.Family;

    public static byte[] Render(MinutesModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        PdfFonts.Install();
        var l = m.Labels;
        using var document = new PdfDocument();
        document.Info.Title = $"{l.Minutes}: {m.Title}";
        document.Info.Subject = m.PartnershipName;
        var page = new PdfPageWriter(document);
        page.Line(m.PartnershipName, page.Small);
        page.Line($"{l.Minutes}: {m.Title}", page.Title, after: 8);
        page.Line($"{l.Date}: {l.LongDate(m.StartLocal)}", page.Body);
        page.Line($"{l.TimeZone}: {m.TimeZone} · {l.Duration}: {m.DurationMinutes} {l.MinutesUnit}", page.Body);
        if (m.Location.Length > 0)
        {
            page.Line($"{l.Place}: {m.Location}", page.Body);
        }
        page.Line($"{l.Facilitator}: {m.FacilitatorName}", page.Body);

        page.Heading(l.Attendance);
        foreach (var p in m.Attendance)
        {
            page.Line(p.Party, page.Bold);
            page.Line($"{l.Present}: {Names(p.Present, l)}", page.Body, indent: 12);
            page.Line($"{l.Absent}: {Names(p.Absent, l)}", page.Body, indent: 12);
        }

        page.Heading(l.Agenda);
        Lines(page, m.Agenda.Select((a, i) => $"{i + 1}. {a.Title}"
            + (a.Owner is { Length: > 0 } o ? $" ({o})" : "") + $" — {a.Minutes} {l.MinutesUnit}"), l.NoAgenda);

        page.Heading(l.Decisions);
        if (m.Decisions.Count == 0)
        {
            page.Line(l.NoDecisions, page.Body);
        }
        foreach (var d in m.Decisions)
        {
            page.Line("• " + d.Text + (d.Superseded ? $" ({l.Superseded})" : ""), page.Bold, keepWithNext: 1);
            if (d.Why.Length > 0)
            {
                page.Line($"{l.Why}: {d.Why}", page.Body, indent: 12);
            }
            if (d.Parties.Count > 0)
            {
                page.Line($"{l.AgreedBy}: {string.Join(", ", d.Parties)}", page.Body, indent: 12);
            }
        }

        page.Heading(l.ActionItems);
        Lines(page, m.ActionItems.Select(i => $"A{i.Number}  {i.Title} — {l.Owner}: "
            + $"{(i.Owner is { Length: > 0 } o ? o : l.Unassigned)} · {l.Due}: "
            + $"{(i.Due is { } due ? MinutesLabels.IsoDate(due) : "—")} · {l.Status}: {l.StatusOf(i.Status)}"),
            l.NoActionItems);

        page.Heading(l.Notes);
        Lines(page, m.Notes.Trim().Length == 0 ? [] : MinutesMarkdown.Nested(m.Notes).Split('\n'), l.NoNotes);
        page.Finish();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void Lines(PdfPageWriter page, IEnumerable<string> lines, string none)
    {
        var any = false;
        foreach (var line in lines)
        {
            page.Line(line, page.Body);
            any = true;
        }
        if (!any)
        {
            page.Line(none, page.Body);
        }
    }

    private static string Names(IReadOnlyList<string> names, MinutesLabels l) =>
        names.Count == 0 ? l.NobodyPresent : string.Join(", ", names);
}

/// <summary>Writes lines top to bottom, wrapping at word boundaries and starting a new page when one is full.</summary>
internal sealed class PdfPageWriter
{
    private const double Margin = 50;
    private readonly PdfDocument _document;
    private XGraphics? _gfx;
    private PdfPage? _page;
    private double _y;

    public XFont Title { get; } = new(MinutesPdf.Family, 17, XFontStyleEx.Bold);
    public XFont Header { get; } = new(MinutesPdf.Family, 12.5, XFontStyleEx.Bold);
    public XFont Bold { get; } = new(MinutesPdf.Family, 10, XFontStyleEx.Bold);
    public XFont Body { get; } = new(MinutesPdf.Family, 10, XFontStyleEx.Regular);
    public XFont Small { get; } = new(MinutesPdf.Family, 8.5, XFontStyleEx.Regular);

    public PdfPageWriter(PdfDocument document)
    {
        _document = document;
        NewPage();
    }

    private double Width => _page!.Width.Point - (2 * Margin);

    private double Bottom => _page!.Height.Point - Margin;

    public void Heading(string text)
    {
        _y += 10;
        Line(text, Header, after: 3, keepWithNext: 2);
        _gfx!.DrawLine(XPens.LightGray, Margin, _y - 2, Margin + Width, _y - 2);
        _y += 3;
    }

    /// <summary>One paragraph; <paramref name="keepWithNext"/> lines of room are asked for below it too.</summary>
    public void Line(string text, XFont font, double indent = 0, double after = 2, int keepWithNext = 0)
    {
        var height = font.GetHeight() * 1.25;
        foreach (var line in Wrap(text, font, Width - indent))
        {
            if (_y + (height * (1 + keepWithNext)) > Bottom)
            {
                NewPage();
            }
            _gfx!.DrawString(line, font, XBrushes.Black, Margin + indent, _y + font.GetHeight());
            _y += height;
        }
        _y += after;
    }

    public void Finish() => _gfx?.Dispose();

    private IEnumerable<string> Wrap(string text, XFont font, double width)
    {
        var current = "";
        foreach (var word in text.Replace("\t", "    ", StringComparison.Ordinal).Split(' '))
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && _gfx!.MeasureString(candidate, font).Width > width)
            {
                yield return current;
                current = word;
            }
            else
            {
                current = candidate;
            }
        }
        yield return current;
    }

    private void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }
}
