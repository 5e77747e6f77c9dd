using System.Globalization;
using PdfSharp.Drawing;
using Workspace.Server.Infrastructure;
using PdfSharp.Pdf;

namespace Workspace.Server.Features.Agreements;

/// <summary>
/// The agreement as a PDF: its text (headings bold, lines wrapped), then the signature page, in the server's PDF font
/// (<see cref="PdfFonts"/>).
/// </summary>
public static class AgreementPdf
{
    private const double Margin = 56;

    public static byte[] Render(AgreementText read, bool indonesian)
    {
        ArgumentNullException.ThrowIfNull(read);
        PdfFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = read.Title;
        var writer = new PageWriter(document);
        foreach (var raw in read.Text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var level = line.TakeWhile(c => c == '#').Count();
            if (level is > 0 and <= 6 && line.Length > level && line[level] == ' ')
            {
                writer.Paragraph(line[(level + 1)..].Trim(), level == 1 ? 16 : 13, bold: true, spaceBefore: 8);
            }
            else
            {
                writer.Paragraph(line.Replace("**", "", StringComparison.Ordinal), 10.5, bold: false, spaceBefore: 0);
            }
        }
        if (read.SignaturePage is { } page)
        {
            writer.NewPage();
            writer.Paragraph(indonesian ? "Halaman tanda tangan" : "Signature page", 16, bold: true, spaceBefore: 0);
            writer.Paragraph($"{(indonesian ? "Revisi yang ditandatangani" : "Signed revision")}: {page.Revision}",
                10.5, false, 6);
            writer.Paragraph($"SHA-256: {page.Hash}", 9, false, 2);
            foreach (var s in page.Signatures)
            {
                writer.Paragraph(s.Party, 12, bold: true, spaceBefore: 14);
                writer.Paragraph($"{(indonesian ? "Ditandatangani oleh" : "Signed by")}: {s.Name}", 10.5, false, 2);
                var when = s.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
                writer.Paragraph($"{(indonesian ? "Waktu" : "When")}: {when}", 10.5, false, 2);
            }
        }
        writer.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    /// <summary>Writes wrapped paragraphs top to bottom, starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private XGraphics? _gfx;
        private PdfPage? _page;
        private double _y;

        public void NewPage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        public void Paragraph(string text, double size, bool bold, double spaceBefore)
        {
            if (_gfx is null)
            {
                NewPage();
            }
            var font = new XFont(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);
            var lineHeight = size * 1.35;
            _y += spaceBefore;
            var width = _page!.Width.Point - (2 * Margin);
            foreach (var line in Wrap(text, font, width))
            {
                if (_y + lineHeight > _page.Height.Point - Margin)
                {
                    NewPage();
                }
                _gfx!.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + size));
                _y += lineHeight;
            }
        }

        private IEnumerable<string> Wrap(string text, XFont font, double width)
        {
            if (text.Length == 0)
            {
                yield return "";
                yield break;
            }
            var current = "";
            foreach (var word in text.Split(' '))
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

        public void Dispose() => _gfx?.Dispose();
    }
}
