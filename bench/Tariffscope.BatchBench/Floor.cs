using System.Diagnostics;
using System.Globalization;
using nietras.SeparatedValues;
using Tariffscope.Engine.Batch;

namespace Tariffscope.BatchBench;

/// <summary>
/// The floor: read every line of the file with Sep and write it back out, with nothing in between. With
/// <c>--wide</c>, the fair floor for `rate`: every input column, then for each scenario the same result columns `rate`
/// writes (total, effective rate, one amount per family, measures), filled with amounts derived from the line's value
/// and formatted as `rate` formats them, but no rating.
/// </summary>
internal static class Floor
{
    public static int Run(Args a)
    {
        var watch = Stopwatch.StartNew();
        string[] results = [];
        int families = 0;
        if (a.Optional("wide") is not null)
        {
            var w = new Tariffscope.Questions.Rulebook(Tariffscope.Data.Workspace.Load(Tariffscope.Data.DataDirectory.Resolve(a.Required("data-dir"))));
            var scenarios = (a.Optional("scenario") ?? "actual").Split(',').Select(s => new ScenarioColumns(s, w.Engine(s))).ToArray();
            results = [.. scenarios.SelectMany(s => s.ColumnNames())];
            families = scenarios[0].FamilyCount;
        }
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(a.Required("in"));
        using var writer = reader.Spec.Writer(o => o with { Escape = true }).ToFile(a.Required("out"));
        var inputs = reader.Header.ColNames.ToArray();
        int valueCol = results.Length > 0 ? Array.FindIndex(inputs, c => c.Equals("value", StringComparison.OrdinalIgnoreCase) || c.Equals("entered_value", StringComparison.OrdinalIgnoreCase) || c.Equals("customs_value", StringComparison.OrdinalIgnoreCase)) : -1;
        if (results.Length > 0 && valueCol < 0) throw new BenchException("--wide: the input has no value column (value, entered_value or customs_value)");
        int perScenario = families + 3;
        var inv = CultureInfo.InvariantCulture;
        long n = 0;
        foreach (var row in reader)
        {
            using var w = writer.NewRow(row);
            if (results.Length > 0)
            {
                decimal.TryParse(row[valueCol].Span, NumberStyles.Number, inv, out var value);
                for (int s = 0, at = 0; s < results.Length / perScenario; s++)
                {
                    var baseDuty = Math.Round(value * 0.035m, 2, MidpointRounding.AwayFromZero);
                    var extra = Math.Round(value * (0.25m + s * 0.1m), 2, MidpointRounding.AwayFromZero);
                    w[results[at++]].Set((baseDuty + extra).ToString(inv));
                    w[results[at++]].Set(value == 0 ? "0" : Math.Round((baseDuty + extra) / value, 6, MidpointRounding.AwayFromZero).ToString(inv));
                    for (int f = 0; f < families; f++)
                        w[results[at++]].Set(f == 1 ? extra.ToString(inv) : f == families - 1 ? baseDuty.ToString(inv) : "0");
                    w[results[at++]].Set("us-s301-list3;us-ieepa-fentanyl-cn;us-ieepa-reciprocal-cn");
                }
            }
            n++;
        }
        writer.Flush();
        Peak.Report(results.Length > 0 ? "floor_wide" : "floor", n, watch.Elapsed);
        return 0;
    }
}
