using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Workspace.Collaboration.Errors;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Files;

/// <summary>
/// One upload: the request's body is the file (<c>POST …/files?name=&amp;type=</c>, sent as
/// <c>application/octet-stream</c>). The order keeps every promise: the bytes are stored first, then the grain
/// commits the metadata, then 201; a refused or failed commit removes the bytes again.
/// </summary>
public static class FileUpload
{
    public static async Task<Results<Created<FileView>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        Guid partnershipId, string? name, string? type, HttpContext http, IGrainFactory grains, IFileStore store,
        IOptions<FilesOptions> options)
    {
        var (max, quota) = (options.Value.MaxBytes, options.Value.QuotaBytes);
        var grain = FilesApi.Grain(grains, partnershipId);
        var cleaned = FileNames.Clean(name);
        if (cleaned.Length == 0)
        {
            return FileWords.Worded(Refusal.Invalid(new FieldError("name", ErrorCodes.Required,
                "The file name is required.", null)), http).ToValidationProblem();
        }
        if (http.Request.ContentLength is { } length
            && (TooLarge(length, max) ?? Empty(length) ?? FilesGrain.QuotaRefusal(
                await grain.UsedBytesAsync(), length, quota)) is { } early)
        {
            return FileWords.Worded(early, http).ToProblem();
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1; // the metered stream below answers past max itself
        }
        var id = Guid.NewGuid();
        var key = FileKeys.KeyOf(partnershipId, id);
        using var metered = new MeteredStream(http.Request.Body, max);
        if (await StoreAsync(store, key, metered, max, http.RequestAborted) is { } failed)
        {
            return FileWords.Worded(failed, http).ToProblem();
        }
        var file = new NewFile(id, cleaned, FileNames.ContentType(type), metered.Size, metered.Sha256Hex, key);
        Outcome<FileView> added;
        try
        {
            added = metered.Size == 0 ? Outcome<FileView>.Refuse(Empty(0)!)
                : await grain.AddAsync(FilesApi.Who(http), file);
        }
        catch
        {
            await store.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        if (added.Kind != OutcomeKind.Ok)
        {
            await store.DeleteAsync(key, CancellationToken.None);
            return FileWords.Worded(added.Refusal!, http).ToProblem();
        }
        return TypedResults.Created($"/api/partnerships/{partnershipId}/files/{id}", added.Value!);
    }

    /// <summary>Streams the body to the store; on any failure nothing is left under the key. A body past the
    /// maximum or a cancelled upload is the refusal returned; a store failure is raised.</summary>
    private static async Task<Refusal?> StoreAsync(IFileStore store, string key, MeteredStream body, long max,
        CancellationToken ct)
    {
        try
        {
            await store.WriteAsync(key, body, ct);
            return null;
        }
        catch (Exception e)
        {
            await store.DeleteAsync(key, CancellationToken.None);
            if (e is FileTooLargeException || e.InnerException is FileTooLargeException
                || e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return TooLarge(max + 1, max);
            }
            if (ct.IsCancellationRequested)
            {
                // The person cancelled (or the connection dropped): nobody reads this answer.
                return Refusal.Of(StatusCodes.Status400BadRequest, ErrorCodes.UnreadableRequest,
                    "The upload was cancelled before it was complete.");
            }
            throw;
        }
    }

    private static Refusal? TooLarge(long size, long max) => size <= max ? null : Refusal.Of(
        StatusCodes.Status413PayloadTooLarge, ErrorCodes.FileTooLarge,
        $"The file is too large: at most {FileWords.Human(max)}.", ("maxBytes", max));

    private static Refusal? Empty(long size) => size > 0 ? null : Refusal.Of(StatusCodes.Status400BadRequest,
        ErrorCodes.FileEmpty, "An empty file cannot be uploaded.");
}
