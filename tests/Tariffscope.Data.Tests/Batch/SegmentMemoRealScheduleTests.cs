using CsCheck;
using Tariffscope.Data.Hts;
using Tariffscope.Data.Policy;
using Tariffscope.Engine;
using Tariffscope.Engine.Batch;
using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Batch;

/// <summary>
/// The segment memo over two real HTS editions, the 2026 one put in force on a day no policy rule changes
/// (2026-01-07), so that only the schedule revision separates the segments around it: memo and engine agree.
/// </summary>
public class SegmentMemoRealScheduleTests
{
    [SkippableFact]
    public void Memo_agrees_with_the_engine_across_a_real_schedule_revision()
    {
        var first = HtsJsonReader.Read(SharedData.Require("hts/hts_2025_basic.json.gz")).ToRevision("2025 basic", new DateOnly(2025, 1, 1));
        var second = HtsJsonReader.Read(SharedData.Require("hts/hts_2026_basic.json.gz")).ToRevision("2026 basic", new DateOnly(2026, 1, 7));
        var schedules = new Dictionary<string, Schedule> { ["US"] = new([first, second]) };
        var engine = new TariffEngine(schedules, PolicyLoader.Load().ActualPolicy, "HTS 2025 and 2026 basic");
        var cols = new ScenarioColumns("actual", engine, schedules);
        Assert.Contains(new DateOnly(2026, 1, 7), cols.Segments.Boundaries("US", "CN"));

        // lines in both editions whose base rate or Chapter 99 references moved between them (a dozen Section 301
        // four-year-review references, 9903.91.06–08, are new in the 2026 edition; their measures start 2026-01-01,
        // so on Chinese goods the duty changes on the day the edition takes effect), and 50 lines that stayed the same
        var both = first.Lines.Where(l => !l.Code.Digits.StartsWith("98") && !l.Code.Digits.StartsWith("99"))
            .Select(l => (l.Code, A: first.Resolve(l.Code), B: second.Resolve(l.Code)))
            .Where(x => x.A is not null && x.B is not null).ToList();
        bool Moved((HtsCode, ResolvedLine? A, ResolvedLine? B) x) =>
            x.A!.RateLine.GeneralText != x.B!.RateLine.GeneralText || !x.A.Chapter99Refs.SequenceEqual(x.B.Chapter99Refs);
        var moved = both.Where(Moved).Select(x => x.Code).ToArray();
        Assert.True(moved.Length >= 10, $"only {moved.Length} lines changed between the editions");
        var codes = moved.Concat(both.Where(x => !Moved(x) && x.Code.Length == 10).Take(50).Select(x => x.Code)).ToArray();
        string[] origins = ["CN", "CN", "CN", "CN", "DE", "JP", "VN", "MX"];

        long hits = 0;
        Gen.Select(Gen.Int[0, codes.Length - 1], Gen.Int[0, origins.Length - 1], Gen.Int[0, 89].Array[40, 80], Gen.Long[1, 10_000_000_000].Array[80])
            .Sample((c, o, days, cents) =>
            {
                var memo = new ScenarioRater(cols, memoise: true);
                for (int i = 0; i < days.Length; i++)
                {
                    // 2025-12-01 .. 2026-02-28: across the revision of 2026-01-07
                    var e = new EntryLine { Code = codes[c], Origin = origins[o], Date = new DateOnly(2025, 12, 1).AddDays(days[i]), CustomsValue = cents[i] / 100m };
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
