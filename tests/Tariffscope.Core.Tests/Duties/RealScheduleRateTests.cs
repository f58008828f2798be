using Tariffscope.Duties;

namespace Tariffscope.Tests.Duties;

/// <summary>Every rate text of a real revision (the 2026 basic edition), read from ../shared/data.</summary>
public class RealScheduleRateTests
{
    private static readonly Lazy<IReadOnlyList<HtsRateRow>> Rows =
        new(() => HtsRateRow.Load(SharedData.Require("hts/hts_2026_basic.json.gz")));

    private static IReadOnlyList<HtsRateRow> Load()
    {
        SharedData.Require("hts/hts_2026_basic.json.gz");
        return Rows.Value;
    }

    /// <summary>Bases that exercise every kind of part: value only, a rich mix of quantities and part values, nothing.</summary>
    private static readonly DutyBasis[] Bases =
    [
        DutyBasis.Of(12_345.67m),
        DutyBasis.Of(98_765.43m,
                new(1234.5m, "kg"), new(240m, "No."), new(36m, "prs."), new(300m, "liters"), new(120m, "pf.liters"),
                new(75m, "m2"), new(33m, "m"), new(17m, "Cu kg"), new(5m, "Pb kg"), new(4m, "Zn kg"), new(96.5m, "°"),
                new(12m, "Jwls. over 7"), new(900m, "kg drained"), new(20m, "kg ttl sug"), new(7m, "gr.lines"),
                new(11m, "pack"), new(13m, "cy kg"), new(9m, "kg gross"), new(2m, "bbl"), new(8m, "Mo kg"))
            .WithPart("case", 100m).WithPart("battery", 5m).WithPart("strap, band or bracelet", 30m).WithPart("movement", 44m),
        DutyBasis.Of(0m),
    ];

    [SkippableFact]
    public void Every_general_and_other_text_round_trips_or_is_flagged()
    {
        var texts = Load().SelectMany(r => new[] { r.General, r.Other }).Distinct().ToList();
        var parsed = 0;
        foreach (var text in texts)
        {
            var e = DutyExpression.Parse(text);
            if (e is null) { Assert.True(string.IsNullOrWhiteSpace(text) || text.Contains('<'), text); continue; }
            if (e is UnparsedDuty u) { Assert.Equal(u, DutyExpression.Parse(u.Text)); continue; }
            parsed++;
            AssertRoundTrip(text, e);
        }
        Assert.True(parsed > 1_400, $"only {parsed} distinct texts parsed");
    }

    [SkippableFact]
    public void Every_special_text_round_trips_or_keeps_its_programmes()
    {
        var texts = Load().Select(r => r.Special).Distinct().ToList();
        foreach (var text in texts)
        {
            var clauses = SpecialRates.Parse(text);
            if (string.IsNullOrWhiteSpace(text)) { Assert.Empty(clauses); continue; }
            Assert.NotEmpty(clauses);
            foreach (var clause in clauses)
                if (clause.Rate.IsParsed) AssertRoundTrip(text, clause.Rate);
            var again = SpecialRates.Parse(SpecialRates.Format(clauses));
            Assert.Equal(clauses.Select(c => (c.Rate, string.Join(",", c.Programs))),
                         again.Select(c => (c.Rate, string.Join(",", c.Programs))));
        }
    }

    [SkippableFact]
    public void Nearly_every_statistical_line_has_a_readable_general_rate()
    {
        var effective = HtsRateRow.EffectiveGeneralOfStatisticalLines(Load()).ToList();
        var report = RateShapeReport.Build(effective);
        Assert.True(report.Total > 19_000, $"only {report.Total} statistical lines with a general rate");
        Assert.True(report.ParsedShare >= 0.995m,
            $"{report.ParsedShare:P2} parsed; unparsed: {string.Join(" | ", report.Unparsed.Keys.Take(10))}");
    }

    [SkippableFact]
    public void Distinct_texts_of_every_column_mostly_parse()
    {
        var rows = Load();
        var general = RateShapeReport.Build(rows.SelectMany(r => new[] { r.General, r.Other }).Distinct());
        var special = RateShapeReport.BuildSpecial(rows.Select(r => r.Special).Distinct());
        Assert.True(general.ParsedShare >= 0.99m, string.Join(" | ", general.Unparsed.Keys));
        Assert.True(special.ParsedShare >= 0.99m, string.Join(" | ", special.Unparsed.Keys));
    }

    private static void AssertRoundTrip(string source, DutyExpression e)
    {
        var canonical = e.ToString();
        var back = DutyExpression.Parse(canonical);
        Assert.True(Equals(e, back), $"\"{source}\" → \"{canonical}\" → {back}");
        foreach (var basis in Bases) Assert.Equal(e.Evaluate(basis), back!.Evaluate(basis));
    }
}
