using System.Globalization;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Files;

/// <summary>
/// The words of the files' refusals in English and Bahasa Indonesia. The browser words codes itself; these are for
/// uploads from elsewhere (a script, a phone's share sheet) whose request says <c>Accept-Language: id</c>, so the
/// ProblemDetails' <c>detail</c> is readable as it is.
/// </summary>
public static class FileWords
{
    /// <summary>The refusal in the request's language (English unless it asks for Indonesian).</summary>
    public static Refusal Worded(Refusal refusal, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return RequestLanguage.WantsIndonesian(http) && Indonesian(refusal) is { } words
            ? refusal with { Detail = words }
            : refusal;
    }

    private static string? Indonesian(Refusal r) => r.Code switch
    {
        ErrorCodes.FileTooLarge => $"Berkas terlalu besar: maksimal {Bytes(r, "maxBytes", "id")}.",
        ErrorCodes.FileQuotaExceeded => $"Ruang berkas kemitraan ini tidak cukup: sudah terpakai "
            + $"{Bytes(r, "usedBytes", "id")} dari {Bytes(r, "quotaBytes", "id")}. Hapus berkas lama terlebih dahulu.",
        ErrorCodes.FileEmpty => "Berkas kosong tidak dapat diunggah.",
        ErrorCodes.UnknownFile => "Berkas ini tidak ada di kemitraan ini (mungkin sudah dihapus).",
        ErrorCodes.NotYourFile => "Hanya pengunggah atau pemilik yang dapat menghapus berkas ini.",
        ErrorCodes.TooManyFiles => "Kemitraan ini sudah menyimpan jumlah berkas maksimum.",
        ErrorCodes.Required => "Nama berkas wajib diisi.",
        _ => null,
    };

    private static string Bytes(Refusal r, string arg, string language) =>
        r.Args?.GetValueOrDefault(arg) is { } value && long.TryParse(value, CultureInfo.InvariantCulture, out var n)
            ? Human(n, language) : "?";

    /// <summary>Bytes in human units (1024-based, one decimal below 10): "50 MB", "1,5 GB" in Indonesian.</summary>
    public static string Human(long bytes, string language = "en")
    {
        var culture = CultureInfo.GetCultureInfo(language == "id" ? "id-ID" : "en-GB");
        string[] units = ["B", "KB", "MB", "GB", "TB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        var shown = unit == 0 || value >= 10
            ? Math.Round(value).ToString("0", culture) : value.ToString("0.#", culture);
        return $"{shown} {units[unit]}";
    }
}
