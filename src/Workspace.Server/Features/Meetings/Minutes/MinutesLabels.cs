namespace Workspace.Server.Features.Meetings.Minutes;

/// <summary>The minutes' fixed words in one of the partnership's languages (English or Bahasa Indonesia).</summary>
public sealed record MinutesLabels(
    string Language,
    string Minutes,
    string Notes,
    string Date,
    string TimeZone,
    string Duration,
    string MinutesUnit,
    string Place,
    string Facilitator,
    string Attendance,
    string Present,
    string Absent,
    string NobodyPresent,
    string Agenda,
    string NoAgenda,
    string Decisions,
    string NoDecisions,
    string Why,
    string AgreedBy,
    string Superseded,
    string ActionItems,
    string NoActionItems,
    string Item,
    string Owner,
    string Due,
    string Status,
    string NoNotes,
    string Unassigned,
    IReadOnlyDictionary<string, string> Statuses)
{
    public static readonly MinutesLabels English = new(
        "en", "Minutes", "Notes", "Date", "Time zone", "Duration", "min", "Place", "Facilitator", "Attendance",
        "Present", "Absent", "nobody", "Agenda", "No agenda items.", "Decisions", "No decisions recorded.", "Why",
        "Agreed by", "superseded", "Action items", "No action items.", "Item", "Owner", "Due", "Status",
        "No notes were taken.", "unassigned",
        new Dictionary<string, string>
        {
            ["Open"] = "Open", ["InProgress"] = "In progress", ["Blocked"] = "Blocked", ["Done"] = "Done",
        });

    public static readonly MinutesLabels Indonesian = new(
        "id", "Risalah rapat", "Notula", "Tanggal", "Zona waktu", "Durasi", "menit", "Tempat", "Fasilitator",
        "Kehadiran", "Hadir", "Tidak hadir", "tidak ada", "Agenda", "Tidak ada butir agenda.", "Keputusan",
        "Tidak ada keputusan yang dicatat.", "Alasan", "Disetujui oleh", "digantikan", "Tindak lanjut",
        "Tidak ada tindak lanjut.", "Butir", "Penanggung jawab", "Tenggat", "Status", "Tidak ada notula.",
        "belum ditugaskan",
        new Dictionary<string, string>
        {
            ["Open"] = "Terbuka", ["InProgress"] = "Sedang dikerjakan", ["Blocked"] = "Terhambat", ["Done"] = "Selesai",
        });

    public static readonly IReadOnlyList<string> Languages = ["en", "id"];

    /// <summary>The labels of "en" or "id"; null for any other language.</summary>
    public static MinutesLabels? Of(string? language) => language?.Trim().ToLowerInvariant() switch
    {
        "en" => English,
        "id" => Indonesian,
        _ => null,
    };

    private static readonly string[] EnglishDays =
        ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private static readonly string[] IndonesianDays = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    private static readonly string[] EnglishMonths =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ];

    private static readonly string[] IndonesianMonths =
    [
        "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
        "November", "Desember",
    ];

    /// <summary>"Tuesday, 27 October 2026, 10:00" / "Selasa, 27 Oktober 2026, 10.00" (names written out here, so a
    /// server without culture data still writes them).</summary>
    public string LongDate(DateTime local)
    {
        var id = Language == "id";
        var day = (id ? IndonesianDays : EnglishDays)[(int)local.DayOfWeek];
        var month = (id ? IndonesianMonths : EnglishMonths)[local.Month - 1];
        var time = $"{local.Hour:00}{(id ? '.' : ':')}{local.Minute:00}";
        return $"{day}, {local.Day} {month} {local.Year}, {time}";
    }

    public static string IsoDate(DateOnly date) =>
        date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string StatusOf(string status) => Statuses.GetValueOrDefault(status, status);
}
