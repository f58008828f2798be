using BenchmarkDotNet.Running;
using Tariffscope.Benchmarks;

// The real exports live beside the repository (../shared/data) or where TARIFFSCOPE_SHARED_DATA points.
var file = SharedDataPath.Find("hts/hts_2026_basic.json.gz");
if (file is null)
{
    Console.WriteLine("The USITC export hts/hts_2026_basic.json.gz was not found (set TARIFFSCOPE_SHARED_DATA or place ../shared/data beside the repository); nothing to measure.");
    return 0;
}
// BenchmarkDotNet runs each benchmark in a child process, which inherits this variable.
Environment.SetEnvironmentVariable(HtsLoadBenchmarks.FileVariable, file);
BenchmarkSwitcher.FromAssembly(typeof(HtsLoadBenchmarks).Assembly).Run(args);
return 0;
