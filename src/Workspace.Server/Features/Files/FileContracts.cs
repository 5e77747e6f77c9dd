using Workspace.Server.Kernel;

namespace Workspace.Server.Features.Files;

/// <summary>A shared file as members see it (never its storage key).</summary>
[GenerateSerializer, Immutable]
public sealed record FileView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size,
    [property: Id(4)] string Sha256,
    [property: Id(5)] string UploadedByUserId,
    [property: Id(6)] string UploadedByName,
    [property: Id(7)] Guid PartyId,
    [property: Id(8)] string PartyName,
    [property: Id(9)] DateTimeOffset UploadedAt);

/// <summary>The partnership's files, newest first, with the bytes they take and the bounds.</summary>
[GenerateSerializer, Immutable]
public sealed record FileList(
    [property: Id(0)] IReadOnlyList<FileView> Files,
    [property: Id(1)] long UsedBytes,
    [property: Id(2)] long QuotaBytes,
    [property: Id(3)] long MaxBytes);

/// <summary>Where a file's bytes are, for the endpoint that streams or removes them.</summary>
[GenerateSerializer, Immutable]
public sealed record StoredFile(
    [property: Id(0)] FileView File,
    [property: Id(1)] string StorageKey);

/// <summary>Bytes already stored, whose metadata the grain is asked to commit.</summary>
[GenerateSerializer, Immutable]
public sealed record NewFile(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string ContentType,
    [property: Id(3)] long Size,
    [property: Id(4)] string Sha256,
    [property: Id(5)] string StorageKey);

/// <summary>Who acts: the person, and the party and role of their membership (never from the request).</summary>
[GenerateSerializer, Immutable]
public sealed record FileActor(
    [property: Id(0)] Actor Actor,
    [property: Id(1)] Guid PartyId,
    [property: Id(2)] PartnershipRole Role);
