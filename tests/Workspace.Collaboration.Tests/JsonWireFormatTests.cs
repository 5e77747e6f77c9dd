using System.Text.Json;
using Workspace.Collaboration.Ot;

namespace Workspace.Collaboration.Tests;

public sealed class JsonWireFormatTests
{
    [Theory]
    [InlineData("[]")]
    [InlineData("[3,\"hi\",{\"d\":2}]")]
    [InlineData("[\"😀é\\n\\\"\\\\\\t\\u0001\u2028\"]")]
    [InlineData("[2,{\"d\":\"e\u0301\"},\"x\"]")]
    public void ParseThenToJsonRoundTripsTheNpmFormat(string json) =>
        Assert.Equal(json, TextOperation.Parse(json).ToJson());

    [Fact]
    public void ToJsonEscapesLikeJsonStringify()
    {
        // JSON.stringify escapes only quote, backslash and control characters (short forms where they exist).
        var op = TextOperation.Insert(0, "\"\\\b\f\n\r\t\u001b\u007fé😀<&\u2028");
        Assert.Equal("[\"\\\"\\\\\\b\\f\\n\\r\\t\\u001b\u007fé😀<&\u2028\"]", op.ToJson());
    }

    [Fact]
    public void EscapedAstralCharacterParsesAsOneCodePoint()
    {
        var op = TextOperation.Parse("[\"\\ud83d\\ude00\"]");
        Assert.Equal(1, op.Components[0].Count);
        Assert.Equal("[\"😀\"]", op.ToJson());
    }

    [Theory]
    [InlineData("{\"d\":1}", "Op must be an array")]
    [InlineData("null", "Op must be an array")]
    [InlineData("[0,\"a\"]", "Skip components must be >0")]
    [InlineData("[-3,\"a\"]", "Skip components must be >0")]
    [InlineData("[1.5,\"a\"]", "not an integer")]
    [InlineData("[1e2,\"a\"]", "not an integer")]
    [InlineData("[1,2,\"a\"]", "Adjacent skip components should be combined")]
    [InlineData("[\"a\",\"b\"]", "Adjacent insert components should be combined")]
    [InlineData("[{\"d\":1},{\"d\":\"x\"}]", "Adjacent delete components should be combined")]
    [InlineData("[\"a\",3]", "Op has a trailing skip")]
    [InlineData("[\"\"]", "Inserts cannot be empty")]
    [InlineData("[{\"d\":0}]", "Deletes must not be empty")]
    [InlineData("[{\"d\":-1}]", "Deletes must not be empty")]
    [InlineData("[{\"d\":\"\"}]", "Deletes must not be empty")]
    [InlineData("[{\"d\":1.5}]", "not an integer")]
    [InlineData("[{}]", "Delete must be number or string")]
    [InlineData("[{\"d\":true}]", "Delete must be number or string")]
    [InlineData("[{\"d\":null}]", "Delete must be number or string")]
    [InlineData("[{\"x\":1}]", "unknown property \"x\"")]
    [InlineData("[{\"d\":1,\"x\":1}]", "exactly one property")]
    [InlineData("[true]", "not a boolean")]
    [InlineData("[null]", "not null")]
    [InlineData("[[1]]", "not a nested array")]
    [InlineData("[\"\\ud83d\"]", "lone surrogate")]
    [InlineData("[{\"d\":\"a\\ude00\"}]", "lone surrogate")]
    [InlineData("[1,\"a\"", "malformed JSON")]
    [InlineData("[1,\"a\"] x", "malformed JSON")]
    [InlineData("[3000000000,\"a\"]", "exceeds the maximum")]
    [InlineData("", "malformed JSON")]
    public void InvalidWireOpIsRejectedWithClearMessage(string json, string expected)
    {
        var ex = Assert.Throws<OtException>(() => TextOperation.Parse(json));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoneSurrogateInJsonTextIsRejected()
    {
        var ex = Assert.Throws<OtException>(() => TextOperation.Parse("[\"a\uD800\"]"));
        Assert.Contains("lone surrogate", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MessageNamesTheOffendingComponent()
    {
        var ex = Assert.Throws<OtException>(() => TextOperation.Parse("[1,\"a\",0]"));
        Assert.Equal("Invalid op at component 2: Skip components must be >0 (got 0).", ex.Message);
    }

    private sealed record Envelope(string DocumentId, int Revision, TextOperation Op, TextOperation? Optional);

    [Fact]
    public void JsonConverterCarriesOpsInsidePayloads()
    {
        var payload = new Envelope("doc-1", 7, TextOperation.Parse("[2,\"é😀\",{\"d\":\"x\"}]"), null);
        var json = JsonSerializer.Serialize(payload);
        Assert.Equal(
            "{\"DocumentId\":\"doc-1\",\"Revision\":7,\"Op\":[2,\"é😀\",{\"d\":\"x\"}],\"Optional\":null}",
            json);
        Assert.Equal(payload, JsonSerializer.Deserialize<Envelope>(json));
    }

    [Fact]
    public void JsonConverterRejectsInvalidOpAsJsonException()
    {
        var ex = Assert.Throws<JsonException>(
            () => JsonSerializer.Deserialize<Envelope>("{\"DocumentId\":\"d\",\"Revision\":1,\"Op\":[1,2]}"));
        Assert.Contains("Adjacent skip components should be combined", ex.Message, StringComparison.Ordinal);
        Assert.IsType<OtException>(ex.InnerException);
    }
}
