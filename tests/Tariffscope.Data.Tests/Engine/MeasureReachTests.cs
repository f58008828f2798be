using CsCheck;
using Tariffscope.Engine.Batch;
using Tariffscope.Nomenclature;
using Tariffscope.Tests.Batch;

namespace Tariffscope.Tests.Engine;

/// <summary>
/// Deadline exposure asks one <see cref="Tariffscope.Engine.MeasureReach"/> about every traded line and partner, and it
/// keeps each code's product test and each origin's test to answer the next ones. For random measures of the actual
/// timeline, dates of 2025–2026 and sequences of (code, origin) pairs — codes the schedule holds, lacks, and codes
/// under product exclusions that name some origins only — a reach that has answered many questions answers each
/// as a fresh one does: nothing it keeps leaks from one code or origin into another's answer.
/// </summary>
public class MeasureReachTests
{
    private static readonly Tariffscope.Engine.TariffEngine Engine = BatchRun.World.Engine("actual");
    private static readonly string[] Measures = [.. Engine.Policy.Measures.Where(m => m.Importer == "US").Select(m => m.Id)];
    private static readonly string[] Origins = [.. Countries.Every.Take(60), "CN", "MX", "CA", "DE", "JP", "IN", "BR"];
    private static readonly HtsCode[] Codes = [.. BatchRun.World.UsSchedule.Schedule.Revisions[^1].Lines
        .Where(l => l.Code.Digits.Length == 10).Select(l => l.Code).Where((_, i) => i % 7 == 0), HtsCode.Parse("9999950000")];
    private static readonly DateOnly First = new(2025, 1, 1);

    [Fact]
    public void A_reach_that_kept_earlier_answers_answers_as_a_fresh_one()
    {
        var pair = Gen.Select(Gen.Int[0, Codes.Length - 1], Gen.Int[0, Origins.Length - 1]).Select((c, o) => (Code: Codes[c], Origin: Origins[o]));
        Gen.Select(Gen.Int[0, Measures.Length - 1], Gen.Int[0, 729], pair.Array[20, 80]).Sample((m, d, pairs) =>
        {
            var date = First.AddDays(d);
            var kept = Engine.ReachOf(Measures[m], date);
            foreach (var (code, origin) in pairs)
            {
                var fresh = Engine.ReachOf(Measures[m], date);
                Assert.True(kept.Reaches(code, origin) == fresh.Reaches(code, origin),
                    $"{Measures[m]} on {date:yyyy-MM-dd}, {code} from {origin}: the kept reach and a fresh one disagree");
                Assert.True(!fresh.Reaches(code, origin) || fresh.Covers(origin) && fresh.TakesIn(code),
                    $"{Measures[m]} reaches {code} from {origin} without covering the origin and taking the line in");
            }
        }, iter: 300);
    }

    [Fact]
    public void The_fentanyl_duty_on_China_reaches_a_Chinese_line_and_not_a_Japanese_one()
    {
        // worked from the rules: the IEEPA fentanyl duty on China (EO 14195, raised by EO 14228) covers goods of China
        // and Hong Kong on every product; Japan is not named (the reach is the scope, whether or not the measure is in force)
        var reach = Engine.ReachOf("us-ieepa-fentanyl-cn", new DateOnly(2025, 8, 1));
        var bolt = HtsCode.Parse("7318155000");
        Assert.True(reach.Reaches(bolt, "CN"));
        Assert.True(reach.Reaches(bolt, "HK"));
        Assert.False(reach.Reaches(bolt, "JP"));
        Assert.False(Engine.ReachOf("no-such-measure", new DateOnly(2025, 8, 1)).Reaches(bolt, "CN"));
    }
}
