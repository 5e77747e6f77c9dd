using System.Security.Cryptography;

namespace Workspace.Server.Features.Files;

/// <summary>
/// Where the bytes of shared files live. Bytes never pass through a grain: the endpoints stream them between the
/// request or response and the store. Keys are made by the server (<see cref="FileKeys.KeyOf"/>), never from a
/// file's name.
/// </summary>
public interface IFileStore
{
    /// <summary>Streams <paramref name="content"/> to <paramref name="key"/>; done only when the bytes are durable.
    /// A failure (or a too large upload) leaves nothing under the key.</summary>
    Task WriteAsync(string key, Stream content, CancellationToken ct);

    /// <summary>A seekable stream of the bytes (for range requests); null when nothing is stored under the key.
    /// </summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct);

    /// <summary>Removes the bytes; nothing happens when there are none.</summary>
    Task DeleteAsync(string key, CancellationToken ct);
}

public static class FileKeys
{
    /// <summary>The key of a file's bytes: the partnership's id and the file's, both server-made.</summary>
    public static string KeyOf(Guid partnershipId, Guid fileId) => $"{partnershipId:N}/{fileId:N}";

    public static bool IsKey(string key) =>
        key.Length == 65 && key[32] == '/' && key.Remove(32, 1).All(char.IsAsciiHexDigitLower);
}

/// <summary>The upload is larger than <see cref="FilesOptions.MaxBytes"/>.</summary>
public sealed class FileTooLargeException(long max) : IOException($"The file is larger than {max} bytes.")
{
    public long Max { get; } = max;
}

/// <summary>
/// Reads an upload once, as it streams to the store: counts its bytes (raising <see cref="FileTooLargeException"/>
/// past the maximum, whatever Content-Length said) and hashes them, so nothing is read twice or buffered whole.
/// </summary>
public sealed class MeteredStream(Stream inner, long max) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long Size { get; private set; }

    public string Sha256Hex => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Size; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(buffer.AsSpan(offset,
        inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Count(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(ReadOnlySpan<byte> read)
    {
        Size += read.Length;
        if (Size > max)
        {
            throw new FileTooLargeException(max);
        }
        _hash.AppendData(read);
        return read.Length;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
