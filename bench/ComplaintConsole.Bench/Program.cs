using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace ComplaintConsole.Bench;

// dotnet run -c Release --project bench/ComplaintConsole.Bench -- --filter '*Deadline*' [--job short]
public static class BenchProgram
{
    public static void Main(string[] args)
    {
        // Reports go beside the project (bench/ComplaintConsole.Bench/BenchmarkDotNet.Artifacts), not into the caller's folder.
        var artifacts = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromAssembly(typeof(BenchProgram).Assembly).Run(args, DefaultConfig.Instance.WithArtifactsPath(artifacts));
    }
}
