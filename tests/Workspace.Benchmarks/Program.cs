using BenchmarkDotNet.Running;
using Workspace.Benchmarks.Ot;

if (args.Contains("--ot-compare"))
{
    return OtCompare.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
