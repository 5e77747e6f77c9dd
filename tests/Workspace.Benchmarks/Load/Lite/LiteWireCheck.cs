using System.Text;

namespace Workspace.Benchmarks.Load.Lite;

/// <summary>
/// Checked at the start of every run: <see cref="LiteWire"/> reads messages shaped as both servers send them (the
/// product's hub JSON, camelCase; ShareDB 7's op, ack, snapshot and handshake messages) to the fields the lite clients
/// use. A parser change that breaks this stops the run with the message that failed, instead of measuring nonsense.
/// </summary>
public static class LiteWireCheck
{
    public static void Run()
    {
        var applied = SignalR("{\"type\":1,\"target\":\"OperationApplied\",\"arguments\":[{\"documentId\":" +
            "\"0d6a4e1c-3f5e-4a43-9b1e-6f7d2c1b9a10\",\"revision\":42,\"op\":[3,\"ab\",{\"d\":1}],\"clientId\":" +
            "\"c0ffee\",\"clientSeq\":7,\"authorId\":\"u\",\"authorName\":\"Load\"}]}", out var json);
        Expect(applied.Kind == WireKind.Applied && applied.Revision == 42 && applied.Delta == 1 && applied.Seq == 7
            && Src(json, applied) == "c0ffee", "an OperationApplied broadcast");
        var accepted = SignalR("{\"type\":3,\"invocationId\":\"12\",\"result\":{\"revision\":43,\"duplicate\":false}}",
            out _);
        Expect(accepted.Kind == WireKind.Completion && accepted.InvocationId == 12 && accepted.Revision == 43
            && accepted.Error is null, "a Submit completion");
        var refused = SignalR("{\"type\":3,\"invocationId\":\"13\",\"error\":\"slow-down\"}", out _);
        Expect(refused.Kind == WireKind.Completion && refused.Error == "slow-down", "a refused Submit");
        var opened = SignalR("{\"type\":3,\"invocationId\":\"0\",\"result\":{\"document\":{\"id\":\"x\",\"revision\":" +
            "99,\"title\":\"t\"},\"revision\":5,\"text\":\"h\\u00e9llo \\ud83d\\ude00\",\"operations\":null," +
            "\"presence\":[{\"revision\":1}]}}", out _);
        Expect(opened.Kind == WireKind.Completion && opened.Revision == 5 && opened.Length == 7,
            "an OpenDocument completion (nested revision ignored, length in code points)");
        Expect(SignalR("{\"type\":6}", out _).Kind == WireKind.Other, "a ping");
        Expect(SignalR("{\"type\":1,\"target\":\"PresenceRemoved\",\"arguments\":[\"g\",\"c\"]}", out _).Kind
            == WireKind.Other, "another broadcast");

        var op = ShareDb("{\"src\":\"s1\",\"seq\":4,\"v\":9,\"a\":\"op\",\"op\":[2,\"é\"],\"c\":\"docs\",\"d\":\"d\"}",
            out json);
        Expect(op.Kind == WireKind.Applied && op.HasOp && op.Revision == 10 && op.Delta == 1 && op.Seq == 4
            && Src(json, op) == "s1", "a ShareDB op (version 9 leads to 10)");
        var ack = ShareDb("{\"src\":\"s2\",\"seq\":5,\"v\":10,\"a\":\"op\",\"c\":\"docs\",\"d\":\"d\"}", out _);
        Expect(ack.Kind == WireKind.Applied && !ack.HasOp && ack.Revision == 11, "a ShareDB acknowledgement");
        var snapshot = ShareDb("{\"a\":\"s\",\"c\":\"docs\",\"d\":\"d\",\"data\":{\"v\":3,\"data\":\"abc\"," +
            "\"type\":\"http://sharejs.org/types/text-unicode\"}}", out _);
        Expect(snapshot.Kind == WireKind.Snapshot && snapshot.Revision == 3 && snapshot.Length == 3, "a subscription");
        var hs = ShareDb("{\"a\":\"hs\",\"protocol\":1,\"protocolMinor\":1,\"id\":\"abc\",\"type\":\"t\"}", out _);
        Expect(hs.Kind == WireKind.Handshake && hs.Id == "abc", "a ShareDB handshake");
        var error = ShareDb("{\"a\":\"op\",\"seq\":6,\"error\":{\"code\":\"ERR\",\"message\":\"no\"}}", out _);
        Expect(error.Error is not null && error.Error.Contains("ERR", StringComparison.Ordinal), "a ShareDB error");
    }

    private static WireMessage SignalR(string text, out byte[] json)
    {
        json = Encoding.UTF8.GetBytes(text);
        return LiteWire.ReadSignalR(json);
    }

    private static WireMessage ShareDb(string text, out byte[] json)
    {
        json = Encoding.UTF8.GetBytes(text);
        return LiteWire.ReadShareDb(json);
    }

    private static string Src(byte[] json, WireMessage m) => Encoding.UTF8.GetString(json, m.SrcStart, m.SrcLength);

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"The lite generator's wire reader misread {what}.");
        }
    }
}
