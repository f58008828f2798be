using System.Text;
using nietras.SeparatedValues;
using Tariffscope.Data;
using Tariffscope.Data.Entries;

namespace Tariffscope.Tests.Batch;

/// <summary>Runs batches on small files in a temporary folder and reads the results back.</summary>
internal sealed class BatchRun : IDisposable
{
    public static readonly Workspace World = Workspace.BuiltIn();
    public const string Lapse = "truce-lapses-aug-2025";

    public string Dir { get; } = Directory.CreateTempSubdirectory("tariffscope-batch-").FullName;

    public string Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        var p = Path.Combine(Dir, name);
        File.WriteAllBytes(p, bytes);
        return p;
    }

    public string PathOf(string name) => Path.Combine(Dir, name);

    public BatchResult Run(string input, string output = "out.csv", string[]? scenarios = null, DateOnly? date = null,
        IReadOnlyDictionary<string, string>? map = null, int chunk = 7, CancellationToken ct = default) =>
        RateFileQuestion.RunAsync(World.Rules(), new BatchOptions
        {
            Input = input, Output = PathOf(output), Scenarios = scenarios ?? ["actual"], Date = date, Map = map,
            ChunkLines = chunk, Workers = 2,
        }, ct: ct).GetAwaiter().GetResult();

    /// <summary>Rows of a CSV file as column → text.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var r = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        var names = r.Header.ColNames;
        var rows = new List<Dictionary<string, string>>();
        foreach (var row in r)
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < names.Count; i++) d[names[i]] = row[i].ToString();
            rows.Add(d);
        }
        return rows;
    }

    public static List<string> Header(string path)
    {
        using var r = Sep.Reader(o => o with { Unescape = true }).FromFile(path);
        return [.. r.Header.ColNames];
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch { /* temp */ }
    }
}
