using BenchmarkDotNet.Attributes;
using Tariffscope.Data.Hts;
using Tariffscope.Nomenclature;

namespace Tariffscope.Benchmarks;

/// <summary>
/// Loading one full HTS revision (the 2026 Basic Edition: 35,571 rows, 13.6 MB of JSON, 0.7 MB gzip): reading
/// and building the tree, and that plus the code index a query needs.
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class HtsLoadBenchmarks
{
    public const string FileVariable = "TARIFFSCOPE_BENCH_HTS_FILE";

    private string _file = "";
    private byte[] _plain = [];
    private string _cache = "";

    [GlobalSetup]
    public void Setup()
    {
        _file = Environment.GetEnvironmentVariable(FileVariable)
            ?? throw new InvalidOperationException($"{FileVariable} is not set: run the benchmarks through Program");
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(_file), System.IO.Compression.CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        _plain = ms.ToArray();
        // the binary copy a data directory keeps of an imported revision, made once here in a scratch folder
        _cache = Path.Combine(Path.GetTempPath(), $"tariffscope-bench-{Environment.ProcessId}", "revision.lines");
        if (!RevisionCache.TryWrite(_cache, new FileInfo(_file), HtsJsonReader.Read(_file).Lines))
            throw new InvalidOperationException($"could not write {_cache}");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(Path.GetDirectoryName(_cache)!, recursive: true);

    [Benchmark(Description = "read .json.gz from disk (decompress + parse + tree)")]
    public int ReadGzipFile() => HtsJsonReader.Read(_file).Lines.Count;

    [Benchmark(Description = "read the data directory's binary copy of the same revision (RevisionCache)")]
    public int ReadBinaryCopy() => RevisionCache.TryRead(_cache, new FileInfo(_file))!.Count;

    [Benchmark(Description = "read plain JSON from memory (parse + tree)")]
    public int ReadPlainJson() => HtsJsonReader.Read(new MemoryStream(_plain, writable: false), "hts.json").Lines.Count;

    [Benchmark(Description = "read .json.gz + index codes, then resolve one line")]
    public ResolvedLine? ReadIndexResolve() =>
        HtsJsonReader.Read(_file).ToRevision("2026_basic", new DateOnly(2026, 1, 1)).Resolve(HtsCode.Parse("8471.30.01.00"));
}
