using System.Globalization;
using System.Text;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Engine.Batch;
using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Batch;

/// <summary>Batch results agree with <c>engine.Quote</c> line by line.</summary>
public class BatchAgreementTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // codes of the built-in sample (data/schedule/us-sample.json): ad valorem, free, specific and compound lines
    private static readonly string[] Codes =
    [
        "8507.60.00", "8471.30.01.00", "8517.13.00.00", "8542.31.00.45", "6110.20.20", "6404.19.20", "7326.90.86",
        "7616.99.51", "8481.80.50", "8505.11.00.70", "8703.23.01", "8704.21.01.00", "8708.30.50", "9503.00.00",
        "7408.11.60.00", "4407.11.00", "0901.11.00", "2204.21.50", "9608.10.00.00", "1201.90.00",
    ];
    private static readonly string[] Origins = ["CN", "HK", "DE", "FR", "JP", "GB", "VN", "MX", "CA", "RU", "IN", "KR"];

    /// <summary>A line of the sample with random facts; values in cents, some on half-cent boundaries after rating.</summary>
    private static string[] RandomLine(Random rnd, int id)
    {
        var code = Codes[rnd.Next(Codes.Length)];
        var origin = Origins[rnd.Next(Origins.Length)];
        var date = new DateOnly(2025, 1, 1).AddDays(rnd.Next(0, 540));
        var value = (rnd.Next(0, 4) == 0 ? rnd.Next(1, 1000) * 50 + 5 : rnd.NextInt64(0, 50_000_000)) / 100m;
        var metal = rnd.Next(0, 3) == 0 ? (rnd.Next(0, 101) / 100m).ToString(Inv) : "";
        var program = rnd.Next(0, 6) == 0 ? (origin == "MX" || origin == "CA" ? "S" : "KR") : "";
        var qty = rnd.Next(0, 2) == 0 ? rnd.Next(1, 10_000).ToString(Inv) : "";
        var unit = qty == "" ? "" : code.StartsWith("2204") ? "liters" : "No.";
        return [id.ToString(Inv), code, origin, date.ToString("yyyy-MM-dd"), value.ToString(Inv), qty, unit, metal, program];
    }

    private static EntryLine Entry(string[] f) => new()
    {
        Code = HtsCode.Parse(f[1]), Origin = f[2], Date = DateOnly.Parse(f[3], Inv), CustomsValue = decimal.Parse(f[4], Inv),
        Quantities = f[5] == "" ? [] : [new Quantity(decimal.Parse(f[5], Inv), f[6] == "liters" ? "liters" : "No.")],
        MetalShare = f[7] == "" ? null : decimal.Parse(f[7], Inv), Program = f[8] == "" ? null : f[8],
    };

    [Fact]
    public void Rated_lines_agree_with_quote_line_by_line_under_both_scenarios()
    {
        using var run = new BatchRun();
        var rnd = new Random(20250813);
        var lines = Enumerable.Range(1, 400).Select(i => RandomLine(rnd, i)).ToList();
        var csv = new StringBuilder("id,code,origin,date,value,qty,unit,metal_share,program\n");
        foreach (var l in lines) csv.AppendLine(string.Join(',', l));
        var result = run.Run(run.Write("in.csv", csv.ToString()), scenarios: ["actual", BatchRun.Lapse]);
        Assert.True(result.IsAccounted);

        var rated = BatchRun.ReadCsv(result.OutputPath).ToDictionary(r => r["id"]);
        var rejected = BatchRun.ReadCsv(result.RejectsPath).ToDictionary(r => r["id"]);
        Assert.Equal(lines.Count, rated.Count + rejected.Count);
        Assert.True(rated.Count > 300, $"only {rated.Count} of {lines.Count} lines rated");
        int compared = 0;
        foreach (var l in lines)
        {
            foreach (var (scenario, prefix) in new[] { ("actual", "actual"), (BatchRun.Lapse, "truce_lapses_aug_2025") })
            {
                var engine = BatchRun.World.Engine(scenario);
                Quote q;
                try { q = engine.Quote(Entry(l)); }
                catch (RatingException e)
                {
                    Assert.True(rejected.ContainsKey(l[0]), $"line {l[0]}: the engine refuses it ({e.Message}) but the batch rated it");
                    break;
                }
                Assert.True(rated.TryGetValue(l[0], out var row), $"line {l[0]}: the engine rates it but the batch rejected it");
                Assert.Equal(q.Total, decimal.Parse(row[$"{prefix}_total_duty"], Inv));
                foreach (var fam in q.Layers.GroupBy(x => x.Family))
                    Assert.Equal(fam.Sum(x => x.Amount), decimal.Parse(row[$"{prefix}_{ScenarioColumns.ColumnName(fam.Key)}"], Inv));
                Assert.Equal(string.Join(';', q.Layers.Where(x => !x.IsBase).Select(x => x.MeasureId)), row[$"{prefix}_measures"]);
                var expectedRate = q.Entry.CustomsValue == 0 ? 0m : Math.Round(q.Total / q.Entry.CustomsValue, 6, MidpointRounding.AwayFromZero);
                Assert.Equal(expectedRate, decimal.Parse(row[$"{prefix}_effective_rate"], Inv));
                compared++;
            }
        }
        Assert.True(compared > 600);
    }

    [Fact]
    public void A_specific_rate_is_charged_on_the_quantity_whatever_the_value()
    {
        // 2204.21.50 wine: 6.3¢/liter (a specific rate): the duty does not scale with value.
        // By hand: 500 liters × $0.063 = $31.50 whatever the value.
        var cols = new ScenarioColumns("actual", BatchRun.World.Engine());
        var rater = new ScenarioRater(cols);
        foreach (var value in new[] { 1000m, 2000m, 5m })
        {
            var fam = new decimal[cols.FamilyCount];
            rater.Rate(new EntryLine { Code = HtsCode.Parse("2204.21.50"), Origin = "AR", Date = new DateOnly(2025, 3, 1), CustomsValue = value,
                Quantities = [new Quantity(500, "liters")] }, fam, out _);
            Assert.Equal(31.50m, fam[cols.FamilyIndex(Layer.BaseFamily)]);
        }
    }

    [Fact]
    public void The_truce_lapse_difference_is_the_24_suspended_points_of_the_reciprocal_duty()
    {
        // Worked by hand: lithium-ion batteries (8507.60.00) from China entered 2025-08-13, customs value $10,000.
        // Under the truce the reciprocal duty is 10% (34% with 24 points suspended by the Geneva truce of May 2025);
        // if it lapses on 2025-08-12 the full 34% applies: 0.24 × $10,000 = $2,400.00 more, all in that family.
        using var run = new BatchRun();
        var input = run.Write("one.csv", "code,origin,date,value\n8507.60.00,CN,2025-08-13,10000\n");
        var r = run.Run(input, scenarios: ["actual", BatchRun.Lapse]);
        var s = r.Summary;
        Assert.Equal(2400.00m, s.Duty[1] - s.Duty[0]);
        var fam = s.FamilyDifferences().Single(f => f.Family == "ieepa-reciprocal");
        Assert.Equal(1000.00m, fam.First);   // 10% × $10,000
        Assert.Equal(3400.00m, fam.Last);    // 34% × $10,000
        Assert.All(s.FamilyDifferences().Where(f => f.Family != "ieepa-reciprocal"), f => Assert.Equal(f.First, f.Last));
        Assert.Equal(2400.00m, s.ByChapter["85"].Difference);
        Assert.Equal(2400.00m, s.ByOrigin["CN"].Difference);
    }

    [Fact]
    public void A_line_whose_base_needs_a_quantity_is_rated_in_part_not_rejected()
    {
        // Worked by hand: a Swiss wrist watch (9102.11.45, base "40¢ each + 8.5% on the case + …") entered 2025-09-01
        // at $10,000 without a quantity: Switzerland's 39% (EO 14326) = $3,900 is owed in full; the base cannot be
        // computed and counts 0. The line is rated (not rejected), its duty $3,900 a lower bound, and the summary counts
        // it as partly rated. A $100 piece of wooden furniture of Switzerland the same day (MFN Free) owes 39% = $39.
        using var run = new BatchRun();
        var input = run.Write("watch.csv", "code,origin,date,value\n9102.11.45,CH,2025-09-01,10000\n9403.60.80,CH,2025-09-01,100\n");
        var r = run.Run(input);
        var s = r.Summary;
        Assert.Equal(2, s.Rated);
        Assert.Equal(0, s.Rejected);
        Assert.Equal(3_939m, s.Duty[0]);
        Assert.Equal(1, s.PartlyRated);
        Assert.Equal(10_000m, s.PartlyRatedValue);
    }
}
