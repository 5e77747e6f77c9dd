using PdfSharp.Fonts;

namespace Workspace.Server.Infrastructure;

/// <summary>
/// The one font of every PDF the server makes (minutes, agreements): DejaVu Sans, carried in the assembly
/// (<c>Infrastructure/Fonts</c>, Bitstream Vera licence beside it). A Linux server has no font PDFsharp finds by
/// itself, and PDFsharp takes a single resolver per process, so every PDF writer installs this one.
/// </summary>
public static class PdfFonts
{
    /// <summary>The family name PDF writers ask for; the resolver answers every family with DejaVu Sans.</summary>
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();

    /// <summary>Sets the process-wide resolver once (idempotent, safe from any thread).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
        }
    }

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream($"Pdf.Fonts.{faceName}.ttf");
            if (stream is null)
            {
                return null;
            }
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
