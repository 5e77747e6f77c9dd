using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workspace.Server.Features.Notifications;

/// <summary>
/// The words of a notification in an e-mail, in the recipient's language (the browser words the in-app list itself,
/// from the same kinds and arguments: wwwroot/src/features/notifications/words.js).
/// </summary>
public static partial class NotificationTexts
{
    public const string DefaultLanguage = "en";

    public static readonly IReadOnlySet<string> Languages = new HashSet<string>(StringComparer.Ordinal) { "en", "id" };

    private static readonly Dictionary<string, Dictionary<string, string>> Words = new()
    {
        ["en"] = new()
        {
            ["action.assigned"] = "{actor} assigned you the action item A{number} “{title}”",
            ["agreement.awaitsSignOff"] = "{actor} asks your organisation to sign off the agreement “{title}”",
            ["agreement.approvalVoided"] =
                "{actor} changed the agreement “{title}” after your approval; approve it again",
            ["agreement.withdrawn"] =
                "{actor} took the agreement “{title}” back to draft: your approval no longer counts",
            ["dispute.raised"] = "{actor} raised a dispute that involves your organisation: “{title}”",
            ["review.opened"] = "{actor} opened the review R{number} “{title}”; your answer is awaited",
            ["meeting.started"] = "{actor} started the meeting “{title}”",
            ["meeting.minutes"] = "{actor} produced the minutes of the meeting “{title}”",
            ["comment.mention"] = "{actor} mentioned you in a comment on “{title}”",
            ["other"] = "{actor} needs your attention",
            ["mail.partnership"] = "Partnership: {name}",
            ["mail.open"] = "Open it: {url}",
            ["mail.off"] = "You get this e-mail because e-mail notifications are on in your account settings: {url}",
        },
        ["id"] = new()
        {
            ["action.assigned"] = "{actor} menugaskan tugas A{number} “{title}” kepada Anda",
            ["agreement.awaitsSignOff"] = "{actor} meminta organisasi Anda menyetujui perjanjian “{title}”",
            ["agreement.approvalVoided"] =
                "{actor} mengubah perjanjian “{title}” setelah Anda setujui; mohon setujui lagi",
            ["agreement.withdrawn"] =
                "{actor} mengembalikan perjanjian “{title}” ke draf: persetujuan Anda tidak berlaku lagi",
            ["dispute.raised"] = "{actor} mengajukan sengketa yang melibatkan organisasi Anda: “{title}”",
            ["review.opened"] = "{actor} membuka tinjauan R{number} “{title}”; jawaban Anda ditunggu",
            ["meeting.started"] = "{actor} memulai rapat “{title}”",
            ["meeting.minutes"] = "{actor} membuat notulen rapat “{title}”",
            ["comment.mention"] = "{actor} menyebut Anda dalam komentar pada “{title}”",
            ["other"] = "{actor} memerlukan perhatian Anda",
            ["mail.partnership"] = "Kemitraan: {name}",
            ["mail.open"] = "Buka: {url}",
            ["mail.off"] = "Anda menerima e-mail ini karena notifikasi e-mail aktif di pengaturan akun Anda: {url}",
        },
    };

    public static string Language(string? language) =>
        language is not null && Languages.Contains(language) ? language : DefaultLanguage;

    /// <summary>The sentence of a notification in <paramref name="language"/>.</summary>
    public static string Sentence(string language, string kind, string actor, string argsJson)
    {
        var words = Words[Language(language)];
        var template = words.GetValueOrDefault(kind) ?? words["other"];
        var args = Parse(argsJson);
        args["actor"] = actor;
        return Fill(template, args);
    }

    /// <summary>The subject and body of the e-mail of a notification.</summary>
    public static (string Subject, string Body) Mail(string language, Notification n, string partnershipName,
        string publicUrl)
    {
        var words = Words[Language(language)];
        var sentence = Sentence(language, n.Kind, n.ActorName, n.Args);
        var root = publicUrl.TrimEnd('/');
        var body = string.Join("\n", sentence, "",
            Fill(words["mail.partnership"], new() { ["name"] = partnershipName }),
            Fill(words["mail.open"], new() { ["url"] = root + n.Link }), "", "--",
            Fill(words["mail.off"], new() { ["url"] = root + "/account" }));
        return (Cut(sentence, 300), Cut(body, 4000));
    }

    private static Dictionary<string, string> Parse(string json)
    {
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                args[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.ToString();
            }
        }
        catch (JsonException)
        {
            // A damaged row still says who needs what, without its values.
        }
        return args;
    }

    private static string Fill(string template, Dictionary<string, string> args) =>
        Placeholder().Replace(template, m => args.GetValueOrDefault(m.Groups[1].Value) ?? "");

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
