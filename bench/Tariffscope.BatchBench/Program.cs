using Tariffscope.BatchBench;

// tariffscope-batchbench generate|floor|duckdb … (see bench/batch/run.sh)
try
{
    return args.FirstOrDefault() switch
    {
        "generate" => await Generator.Run(Args.Parse(args[1..])),
        "floor" => Floor.Run(Args.Parse(args[1..])),
        "duckdb" => await DuckDbRating.Run(Args.Parse(args[1..])),
        "parts" => Parts.Run(Args.Parse(args[1..])),
        _ => Usage(),
    };
}
catch (BenchException e)
{
    Console.Error.WriteLine(e.Message);
    return e.ExitCode;
}

static int Usage()
{
    Console.Error.WriteLine("usage: batchbench generate --lines N --out FILE --trade DIR [--seed S] [--data-dir DIR]\n" +
                            "       batchbench floor --in FILE --out FILE\n" +
                            "       batchbench duckdb --in FILE --out FILE --data-dir DIR [--scenario a,b]");
    return 64;
}

namespace Tariffscope.BatchBench
{
    internal sealed class BenchException(string message, int exitCode = 1) : Exception(message)
    {
        public int ExitCode { get; } = exitCode;
    }

    internal sealed class Args(Dictionary<string, string> values)
    {
        public static Args Parse(string[] a)
        {
            var d = new Dictionary<string, string>();
            for (int i = 0; i < a.Length; i++)
            {
                if (!a[i].StartsWith("--")) throw new BenchException($"unexpected argument '{a[i]}'", 64);
                d[a[i][2..]] = i + 1 < a.Length && !a[i + 1].StartsWith("--") ? a[++i] : "true";
            }
            return new Args(d);
        }

        public string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new BenchException($"--{name} is required", 64);
        public string? Optional(string name) => values.GetValueOrDefault(name);
    }
}
