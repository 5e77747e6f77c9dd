using System.Buffers;
using System.Text;
using System.Text.Json;
using Workspace.Collaboration.Ot;

namespace Workspace.Collaboration.Tests;

/// <summary>
/// The converter writes an op into a JSON message (a server's every broadcast) from a reused buffer: the same bytes
/// as <see cref="TextOperation.ToJson"/>, without a string or builder of its own per op.
/// </summary>
public sealed class JsonWriteWithoutStringTests
{
    [Theory]
    [InlineData("[]")]
    [InlineData("[3,\"hi\",{\"d\":2}]")]
    [InlineData("[\"😀é\\n\\\"\\\\\\t\\u0001\u2028\"]")]
    [InlineData("[2,{\"d\":\"e\u0301\"},\"x\"]")]
    [InlineData("[1234567,\"<&>\",{\"d\":1000000}]")]
    public void AMessageCarriesTheOpAsToJsonWritesIt(string json)
    {
        var op = TextOperation.Parse(json);
        var message = JsonSerializer.SerializeToUtf8Bytes(new { op, n = 1 });
        var expected = "{\"op\":" + json + ",\"n\":1}";
        Assert.Equal(expected, Encoding.UTF8.GetString(message));
        Assert.Equal(Encoding.UTF8.GetBytes(expected), message);
    }

    [Fact]
    public void ALargeOpIsWrittenWholeAndTheNextSmallOneAfterIt()
    {
        var large = TextOperation.Insert(0, new string('x', 100_000) + "\n\"end\"");
        var small = TextOperation.Parse("[5,\"a\"]");
        Assert.Equal(Encoding.UTF8.GetBytes(large.ToJson()), JsonSerializer.SerializeToUtf8Bytes(large));
        Assert.Equal("[5,\"a\"]", Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(small)));
    }

    [Fact]
    public void WritingAnOpIntoAMessageAllocatesNothing()
    {
        var op = TextOperation.Parse("[120,\"k\",{\"d\":3}]");
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        var options = JsonSerializerOptions.Default;
        void Write()
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            JsonSerializer.Serialize(writer, op, options);
            writer.Flush();
        }
        Write();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            Write();
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal("[120,\"k\",{\"d\":3}]", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
