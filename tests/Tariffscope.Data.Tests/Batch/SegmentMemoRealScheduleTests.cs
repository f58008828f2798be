using CsCheck;
using Tariffscope.Data.Hts;
using Tariffscope.Data.Policy;
using Tariffscope.Engine;
using Tariffscope.Engine.Batch;
using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Batch;

/// <summary>
/// The segment memo over two real HTS editions, the second put in force on a day no policy rule changes, so that
/// only the schedule revision separates the segments around it: memo and engine agree on every line.
/// </summary>
public class SegmentMemoRealScheduleTests
{
    [SkippableFact]
    public void Memo_agrees_with_the_engine_across_a_real_schedule_revision()
    {
        var first = HtsJsonReader.Read(SharedData.Require("hts/hts_2025_basic.json.gz")).ToRevision("2025 basic", new DateOnly(2025, 1, 1));
        var second = HtsJsonReader.Read(SharedData.Require("hts/hts_2026_basic.json.gz")).ToRevision("2026 basic", new DateOnly(2025, 10, 17));
        var schedules = new Dictionary<string, Schedule> { ["US"] = new([first, second]) };
        var engine = new TariffEngine(schedules, PolicyLoader.Load().ActualPolicy, "HTS 2025 and 2026 basic");
        var cols = new ScenarioColumns("actual", engine, schedules);
        Assert.Contains(new DateOnly(2025, 10, 17), cols.Segments.Boundaries("US", "CN"));

        // lines in both editions whose base rate or Chapter 99 references moved between them, and as many that stayed
        var codes = first.Lines.Where(l => l.Code.Length == 10 && !l.Code.Digits.StartsWith("98") && !l.Code.Digits.StartsWith("99"))
            .Select(l => (l.Code, A: first.Resolve(l.Code), B: second.Resolve(l.Code)))
            .Where(x => x.A is not null && x.B is not null)
            .GroupBy(x => x.A!.RateLine.GeneralText != x.B!.RateLine.GeneralText || !x.A.Chapter99Refs.SequenceEqual(x.B.Chapter99Refs))
            .SelectMany(g => g.Take(300)).Select(x => x.Code).ToArray();
        Assert.True(codes.Length > 300, $"only {codes.Length} codes: no line changed between the editions?");
        string[] origins = ["CN", "DE", "JP", "CA", "MX", "VN", "GB", "IN", "BR", "KR", "CH", "ZZ"];

        long hits = 0;
        Gen.Select(Gen.Int[0, codes.Length - 1], Gen.Int[0, origins.Length - 1], Gen.Int[0, 365].Array[40, 80], Gen.Long[1, 10_000_000_000].Array[80])
            .Sample((c, o, days, cents) =>
            {
                var memo = new ScenarioRater(cols, memoise: true);
                for (int i = 0; i < days.Length; i++)
                {
                    // 2025-07-01 .. 2026-07-01: across the revision of 2025-10-17
                    var e = new EntryLine { Code = codes[c], Origin = origins[o], Date = new DateOnly(2025, 7, 1).AddDays(days[i]), CustomsValue = cents[i] / 100m };
                    Quote q;
                    try { q = engine.Quote(e); }
                    catch (RatingException) { Assert.Throws<RatingException>(() => memo.Rate(e, new decimal[cols.FamilyCount], out _)); continue; }
                    var fams = new decimal[cols.FamilyCount];
                    var total = memo.Rate(e, fams, out var measures);
                    var expected = new decimal[cols.FamilyCount];
                    foreach (var l in q.Layers) expected[cols.FamilyIndex(l.Family)] += l.Amount;
                    Assert.True(q.Total == total && expected.SequenceEqual(fams), $"{e.Code} {e.Origin} {e.Date:yyyy-MM-dd} {e.CustomsValue}: memo {total}, engine {q.Total}");
                    Assert.Equal(string.Join(';', q.Layers.Where(l => !l.IsBase).Select(l => l.MeasureId)), measures);
                }
                Interlocked.Add(ref hits, memo.MemoHits);
            }, iter: 200);
        Assert.True(hits > 2000, $"the memo was hit only {hits} times");
    }
}
