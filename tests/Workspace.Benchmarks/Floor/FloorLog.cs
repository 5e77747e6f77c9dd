using System.Text;
using System.Threading.Channels;
using Workspace.Collaboration.Documents;

namespace Workspace.Floor;

/// <summary>
/// The durable commit alone (mode orleans-fsync): every op is appended to one file, and what arrived while the last
/// fsync ran is written and fsynced together (a group commit, like the product's OperationWriter) before any of it is
/// acknowledged. Off in the other modes.
/// </summary>
public sealed class FloorLog : IAsyncDisposable
{
    private readonly Channel<(byte[] Line, TaskCompletionSource Done)> _queue =
        Channel.CreateUnbounded<(byte[], TaskCompletionSource)>(new() { SingleReader = true });
    private readonly FileStream? _file;
    private readonly Task _loop = Task.CompletedTask;

    public FloorLog(string? path)
    {
        if (path is null)
        {
            return;
        }
        _file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        _loop = Task.Run(WriteLoopAsync);
    }

    public bool Enabled => _file is not null;

    public Task AppendAsync(AppliedOperation applied)
    {
        var line = Encoding.UTF8.GetBytes($"{applied.DocumentId:N}\t{applied.Revision}\t{applied.ClientId}\t"
            + $"{applied.ClientSeq}\t{applied.Op.ToJson()}\n");
        var done = new TaskCompletionSource();
        _queue.Writer.TryWrite((line, done));
        return done.Task;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<TaskCompletionSource>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (_queue.Reader.TryRead(out var item))
            {
                _file!.Write(item.Line);
                batch.Add(item.Done);
            }
            try
            {
                _file!.Flush(flushToDisk: true);
                batch.ForEach(d => d.TrySetResult());
            }
            catch (IOException e)
            {
                batch.ForEach(d => d.TrySetException(e));
            }
            batch.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
