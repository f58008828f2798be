using System.Text.Json;
using CsCheck;
using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Nomenclature;
using Tariffscope.Questions.Trade;
using Tariffscope.Trade;

namespace Tariffscope.Tests.Trade;

/// <summary>
/// A series sliced from the indicator horizon (every partner walked once through 2025–2026) must be the series
/// computed afresh for the same request: the same dates and, point for point, the same decimals (scales included).
/// Checked under the shipped policy and sample schedule, with expected claims (generated month shares for Canada and
/// Mexico, so that month starts are dates too) and estimated quantities.
/// </summary>
public class IndicatorHorizonProperties
{
    private static readonly Workspace World = Workspace.BuiltIn();
    private static readonly Schedule Sample = World.UsSchedule.Schedule;
    // 10-digit codes (claim shares are by HTS10), rated at their 8-digit line of the sample where it has no 10-digit one
    private static readonly string[] Codes = Sample.Revisions[0].LeafLines().Select(l => l.Code.Digits).Select(c => c.Length == 8 ? c + "00" : c)
        .Where(c => c.Length == 10).Distinct().ToArray();
    private static readonly string[] Partners = ["CN", "HK", "CA", "MX", "DE", "EU", "JP", "KR", "VN", "BR", "IN", "CH", "GB", "TW"];
    private static readonly DateOnly Start = IndicatorHorizon.DefaultStart, End = new(2026, 12, 31);
    private static readonly DateOnly[] Months = Enumerable.Range(0, 8).Select(m => new DateOnly(2025, 1, 1).AddMonths(m * 3)).ToArray();
    private static readonly IndicatorGrouping[] Groupings = [IndicatorGrouping.None, IndicatorGrouping.Partner, IndicatorGrouping.Chapter];

    private static readonly Gen<TradeFlow> Flow = Gen.Select(Gen.Int[0, Partners.Length - 1], Gen.Int[0, Codes.Length - 1], Gen.Int[1, 1_000_000], Gen.Int[0, 3])
        .Select((p, c, v, cents) => new TradeFlow("US", Partners[p], HtsCode.Parse(Codes[c]), 2024, v + cents * 0.25m, null, "generated"));

    /// <summary>A request inside the horizon: a span within it, some partners (none: all), a grouping.</summary>
    private static readonly Gen<(int From, int Length, int[] Partners, int By)> Ask =
        Gen.Select(Gen.Int[0, End.DayNumber - Start.DayNumber], Gen.Int[0, 730], Gen.Int[0, Partners.Length - 1].Array[0, 4], Gen.Int[0, 2]);

    private static ClaimBasis Basis(decimal?[] drawn)
    {
        int k = 0;
        var tables = new List<ClaimShareTable>();
        foreach (var partner in new[] { "CA", "MX" })
            foreach (var m in Months)
                tables.Add(new ClaimShareTable("S", partner, m, false,
                    Codes.Select(c => (c, drawn[k++ % drawn.Length])).Where(x => x.Item2 is not null).ToDictionary(x => x.c, x => x.Item2!.Value), new Provenance("generated")));
        return ClaimBasis.Expected(new ClaimShares(tables));
    }

    [Fact]
    public void A_slice_of_the_horizon_equals_computing_the_request_afresh()
    {
        var share = Gen.Int[-3, 10].Select(x => x < 0 ? (decimal?)null : x / 10m);
        Gen.Select(Flow.Array[1, 50], share.Array[64], Ask.Array[4]).Sample((flows, drawn, asks) =>
        {
            var basis = Basis(drawn);
            var unitValues = UnitValueFile.BuiltIn();
            var rater = IndicatorSetup.Rater(World.Rules(), "actual", "US", Sample);
            var horizon = TradeIndicators.ComputeHorizon(rater, flows, new IndicatorRequest("US", Start, End) { Basis = basis, UnitValues = unitValues });
            foreach (var (fromDay, length, partnerIds, by) in asks)
            {
                var from = Start.AddDays(fromDay);
                var to = from.AddDays(length) > End ? End : from.AddDays(length);
                var partners = partnerIds.Select(i => Partners[i]).Distinct().ToList();
                var request = new IndicatorRequest("US", from, to, Groupings[by]) { Basis = basis, UnitValues = unitValues };
                var mine = flows.Where(f => partners.Count == 0 || partners.Contains(f.Partner)).ToList();
                var slice = TradeIndicators.Slice(rater.Engine.Policy, horizon, request, partners);
                if (mine.Count == 0) { Assert.Null(slice); continue; }
                AssertSame(TradeIndicators.Compute(rater, mine, request), slice!);
                AddsUp(slice!, mine.Select(f => f.Partner).Distinct().ToList());
            }
        }, iter: 30);
    }

    [Fact]
    public void A_horizon_written_and_read_back_slices_alike_and_a_damaged_file_is_refused()
    {
        Gen.Select(Flow.Array[1, 40], Ask).Sample((flows, ask) =>
        {
            var rater = IndicatorSetup.Rater(World.Rules(), "actual", "US", Sample);
            var horizon = TradeIndicators.ComputeHorizon(rater, flows, new IndicatorRequest("US", Start, End) { UnitValues = UnitValueFile.BuiltIn() });
            using var file = new MemoryStream();
            horizon.Write(file, "key-1");
            var bytes = file.ToArray();
            var back = IndicatorHorizon.TryRead(bytes, "key-1");
            Assert.NotNull(back);
            Assert.Equal((horizon.LineCount, horizon.RatingCount, horizon.EventCount), (back.LineCount, back.RatingCount, back.EventCount));
            var from = Start.AddDays(ask.From);
            var request = new IndicatorRequest("US", from, from.AddDays(ask.Length) > End ? End : from.AddDays(ask.Length), Groupings[ask.By]) { UnitValues = UnitValueFile.BuiltIn() };
            AssertSame(TradeIndicators.Slice(rater.Engine.Policy, horizon, request, [])!, TradeIndicators.Slice(rater.Engine.Policy, back, request, [])!);

            // another key, a flipped byte anywhere, a file cut short: refused, never read as something else
            Assert.Null(IndicatorHorizon.TryRead(bytes, "key-2"));
            var at = (int)((uint)HashCode.Combine(ask.From, ask.Length) % bytes.Length);
            var flipped = (byte[])bytes.Clone();
            flipped[at] ^= 0x5a;
            Assert.Null(IndicatorHorizon.TryRead(flipped, "key-1"));
            Assert.Null(IndicatorHorizon.TryRead(bytes[..at], "key-1"));
            Assert.Null(IndicatorHorizon.TryRead([], "key-1"));
        }, iter: 10);
    }

    /// <summary>On every date the groups add up to the total: value and revenue of every chapter or partner (a point
    /// taken over from the date before when nothing moved must still be that date's).</summary>
    private static void AddsUp(IndicatorSeries s, IReadOnlyCollection<string> partners)
    {
        // a partner inside another (a member beside the EU) is shown, but left out of the total
        var inside = TradeIndicators.CountedElsewhere(World.Scenarios.Resolve("actual"), partners);
        if (s.By == IndicatorGrouping.None || s.By == IndicatorGrouping.Chapter && inside.Count > 0) return;
        foreach (var total in s.Totals)
        {
            var groups = s.Groups.Where(g => g.Date == total.Date && !inside.Contains(g.Group)).ToList();
            Assert.NotEmpty(groups);
            Assert.Equal(total.TradeValue, groups.Sum(g => g.TradeValue));
            Assert.Equal(Math.Round(total.AdditionalRevenue, 8), Math.Round(groups.Sum(g => g.AdditionalRevenue), 8));
            Assert.Equal(Math.Round(total.TotalRevenue, 8), Math.Round(groups.Sum(g => g.TotalRevenue), 8));
        }
    }

    /// <summary>Two series alike in everything but notes and stats: dates, and every point's decimals as written
    /// (JSON keeps a decimal's scale). An unrated share's example is left out: it names the first date its line was
    /// rated with that reason, which a slice may place earlier than its own start.</summary>
    internal static void AssertSame(IndicatorSeries expected, IndicatorSeries actual)
    {
        static string Json(IndicatorSeries s) => JsonSerializer.Serialize(s with
        {
            Notes = [], Stats = new IndicatorStats(0, 0, 0, 0, 0, 0, TimeSpan.Zero, TimeSpan.Zero),
            Totals = [.. s.Totals.Select(Plain)], Groups = [.. s.Groups.Select(Plain)],
        });
        static IndicatorPoint Plain(IndicatorPoint p) => p with { Unrated = [.. p.Unrated.Select(u => u with { Example = "" })] };
        Assert.Equal(expected.Dates.ToArray(), actual.Dates.ToArray());
        Assert.Equal(expected.Totals.Length, actual.Totals.Length);
        Assert.Equal(expected.Groups.Length, actual.Groups.Length);
        Assert.Equal(Json(expected), Json(actual));
    }
}

/// <summary>The same property on real data (skipped without ../shared/data): the 2024 imports from Canada and Japan,
/// the record's every 2025–2026 revision, and the real USMCA claim shares by month.</summary>
public sealed class RealDataIndicatorHorizonTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tariffscope-real-horizon-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [SkippableFact]
    public async Task Slices_of_a_real_horizon_equal_computing_each_request_afresh()
    {
        var canada = SharedData.Require("trade/us-imports-2024-hs10/1220.parquet");
        var japan = SharedData.Require("trade/us-imports-2024-hs10/5880.parquet");
        var shares = ClaimShareFile.LoadFolder(SharedData.Require("lists/us/usmca-shares"));
        var dir = new DataDirectory(_root, "test");
        await TradeImporter.ImportAsync(dir, new TradeImportRequest(canada));
        await TradeImporter.ImportAsync(dir, new TradeImportRequest(japan));
        IReadOnlyList<TradeFlow> flows;
        using (var store = TradeStore.Open(dir)) flows = store.Read("US", 2024);

        var w = Workspace.BuiltIn();
        var schedule = IndicatorSchedules.For(w.UsSchedule, flows.Select(f => f.Code).Distinct());
        var rater = IndicatorSetup.Rater(w.Rules(), "actual", "US", schedule);
        var basis = ClaimBasis.Expected(shares);
        var unitValues = UnitValueFile.BuiltIn();
        var end = new DateOnly(2026, 12, 31);
        var horizon = TradeIndicators.ComputeHorizon(rater, flows, new IndicatorRequest("US", IndicatorHorizon.DefaultStart, end) { Basis = basis, UnitValues = unitValues });
        // a span inside 2025 with both partners by partner, one from the Geneva truce to 2026 for Canada alone by
        // chapter, and the second year for every partner
        foreach (var (from, to, partners, by) in new[]
        {
            (new DateOnly(2025, 3, 3), new DateOnly(2025, 10, 15), new[] { "CA", "JP" }, IndicatorGrouping.Partner),
            (new DateOnly(2025, 5, 14), end, new[] { "CA" }, IndicatorGrouping.Chapter),
            (new DateOnly(2026, 1, 1), end, Array.Empty<string>(), IndicatorGrouping.None),
        })
        {
            var request = new IndicatorRequest("US", from, to, by) { Basis = basis, UnitValues = unitValues };
            var mine = flows.Where(f => partners.Length == 0 || partners.Contains(f.Partner)).ToList();
            IndicatorHorizonProperties.AssertSame(TradeIndicators.Compute(rater, mine, request), TradeIndicators.Slice(rater.Engine.Policy, horizon, request, partners)!);
        }
    }
}
