using Tariffscope.Data.Hts;
using Tariffscope.Data.Policy;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Tests.Engine;

/// <summary>The engine over the full HTS and the official Annex II list, read from ../shared/data.</summary>
public class FullScheduleTests
{
    [SkippableFact]
    public void Every_10_digit_line_from_China_is_quoted_or_reported_with_its_reason()
    {
        var hts = SharedData.Require("hts/hts_2025_rev_19.json.gz");
        var annex = SharedData.Require("lists/us/tt-annex-II-exemptions.csv");
        var revision = HtsJsonReader.Read(hts).ToRevision("rev_19", new DateOnly(2025, 8, 12));
        var catalog = PolicyLoader.Load();
        IReadOnlyList<string> codes;
        using (var s = File.OpenRead(annex)) codes = ProductListFile.Read(s, annex);
        var official = new ProductList("annex-ii", "Annex II (official list)", new Provenance("EO 14257 Annex II"),
            [.. codes], []);
        var policy = catalog.ActualPolicy with { Lists = catalog.ActualPolicy.Lists.SetItem("annex-ii", official) };
        var engine = new TariffEngine(new Dictionary<string, Schedule> { ["US"] = new([revision]) }, policy, "HTS 2025 rev 19");

        var lines = revision.Lines.Where(l => l.Code.Length == 10 && !l.Code.Digits.StartsWith("98") && !l.Code.Digits.StartsWith("99")).ToList();
        int rated = 0;
        var unrated = new Dictionary<RatingProblem, int>();
        foreach (var l in lines)
        {
            try
            {
                var q = engine.Quote(new EntryLine { Code = l.Code, Origin = "CN", Date = new DateOnly(2025, 8, 13), CustomsValue = 10_000m });
                Assert.Equal(q.Layers.Sum(x => x.Amount), q.Total);
                rated++;
            }
            catch (RatingException e) { unrated[e.Problem] = unrated.GetValueOrDefault(e.Problem) + 1; }
        }
        var report = string.Join(", ", unrated.Select(kv => $"{kv.Key}: {kv.Value}"));
        Console.WriteLine($"{lines.Count} lines: {rated} rated; not rated: {report}");
        Assert.Equal(lines.Count, rated + unrated.Values.Sum());
        // Specific and compound rates need a quantity that a value-only quote does not give: they are the reasons, and
        // they are a small minority (about 10% of lines carry a specific part); nothing else stops a line.
        Assert.All(unrated.Keys, k => Assert.True(k is RatingProblem.MissingQuantity or RatingProblem.UnreadableRate, $"unexpected reason {k}"));
        Assert.True(rated > lines.Count * 0.85, $"only {rated} of {lines.Count} rated ({report})");
    }
}
