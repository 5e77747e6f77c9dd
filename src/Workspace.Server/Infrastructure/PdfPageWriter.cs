using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// How a <see cref="PdfPageWriter"/> lays out its lines: the page margin; a line's height as a multiple of either the
/// font's own line height (<see cref="PdfLineBasis.FontHeight"/>) or its size (<see cref="PdfLineBasis.FontSize"/>);
/// the space after a paragraph unless a line asks for other; the page size (null: PDFsharp's default).
/// </summary>
public sealed record PdfTextLayout(
    double Margin, double LineSpacing, PdfLineBasis Basis, double ParagraphSpacing = 0, PdfSharp.PageSize? Size = null);

/// <summary>What <see cref="PdfTextLayout.LineSpacing"/> multiplies.</summary>
public enum PdfLineBasis
{
    FontHeight,
    FontSize,
}

/// <summary>
/// Writes lines top to bottom in the server's PDF font (<see cref="PdfFonts"/>), wrapping at word boundaries and
/// starting a new page when one is full; the one writer of every PDF the server makes (minutes, agreements).
/// </summary>
public sealed class PdfPageWriter : IDisposable
{
    private readonly PdfDocument _document;
    private readonly PdfTextLayout _layout;
    private XGraphics? _gfx;
    private PdfPage? _page;
    private double _y;

    public PdfPageWriter(PdfDocument document, PdfTextLayout layout)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(layout);
        PdfFonts.Install();
        _document = document;
        _layout = layout;
        NewPage();
    }

    /// <summary>The server's PDF font at <paramref name="size"/> points.</summary>
    public static XFont Font(double size, bool bold = false) =>
        new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    private double Margin => _layout.Margin;

    private double Width => _page!.Width.Point - (2 * Margin);

    private double Bottom => _page!.Height.Point - Margin;

    /// <summary>
    /// One paragraph, after <paramref name="before"/> points of space and followed by <paramref name="after"/> (by
    /// default the layout's paragraph spacing); <paramref name="keepWithNext"/> lines of room are asked for below each
    /// of its lines too.
    /// </summary>
    public void Line(string text, XFont font, double indent = 0, double before = 0, double? after = null,
        int keepWithNext = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(font);
        var em = _layout.Basis == PdfLineBasis.FontHeight ? font.GetHeight() : font.Size;
        var height = em * _layout.LineSpacing;
        _y += before;
        foreach (var line in Wrap(text, font, Width - indent))
        {
            if (_y + (height * (1 + keepWithNext)) > Bottom)
            {
                NewPage();
            }
            _gfx!.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, _y + em));
            _y += height;
        }
        _y += after ?? _layout.ParagraphSpacing;
    }

    /// <summary>Moves down by <paramref name="points"/>.</summary>
    public void Space(double points) => _y += points;

    /// <summary>A thin grey rule across the page, <paramref name="offset"/> points below the current line.</summary>
    public void Rule(double offset) =>
        _gfx!.DrawLine(XPens.LightGray, Margin, _y + offset, Margin + Width, _y + offset);

    public void NewPage()
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        if (_layout.Size is { } size)
        {
            _page.Size = size;
        }
        _gfx = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _gfx = null;
    }

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
}
