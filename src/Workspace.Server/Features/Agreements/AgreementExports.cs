using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Server.Data;
using Workspace.Server.Kernel;
using Workspace.Server.Infrastructure;

namespace Workspace.Server.Features.Agreements;

public sealed record Signature(string Party, string Name, DateTimeOffset At, long Revision, string Hash);

/// <summary>The signature page: who signed for which party and when, and the SHA-256 of the signed text.</summary>
public sealed record SignaturePage(DateTimeOffset SignedAt, long Revision, string Hash, IReadOnlyList<Signature>
    Signatures);

/// <summary>The agreement as it reads now (consolidated once amendments are signed), rendered, with its signature
/// page.</summary>
public sealed record AgreementText(
    string Title, string Status, string Text, string Html, SignaturePage? SignaturePage, int LatestAmendment);

/// <summary>The agreement to read in the app, and as an HTML or PDF file, each with the signature page once
/// signed.</summary>
public static class AgreementExports
{
    public static void MapAgreementExports(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/{agreementId:guid}/text", TextAsync);
        group.MapGet("/{agreementId:guid}/export.html", HtmlAsync).Produces(200, contentType: "text/html");
        group.MapGet("/{agreementId:guid}/export.pdf", PdfAsync).Produces(200, contentType: "application/pdf");
    }

    internal static async Task<AgreementText> ReadAsync(
        Guid partnershipId, Guid agreementId, WorkspaceDb db, IGrainFactory grains, MarkdownRenderer markdown,
        CancellationToken ct)
    {
        var agreement = await AgreementAccess.LoadAsync(db, partnershipId, agreementId, ct);
        var signOff = await AgreementAccess.SignOffAsync(grains, agreement);
        var (text, lastChanged) = await AgreementAmendments.ConsolidatedAsync(db, grains, agreement, ct);
        var partnership = (await grains.GetGrain<IPartnershipGrain>(partnershipId).GetAsync())!;
        SignaturePage? page = null;
        if (signOff is { SignedAt: { } at, SignedRevision: { } revision, SignedHash: { } hash })
        {
            page = new SignaturePage(at, revision, hash, [.. signOff.Approvals.Select(a => new Signature(
                partnership.Parties.FirstOrDefault(p => p.Id == a.PartyId)?.Name ?? "", a.Name, a.At, a.Revision,
                    a.Hash))]);
        }
        return new AgreementText(agreement.Title, signOff.Status, text, markdown.Render(text), page,
            lastChanged.Count == 0 ? 0 : lastChanged.Values.Max());
    }

    private static async Task<Ok<AgreementText>> TextAsync(
        Guid partnershipId, Guid agreementId, WorkspaceDb db, IGrainFactory grains, MarkdownRenderer markdown,
        CancellationToken ct) =>
        TypedResults.Ok(await ReadAsync(partnershipId, agreementId, db, grains, markdown, ct));

    private static async Task<FileContentHttpResult> HtmlAsync(
        Guid partnershipId, Guid agreementId, HttpContext http, WorkspaceDb db, IGrainFactory grains,
        MarkdownRenderer markdown, CancellationToken ct)
    {
        var read = await ReadAsync(partnershipId, agreementId, db, grains, markdown, ct);
        var id = Language(http);
        var html = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"").Append(id ? "id" :
                "en").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(WebUtility.HtmlEncode(read.Title)).Append("</title></head><body>\n<main>")
            .Append(read.Html).Append("</main>\n");
        if (read.SignaturePage is { } page)
        {
            html.Append("<section id=\"signature-page\"><h2>").Append(id ? "Halaman tanda tangan" : "Signature page")
                .Append("</h2><p>").Append(id ? "SHA-256 teks yang ditandatangani" : "SHA-256 of the signed text")
                .Append(" (").Append(id ? "revisi" : "revision").Append(' ').Append(page.Revision).Append("): <code>")
                .Append(page.Hash).Append("</code></p><table><thead><tr><th>").Append(id ? "Pihak" :
                    "Party").Append("</th><th>")
                .Append(id ? "Ditandatangani oleh" : "Signed by").Append("</th><th>").Append(id ? "Waktu (UTC)" :
                    "When (UTC)")
                .Append("</th></tr></thead><tbody>");
            foreach (var s in page.Signatures)
            {
                html.Append("<tr><td>").Append(WebUtility.HtmlEncode(s.Party)).Append("</td><td>")
                    .Append(WebUtility.HtmlEncode(s.Name)).Append("</td><td>").Append(s.At.UtcDateTime.ToString("u"))
                    .Append("</td></tr>");
            }
            html.Append("</tbody></table></section>\n");
        }
        html.Append("</body></html>\n");
        return TypedResults.File(Encoding.UTF8.GetBytes(html.ToString()), "text/html; charset=utf-8", FileName(read,
            "html"));
    }

    private static async Task<FileContentHttpResult> PdfAsync(
        Guid partnershipId, Guid agreementId, HttpContext http, WorkspaceDb db, IGrainFactory grains,
        MarkdownRenderer markdown, CancellationToken ct)
    {
        var read = await ReadAsync(partnershipId, agreementId, db, grains, markdown, ct);
        return TypedResults.File(AgreementPdf.Render(read, Language(http)), "application/pdf", FileName(read, "pdf"));
    }

    private static bool Language(HttpContext http) =>
        http.Request.Query["lang"] == "id";

    private static string FileName(AgreementText read, string extension)
    {
        var safe = new string([.. read.Title.Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-');
        return $"{(safe.Length == 0 ? "agreement" : safe[..Math.Min(safe.Length, 80)])}.{extension}";
    }
}
