using CsCheck;
using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Nomenclature;
using Tariffscope.Trade;

namespace Tariffscope.Tests.Trade;

/// <summary>
/// The indicator series re-rates a line only on the dates a change can touch it, and shares ratings between
/// partners the rules treat alike. Whatever it skips must not matter: on every date, its averages must equal rating
/// every line afresh on that date, under the shipped policy (every partner rule, suspension and dated scope).
/// </summary>
public class IncrementalIndicatorProperties
{
    private static readonly Workspace World = Workspace.BuiltIn();
    private static readonly Schedule Sample = World.UsSchedule.Schedule;
    private static readonly string[] Codes = Sample.Revisions[0].LeafLines().Select(l => l.Code.Digits).ToArray();
    private static readonly string[] Partners = ["CN", "HK", "CA", "MX", "DE", "EU", "SK", "JP", "KR", "VN", "BR", "IN", "CH", "GB", "TW", "ZA", "AU"];

    [Fact]
    public void Each_date_of_the_series_equals_rating_every_line_afresh_on_that_date()
    {
        var flow = Gen.Select(Gen.Int[0, Partners.Length - 1], Gen.Int[0, Codes.Length - 1], Gen.Int[1, 1_000_000])
            .Select((p, c, v) => new TradeFlow("US", Partners[p], HtsCode.Parse(Codes[c]), 2024, v, null, "generated"));
        flow.Array[1, 40].Sample(flows =>
        {
            var rater = IndicatorSetup.Rater(World.Rules(), "actual", "US", Sample);
            var from = new DateOnly(2025, 1, 1);
            var series = TradeIndicators.Compute(rater, flows, new IndicatorRequest("US", from, new DateOnly(2026, 12, 31), IndicatorGrouping.None));
            var (lines, _) = TradeIndicators.Weigh(flows, "US");
            var inAggregate = TradeIndicators.CountedElsewhere(rater.Engine.Policy, lines.Select(l => l.Partner));
            var counted = lines.Where(l => !inAggregate.Contains(l.Partner)).ToList();
            var value = counted.Sum(l => l.Value);
            // the day before each change must still read the previous point, so check both sides of every date
            foreach (var date in series.Dates.SelectMany(d => new[] { d, d.AddDays(-1) }).Where(d => d >= from).Distinct())
            {
                decimal additional = 0, total = 0;
                foreach (var l in counted)
                {
                    var r = rater.Rate(l.Code, TradeIndicators.RatingOrigin(rater.Engine.Policy, l.Partner), date, l.QuantityPerValue);
                    additional += r.Additional * l.Value;
                    total += r.Total * l.Value;
                }
                var point = series.TotalOn(date)!;
                Assert.Equal(Math.Round(additional / value, 10), Math.Round(point.AdditionalRate, 10));
                Assert.Equal(Math.Round(total / value, 10), Math.Round(point.TotalRate, 10));
            }
        }, iter: 25);
    }

    [Fact]
    public void With_expected_claims_each_date_equals_weighing_every_line_afresh_by_its_share_of_the_month()
    {
        // 10-digit codes (the shares are by HTS10), rated at their 8-digit line of the sample
        var codes = Codes.Select(c => c.Length == 8 ? c + "00" : c).Where(c => c.Length == 10).ToArray();
        string[] partners = ["CA", "MX", "JP", "CN"];
        var flow = Gen.Select(Gen.Int[0, partners.Length - 1], Gen.Int[0, codes.Length - 1], Gen.Int[1, 1_000_000])
            .Select((p, c, v) => new TradeFlow("US", partners[p], HtsCode.Parse(codes[c]), 2024, v, null, "generated"));
        // a share per (month, partner, code) in tenths, or none (the line is then not in that month's table)
        var share = Gen.Int[-3, 10].Select(x => x < 0 ? (decimal?)null : x / 10m);
        var months = Enumerable.Range(0, 6).Select(m => new DateOnly(2025, 1, 1).AddMonths(m)).ToArray();
        Gen.Select(flow.Array[1, 30], share.Array[months.Length * 2 * codes.Length + 2 * codes.Length]).Sample((flows, drawn) =>
        {
            int k = 0;
            var tables = new List<ClaimShareTable>();
            foreach (var partner in new[] { "CA", "MX" })
            {
                var annual = codes.Select(c => (c, drawn[k++])).Where(x => x.Item2 is not null).ToDictionary(x => x.c, x => x.Item2!.Value);
                tables.Add(new ClaimShareTable("S", partner, new DateOnly(2024, 1, 1), true, annual, new Provenance("generated")));
                foreach (var m in months)
                    tables.Add(new ClaimShareTable("S", partner, m, false,
                        codes.Select(c => (c, drawn[k++])).Where(x => x.Item2 is not null).ToDictionary(x => x.c, x => x.Item2!.Value), new Provenance("generated")));
            }
            var basis = ClaimBasis.Expected(new ClaimShares(tables));
            var rater = IndicatorSetup.Rater(World.Rules(), "actual", "US", Sample);
            var from = new DateOnly(2025, 1, 1);
            var series = TradeIndicators.Compute(rater, flows, new IndicatorRequest("US", from, new DateOnly(2025, 9, 30), IndicatorGrouping.None) { Basis = basis });
            var (lines, _) = TradeIndicators.Weigh(flows, "US");
            var value = lines.Sum(l => l.Value);
            foreach (var date in series.Dates.SelectMany(d => new[] { d, d.AddDays(-1) }).Where(d => d >= from).Distinct())
            {
                decimal additional = 0, total = 0;
                foreach (var l in lines)
                {
                    var r = basis.Rate(rater, l.Partner, TradeIndicators.RatingOrigin(rater.Engine.Policy, l.Partner), l.Code, date, l.QuantityPerValue);
                    additional += r.Additional * l.Value;
                    total += r.Total * l.Value;
                }
                var point = series.TotalOn(date)!;
                Assert.Equal(Math.Round(additional / value, 10), Math.Round(point.AdditionalRate, 10));
                Assert.Equal(Math.Round(total / value, 10), Math.Round(point.TotalRate, 10));
            }
        }, iter: 15);
    }
}
