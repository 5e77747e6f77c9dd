using BenchmarkDotNet.Running;
using Workspace.Benchmarks.Ot;

if (args.Length > 0 && args[0] == "load")
{
    return await Workspace.Benchmarks.Load.LoadGenerator.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "storage")
{
    return await Workspace.Benchmarks.Load.StorageBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "connections")
{
    return await Workspace.Benchmarks.Load.ConnectionsBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "connections-probe")
{
    return await Workspace.Benchmarks.Load.ConnectionsProbe.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "floor-closes")
{
    return await Workspace.Benchmarks.Load.FloorCloses.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "floor-closes-probe")
{
    return await Workspace.Benchmarks.Load.FloorClosesProbe.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "compare")
{
    return await Workspace.Benchmarks.Load.CompareRun.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "frontend")
{
    return await Workspace.Benchmarks.Frontend.FrontendBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "render")
{
    return Workspace.Benchmarks.RenderBenchmark.Run(args[1..]);
}

if (args.Contains("--ot-compare"))
{
    return OtCompare.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
