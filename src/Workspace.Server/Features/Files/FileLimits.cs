using System.ComponentModel.DataAnnotations;

namespace Workspace.Server.Features.Files;

/// <summary>The fixed bounds of shared files; the sizes people may change are in <see cref="FilesOptions"/>.</summary>
public static class FileLimits
{
    /// <summary>The longest file name kept (longer ones are cut, keeping the extension).</summary>
    public const int NameMax = 200;
    public const int ContentTypeMax = 100;
    public const int StorageKeyMax = 80;
    /// <summary>The most files one partnership holds (the list is kept in its grain).</summary>
    public const int FilesMax = 10_000;
}

/// <summary>The <c>Files</c> section of the configuration.</summary>
public sealed class FilesOptions
{
    public const string Section = "Files";

    /// <summary>The largest file one upload may carry (50 MB).</summary>
    [Range(typeof(long), "1", "10737418240")]
    public long MaxBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The most bytes all files of one partnership may take together (2 GB).</summary>
    [Range(typeof(long), "1", "1099511627776")]
    public long QuotaBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Empty: files are kept on this machine under <see cref="Directory"/>. Set: in Azure Blob Storage.
    /// </summary>
    public string BlobConnectionString { get; set; } = "";

    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    public string BlobContainer { get; set; } = "workspace-files";

    /// <summary>Where the file-system store keeps bytes; empty = <c>files</c> in the database's data directory.
    /// </summary>
    public string Directory { get; set; } = "";
}
