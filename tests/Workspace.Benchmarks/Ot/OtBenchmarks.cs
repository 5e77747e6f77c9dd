using BenchmarkDotNet.Attributes;
using Workspace.Collaboration.Ot;

namespace Workspace.Benchmarks.Ot;

/// <summary>
/// OT engine costs per operation (OperationsPerInvoke = corpus size, so the reported Mean is per op).
/// ot-bench.mjs measures the npm package on the same corpus; run-ot-bench.sh runs both.
/// </summary>
[MemoryDiagnoser]
public class OtBenchmarks
{
    private const int Ops = 1_000;
    private const int BigStringOps = 100;

    private readonly OtCorpus _corpus = OtCorpus.Instance;
    private string _smallDoc = "";
    private string _bigDoc = "";
    private TextDocument _bigRope = new("");

    [GlobalSetup]
    public void Setup()
    {
        _smallDoc = _corpus.SmallDoc;
        _bigDoc = _corpus.BigDoc;
        _bigRope = new TextDocument(_corpus.BigDoc);
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public string ApplyKeystrokeString4KB()
    {
        var doc = _smallDoc;
        foreach (var op in _corpus.SmallKeystrokes)
        {
            doc = TextType.Apply(doc, op);
        }

        return doc;
    }

    [Benchmark(OperationsPerInvoke = BigStringOps)]
    public string ApplyKeystrokeString1MB()
    {
        var doc = _bigDoc;
        for (var i = 0; i < BigStringOps; i++)
        {
            doc = TextType.Apply(doc, _corpus.BigKeystrokes[i]);
        }

        return doc;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public int ApplyKeystrokeTextDocument1MB()
    {
        // The corpus alternates insert/delete, so replaying it keeps the document's length stable.
        foreach (var op in _corpus.BigKeystrokes)
        {
            _bigRope.Apply(op);
        }

        return _bigRope.Length;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public int TransformKeystrokes()
    {
        var total = 0;
        foreach (var (a, b) in _corpus.TransformPairs)
        {
            total += TextType.Transform(a, b, Side.Left).Components.Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public int ComposeKeystrokes()
    {
        var total = 0;
        foreach (var (a, b) in _corpus.ComposePairs)
        {
            total += TextType.Compose(a, b).Components.Count;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Ops)]
    public int ParseAndSerializeKeystrokes()
    {
        var total = 0;
        foreach (var op in _corpus.SmallKeystrokes)
        {
            total += TextOperation.Parse(op.ToJson()).Components.Count;
        }

        return total;
    }
}
