using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workspace.Server.Features.Files;

/// <summary>
/// A file shared in a partnership: its metadata only. The bytes live in the <see cref="IFileStore"/> under
/// <see cref="StorageKey"/>, which the server makes from ids and never from the name a person gave the file.
/// </summary>
public sealed class SharedFile
{
    public Guid Id { get; set; }
    public Guid PartnershipId { get; set; }
    /// <summary>The cleaned name (<see cref="FileNames.Clean"/>): what downloads are called.</summary>
    public string Name { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    /// <summary>SHA-256 of the bytes, lower-case hex: the download's entity tag, so a resumed download is the same
    /// file.</summary>
    public string Sha256 { get; set; } = "";
    public string StorageKey { get; set; } = "";
    public string UploadedByUserId { get; set; } = "";
    public string UploadedByName { get; set; } = "";
    /// <summary>The uploader's party (their membership's, never one named by the client).</summary>
    public Guid UploadedByPartyId { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

internal sealed class SharedFileConfiguration : IEntityTypeConfiguration<SharedFile>
{
    public void Configure(EntityTypeBuilder<SharedFile> e)
    {
        e.ToTable("SharedFiles");
        e.HasIndex(f => f.PartnershipId);
        e.Property(f => f.Name).HasMaxLength(FileLimits.NameMax);
        e.Property(f => f.ContentType).HasMaxLength(FileLimits.ContentTypeMax);
        e.Property(f => f.Sha256).HasMaxLength(64);
        e.Property(f => f.StorageKey).HasMaxLength(FileLimits.StorageKeyMax);
        e.Property(f => f.UploadedByUserId).HasMaxLength(64);
        e.Property(f => f.UploadedByName).HasMaxLength(100);
    }
}
