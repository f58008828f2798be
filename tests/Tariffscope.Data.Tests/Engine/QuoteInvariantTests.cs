using CsCheck;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Tests.Engine;

/// <summary>Invariants of the quote, checked on random lines, origins, dates, values and metal shares.</summary>
public class QuoteInvariantTests
{
    private static readonly string[] Codes = TestWorld.UsCodes.ToArray();
    private static readonly string[] Origins = ["CN", "HK", "DE", "FR", "JP", "GB", "VN", "MX", "CA", "RU", "IN"];
    private static readonly DateOnly Start = new(2025, 1, 1);

    private static readonly Gen<EntryLine> Entries =
        from code in Gen.Int[0, Codes.Length - 1].Select(i => Codes[i])
        from origin in Gen.Int[0, Origins.Length - 1].Select(i => Origins[i])
        from day in Gen.Int[0, 600]
        from cents in Gen.Long[0, 10_000_000_00]
        from share in Gen.Int[-1, 100].Select(i => i < 0 ? (int?)null : i)
        from liters in Gen.Int[1, 100_000]
        select new EntryLine
        {
            Code = HtsCode.Parse(code), Origin = origin, Date = Start.AddDays(day), CustomsValue = cents / 100m,
            MetalShare = share / 100m, Quantities = [new Duties.Quantity(liters, "liters")],
        };

    private static readonly TariffEngine Actual = TestWorld.Engine();
    private static readonly TariffEngine WithoutSuspensions = new(
        new Dictionary<string, Schedule> { ["US"] = TestWorld.UsSchedule, ["CN"] = TestWorld.CnSchedule },
        TestWorld.Catalog.ActualPolicy with { Suspensions = [] }, "test schedule");

    private static Quote? TryQuote(TariffEngine e, EntryLine x)
    {
        try { return e.Quote(x); }
        catch (RatingException ex) when (ex.Problem == RatingProblem.UnreadableRate) { return null; } // awaits the rate parser
    }

    [Fact]
    public void Layers_sum_to_the_total_and_none_is_negative() =>
        Entries.Sample(x =>
        {
            var q = TryQuote(Actual, x);
            if (q is null) return true;
            return q.Layers.All(l => l.Amount >= 0) && q.Total == q.Layers.Sum(l => l.Amount)
                && (x.CustomsValue == 0 || q.EffectiveRate == q.Total / x.CustomsValue);
        }, iter: 3000);

    [Fact]
    public void A_suspension_never_raises_the_duty() =>
        Entries.Sample(x =>
        {
            var with = TryQuote(Actual, x);
            var without = TryQuote(WithoutSuspensions, x);
            return with is null || without is null || with.Total <= without.Total;
        }, iter: 3000);

    [Fact]
    public void The_EU_floor_never_takes_a_total_below_MFN() =>
        Entries.Where(x => x.Origin is "DE" or "FR").Sample(x =>
        {
            var q = TryQuote(Actual, x);
            return q is null || q.Total >= q.Base.Amount;
        }, iter: 2000);

    [Fact]
    public void Every_applied_layer_has_a_source() =>
        Entries.Sample(x =>
        {
            var q = TryQuote(Actual, x);
            return q is null || q.Layers.All(l => !l.Source.IsMissing && !string.IsNullOrWhiteSpace(l.Source.Instrument));
        }, iter: 2000);

    [Fact]
    public void Every_shipped_measure_and_suspension_cites_a_source()
    {
        var p = TestWorld.Catalog.ActualPolicy;
        Assert.All(p.Measures, m => Assert.False(m.Source.IsMissing, $"{m.Id} has no source"));
        Assert.All(p.Suspensions, s => Assert.False(s.Source.IsMissing, $"{s.Id} has no source"));
        Assert.All(p.Lists.Values, l => Assert.False(l.Source.IsMissing, $"list {l.Name} has no source"));
    }
}
