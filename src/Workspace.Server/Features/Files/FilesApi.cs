using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Files;

/// <summary>
/// Files shared in a partnership. Every member lists and downloads; commenters and above upload (viewers only read);
/// the uploader or an owner deletes. Bytes stream between the request or response and the <see cref="IFileStore"/>;
/// the partnership's <see cref="IFilesGrain"/> holds the list.
/// </summary>
public static class FilesApi
{
    public static void AddWorkspaceFiles(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FilesOptions>().BindConfiguration(FilesOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IFileStore>(sp =>
        {
            var files = sp.GetRequiredService<IOptions<FilesOptions>>().Value;
            if (files.BlobConnectionString.Length > 0)
            {
                return new BlobFileStore(files.BlobConnectionString, files.BlobContainer);
            }
            var data = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.DataDirectory;
            return new LocalFileStore(files.Directory.Length > 0
                ? CheckoutRoot.Resolve(builder.Environment, files.Directory) : Path.Combine(data, "files"));
        });
    }

    public static void MapFiles(this WebApplication app)
    {
        var group = app.MapGroup("/api/partnerships/{partnershipId:guid}/files").WithTags("Files")
            .RequireAuthorization().RequireMember();
        group.MapGet("", async (Guid partnershipId, IGrainFactory grains) =>
            TypedResults.Ok(await Grain(grains, partnershipId).GetAllAsync()));
        group.MapGet("/{fileId:guid}", async (Guid partnershipId, Guid fileId, HttpContext http,
            IGrainFactory grains) => Answer((await Grain(grains, partnershipId).FindAsync(fileId))
                .Map(f => f.File), http));
        group.MapGet("/{fileId:guid}/content", DownloadAsync);
        group.MapDelete("/{fileId:guid}", DeleteAsync);
        app.MapGroup("/api/partnerships/{partnershipId:guid}/files").WithTags("Files").RequireAuthorization()
            .RequireMember(PartnershipRole.Commenter).MapPost("", FileUpload.UploadAsync);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(Guid partnershipId,
        Guid fileId, HttpContext http, IGrainFactory grains, IFileStore store, ILogger<IFileStore> log)
    {
        var found = await Grain(grains, partnershipId).FindAsync(fileId);
        if (found.Kind != OutcomeKind.Ok)
        {
            return FileWords.Worded(found.Refusal!, http).ToProblem();
        }
        var (file, key) = found.Value!;
        if (await store.OpenReadAsync(key, http.RequestAborted) is not { } bytes)
        {
            log.LogError("The bytes of file {FileId} of partnership {PartnershipId} are missing from the store",
                fileId, partnershipId);
            return FileWords.Worded(Refusal.Of(StatusCodes.Status404NotFound,
                Workspace.Collaboration.Errors.ErrorCodes.UnknownFile, "This file's content is missing."), http)
                .ToProblem();
        }
        SecurityHeaders.AsUntrustedContent(http);
        http.Response.Headers.CacheControl = "private, no-cache";
        // An attachment (never shown inline) with its name as filename and RFC 5987 filename*; ranges let a phone
        // resume, and the SHA-256 entity tag makes If-Range resume only the same bytes.
        return TypedResults.Stream(bytes, FileNames.ServedType(file.ContentType), file.Name, file.UploadedAt,
            new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid partnershipId, Guid fileId,
        HttpContext http, IGrainFactory grains, IFileStore store, ILogger<IFileStore> log)
    {
        var deleted = await Grain(grains, partnershipId).DeleteAsync(Who(http), fileId);
        if (deleted.Kind != OutcomeKind.Ok)
        {
            return FileWords.Worded(deleted.Refusal!, http).ToProblem();
        }
        try
        {
            await store.DeleteAsync(deleted.Value!.StorageKey, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Azure.RequestFailedException)
        {
            // The file is gone from the list already; left-over bytes are only wasted room.
            log.LogWarning(e, "The bytes of deleted file {FileId} could not be removed", fileId);
        }
        return TypedResults.NoContent();
    }

    private static Results<Ok<T>, ProblemHttpResult> Answer<T>(Outcome<T> outcome, HttpContext http) =>
        outcome.Kind == OutcomeKind.Ok
            ? TypedResults.Ok(outcome.Value!) : FileWords.Worded(outcome.Refusal!, http).ToProblem();

    private static Outcome<TOut> Map<TIn, TOut>(this Outcome<TIn> outcome, Func<TIn, TOut> map) =>
        outcome.Kind == OutcomeKind.Ok ? Outcome<TOut>.Ok(map(outcome.Value!)) : Outcome<TOut>.Refused(outcome);

    internal static IFilesGrain Grain(IGrainFactory grains, Guid partnershipId) =>
        grains.GetGrain<IFilesGrain>(partnershipId);

    internal static FileActor Who(HttpContext http)
    {
        var member = http.Member();
        return new FileActor(PartnershipAccess.ActorOf(http.User, member), member.PartyId, member.Role);
    }
}
