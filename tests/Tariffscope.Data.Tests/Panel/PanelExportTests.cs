using System.Globalization;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Questions.Panel;
using Tariffscope.Tests.Batch;

namespace Tariffscope.Tests.Panel;

/// <summary>
/// The research table: for each line and origin its rows tile the span day by day (no gap, no overlap), and on any
/// day of a row a purely ad valorem formula prices a line as the engine does, with the same Chapter 99 headings.
/// </summary>
public class PanelExportTests
{
    [Fact]
    public void Rows_tile_the_span_and_price_a_day_inside_each_as_the_engine()
    {
        using var run = new BatchRun();
        var rules = BatchRun.World.Rules();
        DateOnly from = new(2025, 1, 1), to = new(2026, 12, 31);
        string[] origins = ["CN", "DE", "VN", "MX", "BR"];
        var result = new PanelExportQuestion(rules).Ask(new PanelExportRequest(from, to, run.PathOf("panel.csv"))
        {
            Scenario = BatchRun.Lapse, Origins = origins, Codes = ["9403.60.80", "8471.30", "7208"],
        });
        var rows = BatchRun.ReadCsv(result.Path);
        Assert.Equal(result.Rows, rows.Count);
        Assert.True(rows.Count > 100, $"{rows.Count} rows");
        var engine = rules.Engine(BatchRun.Lapse);
        var rnd = new Random(3);
        int priced = 0;
        foreach (var g in rows.GroupBy(r => (r["hts10"], r["origin"])))
        {
            var next = from;
            foreach (var r in g.OrderBy(r => r["valid_from"], StringComparer.Ordinal))
            {
                var a = DateOnly.Parse(r["valid_from"], CultureInfo.InvariantCulture);
                var b = DateOnly.Parse(r["valid_through"], CultureInfo.InvariantCulture);
                Assert.True(a == next, $"{g.Key}: a row starts {a:yyyy-MM-dd}, the one before ended the day before {next:yyyy-MM-dd}");
                Assert.True(b >= a);
                next = b.AddDays(1);
                if (r["needs_engine"] != "no" || r["specific_parts"].Length > 0) continue;
                var day = a.AddDays(rnd.Next(0, b.DayNumber - a.DayNumber + 1));
                const decimal value = 100_000m;
                var q = engine.Quote(new EntryLine { Code = HtsCode.Parse(g.Key.Item1), Origin = g.Key.Item2, Date = day, CustomsValue = value });
                var rate = decimal.Parse(r["ad_valorem"], CultureInfo.InvariantCulture);
                Assert.True(Math.Round(value * rate, 2) == q.Total, $"{g.Key} on {day:yyyy-MM-dd}: the row says {rate}, the engine charges {q.Total} on {value}");
                var headings = q.Layers.Where(l => !l.IsBase).Select(l => l.Heading).OfType<string>();
                Assert.Equal(string.Join(';', headings), r["headings"]);
                priced++;
            }
            Assert.Equal(to.AddDays(1), next);
        }
        Assert.True(priced > 50, $"{priced} rows priced");
    }
}
