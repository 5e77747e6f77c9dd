using System.Globalization;
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

    /// <summary>Wrapped paragraphs top to bottom (<see cref="PdfPageWriter"/>), a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document) : IDisposable
    {
        private readonly PdfPageWriter _pages =
            new(document, new PdfTextLayout(Margin, LineSpacing: 1.35, Basis: PdfLineBasis.FontSize));

        public void NewPage() => _pages.NewPage();

        public void Paragraph(string text, double size, bool bold, double spaceBefore) =>
            _pages.Line(text, PdfPageWriter.Font(size, bold), before: spaceBefore);

        public void Dispose() => _pages.Dispose();
    }
}
