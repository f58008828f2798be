using CsCheck;
using Tariffscope.Engine;
using Tariffscope.Engine.Batch;
using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Batch;

/// <summary>
/// Batch rating (quotes without the words, <see cref="QuoteDetail.Amounts"/>) gives, for any line of the built-in
/// schedule under the shipped policy, exactly what a full <c>engine.Quote</c> gives: the total, each family's amount
/// and the measures applied.
/// </summary>
public class BatchQuoteProperties
{
    private static readonly string[] Origins = ["CN", "DE", "JP", "CA", "MX", "VN", "GB", "IN", "BR", "KR", "CH", "ZZ"];
    private static readonly decimal?[] MetalShares = [null, null, null, 0m, 0.25m, 0.6m, 1m];
    private static readonly string?[] Programs = [null, null, null, null, "S", "KR"];
    private static readonly DateOnly First = new(2025, 1, 1);
    private const int Days = 730; // 2025-01-01 .. 2026-12-31

    private static readonly HtsCode[] Codes = BatchRun.World.UsSchedule.Schedule.Revisions
        .SelectMany(r => r.Lines).Select(l => l.Code).Distinct().ToArray();

    /// <summary>Values in cents; a third of them small, so that half cents after the rate are common.</summary>
    private static readonly Gen<decimal> Value = Gen.OneOf(Gen.Int[0, 100_000].Select(c => c / 100m), Gen.Long[1, 10_000_000_000].Select(c => c / 100m));

    private static readonly Gen<EntryLine> Line =
        Gen.Select(Gen.Int[0, Codes.Length - 1], Gen.Int[0, Origins.Length - 1], Gen.Int[0, Days - 1], Value,
                Gen.Int[0, MetalShares.Length - 1], Gen.Int[0, Programs.Length - 1])
            .Select((c, o, d, v, m, p) => new EntryLine
            {
                Code = Codes[c], Origin = Origins[o], Date = First.AddDays(d), CustomsValue = v,
                MetalShare = MetalShares[m], Program = Programs[p],
            });

    /// <summary>Rates every line as a batch does and compares with the engine's full quote.</summary>
    private static void Check(string scenario, EntryLine[] lines)
    {
        var engine = BatchRun.World.Engine(scenario);
        var cols = new ScenarioColumns(scenario, engine);
        var rater = new ScenarioRater(cols);
        foreach (var e in lines)
        {
            Quote q;
            try { q = engine.Quote(e); }
            catch (RatingException) { Assert.Throws<RatingException>(() => rater.Rate(e, new decimal[cols.FamilyCount], out _)); continue; }
            var fams = new decimal[cols.FamilyCount];
            var total = rater.Rate(e, fams, out var measures);
            var where = $"{e.Code} {e.Origin} {e.Date:yyyy-MM-dd} {e.CustomsValue} metal {e.MetalShare} programme {e.Program} ({scenario})";
            Assert.True(q.Total == total, $"{where}: total {total}, engine {q.Total}");
            var expected = new decimal[cols.FamilyCount];
            foreach (var l in q.Layers) expected[cols.FamilyIndex(l.Family)] += l.Amount;
            Assert.True(expected.SequenceEqual(fams), $"{where}: families {string.Join(' ', fams)}, engine {string.Join(' ', expected)}");
            Assert.Equal(string.Join(';', q.Layers.Where(l => !l.IsBase).Select(l => l.MeasureId)), measures);
        }
    }

    [Fact]
    public void Random_lines_over_two_years_agree_with_the_engine() =>
        Line.Array[20, 80].Sample(lines =>
        {
            Check("actual", lines);
            Check(BatchRun.Lapse, lines);
        }, iter: 60);
}
