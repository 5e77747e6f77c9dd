using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workspace.Collaboration.Errors;
using Workspace.Server.Data;
using Workspace.Server.Infrastructure;
using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Files;

public interface IFilesGrain : IGrainWithGuidKey
{
    Task<FileList> GetAllAsync();
    /// <summary>The bytes the partnership's files take now (an upload's early quota check).</summary>
    Task<long> UsedBytesAsync();
    Task<Outcome<StoredFile>> FindAsync(Guid fileId);
    /// <summary>Commits the metadata of bytes already stored; refused over the quota (then the caller removes them).
    /// </summary>
    Task<Outcome<FileView>> AddAsync(FileActor who, NewFile file);
    /// <summary>Forgets a file (the uploader or an owner); the caller then removes its bytes.</summary>
    Task<Outcome<StoredFile>> DeleteAsync(FileActor who, Guid fileId);
}

/// <summary>
/// The single authority for one partnership's list of files (keyed by partnership id). Orleans runs one command at a
/// time here, so two uploads that each fit the quota alone are never both committed past it.
/// </summary>
public sealed class FilesGrain(
    IDbContextFactory<WorkspaceDb> dbs, PartnershipFeed feed, TimeProvider clock, IOptions<FilesOptions> options)
    : Grain, IFilesGrain
{
    private readonly Dictionary<Guid, SharedFile> _files = [];

    private Guid PartnershipId => this.GetPrimaryKey();

    private long Used => _files.Values.Sum(f => f.Size);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var id = PartnershipId;
        foreach (var f in await db.Set<SharedFile>().AsNoTracking().Where(x => x.PartnershipId == id)
            .ToListAsync(cancellationToken))
        {
            _files[f.Id] = f;
        }
    }

    public async Task<FileList> GetAllAsync()
    {
        var parties = await PartiesAsync();
        var files = _files.Values.OrderByDescending(f => f.UploadedAt).ThenByDescending(f => f.Id)
            .Select(f => View(f, parties)).ToList();
        return new FileList(files, Used, options.Value.QuotaBytes, options.Value.MaxBytes);
    }

    public Task<long> UsedBytesAsync() => Task.FromResult(Used);

    public async Task<Outcome<StoredFile>> FindAsync(Guid fileId) =>
        _files.TryGetValue(fileId, out var f) ? new StoredFile(View(f, await PartiesAsync()), f.StorageKey) : Unknown();

    public async Task<Outcome<FileView>> AddAsync(FileActor who, NewFile file)
    {
        if (who.Role < PartnershipRole.Commenter)
        {
            return RoleTooLow(who, PartnershipRole.Commenter);
        }
        if (_files.Count >= FileLimits.FilesMax)
        {
            return Refusal.Of(StatusCodes.Status409Conflict, ErrorCodes.TooManyFiles,
                $"A partnership holds at most {FileLimits.FilesMax} files.", ("max", FileLimits.FilesMax));
        }
        if (QuotaRefusal(Used, file.Size, options.Value.QuotaBytes) is { } over)
        {
            return over;
        }
        var stored = new SharedFile
        {
            Id = file.Id, PartnershipId = PartnershipId, Name = file.Name, ContentType = file.ContentType,
            Size = file.Size, Sha256 = file.Sha256, StorageKey = file.StorageKey, UploadedByUserId = who.Actor.UserId,
            UploadedByName = who.Actor.DisplayName, UploadedByPartyId = who.PartyId, UploadedAt = clock.GetUtcNow(),
        };
        await feed.SaveAsync(PartnershipId, db => db.Add(stored), who.Actor, "file.uploaded",
            $"uploaded the file “{stored.Name}”", new { name = stored.Name, size = stored.Size });
        _files[stored.Id] = stored;
        var view = View(stored, await PartiesAsync());
        await feed.PublishAsync(PartnershipId, "file.added", view);
        return view;
    }

    public async Task<Outcome<StoredFile>> DeleteAsync(FileActor who, Guid fileId)
    {
        if (!_files.TryGetValue(fileId, out var file))
        {
            return Unknown();
        }
        var uploader = file.UploadedByUserId == who.Actor.UserId && who.Role >= PartnershipRole.Commenter;
        if (!uploader && who.Role < PartnershipRole.Owner)
        {
            return Refusal.Of(StatusCodes.Status403Forbidden, ErrorCodes.NotYourFile,
                "Only the person who uploaded this file or an owner can delete it.");
        }
        await feed.SaveAsync(PartnershipId, db => db.Remove(file), who.Actor, "file.deleted",
            $"deleted the file “{file.Name}”", new { name = file.Name });
        _files.Remove(fileId);
        await feed.PublishAsync(PartnershipId, "file.deleted", new { id = fileId });
        return new StoredFile(View(file, await PartiesAsync()), file.StorageKey);
    }

    /// <summary>The refusal of <paramref name="size"/> more bytes over <paramref name="quota"/>; null when they fit.
    /// </summary>
    public static Refusal? QuotaRefusal(long used, long size, long quota) =>
        used + size <= quota ? null : Refusal.Of(StatusCodes.Status413RequestEntityTooLarge,
            ErrorCodes.FileQuotaExceeded,
            $"Not enough room for this file: the partnership's files take {FileWords.Human(used)} of "
            + $"{FileWords.Human(quota)}. Delete older files first.", ("usedBytes", used), ("quotaBytes", quota));

    private static FileView View(SharedFile f, IReadOnlyDictionary<Guid, string> parties) => new(f.Id, f.Name,
        f.ContentType, f.Size, f.Sha256, f.UploadedByUserId, f.UploadedByName, f.UploadedByPartyId,
        parties.GetValueOrDefault(f.UploadedByPartyId, ""), f.UploadedAt);

    private async Task<IReadOnlyDictionary<Guid, string>> PartiesAsync()
    {
        var partnership = await GrainFactory.GetGrain<IPartnershipGrain>(PartnershipId).GetAsync();
        return (partnership?.Parties ?? []).ToDictionary(p => p.Id, p => p.Name);
    }

    private static Refusal Unknown() => Refusal.Of(StatusCodes.Status404NotFound, ErrorCodes.UnknownFile,
        "This file does not exist in this partnership (it may have been deleted).");

    private static Refusal RoleTooLow(FileActor who, PartnershipRole needed) => Refusal.Of(
        StatusCodes.Status403Forbidden, ErrorCodes.RoleTooLow, $"This needs the {needed} role; you are {who.Role}.",
        ("needed", needed), ("role", who.Role));
}
