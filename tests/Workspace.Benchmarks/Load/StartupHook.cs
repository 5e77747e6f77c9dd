#pragma warning disable CA1050 // The runtime looks the startup hook up by this exact name, outside any namespace.

/// <summary>
/// Run by the runtime inside a benchmarked server started with <c>DOTNET_STARTUP_HOOKS</c> naming this assembly
/// (<c>connections --server-stats</c>): starts <see cref="Workspace.Benchmarks.Load.ServerStats"/>'s sampler when
/// its file variable is set. Nothing of the product is involved; the server's own code is unchanged.
/// </summary>
public static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(Workspace.Benchmarks.Load.ServerStats.FileVariable) is { } path)
        {
            new Thread(() => Workspace.Benchmarks.Load.ServerStats.Run(path))
            {
                IsBackground = true,
                Name = "Benchmark stats",
            }.Start();
        }
    }
}
