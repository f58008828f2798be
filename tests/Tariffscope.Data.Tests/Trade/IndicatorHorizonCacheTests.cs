using Tariffscope.Data;
using Tariffscope.Data.Trade;
using Tariffscope.Questions;
using Tariffscope.Questions.Trade;
using Tariffscope.Trade;

namespace Tariffscope.Tests.Trade;

/// <summary>
/// The indicator horizon kept under the data directory's cache folder: a second process reads it instead of
/// computing, any span or partner subset is answered from it, a change of what it rests on computes a new one, and a
/// damaged file is computed again and replaced, never read.
/// </summary>
public sealed class IndicatorHorizonCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tariffscope-horizon-" + Guid.NewGuid().ToString("N"));
    private DataDirectory Dir => new(_root, "test");
    private string CacheFolder => Path.Combine(_root, "cache", "indicators");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task Import(string rows)
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, $"flows-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "importer,partner,hs10,year,value,duty\n" + rows);
        await TradeImporter.ImportAsync(Dir, new TradeImportRequest(path));
    }

    private const string Rows = "US,CN,9403.60.80.93,2024,100,25\nUS,CN,8481805090,2024,300,\nUS,JP,9403608093,2024,200,0\n" +
                                "US,CA,8481805090,2024,150,\nUS,MX,9403608093,2024,50,\nUS,DE,2204215005,2024,80,\nUS,CN,0101210010,2024,60,\n";

    /// <summary>A question asked as a new process would: a fresh workspace and trade data over the directory.</summary>
    private (IndicatorsAnswer Answer, string How) Ask(IndicatorsRequest request, TradeData? trade = null)
    {
        var rules = new Rulebook(Workspace.Load(Dir));
        var answer = new IndicatorsQuestion(rules, trade ?? new TradeData(Dir)).Ask(request);
        var note = answer.Notes[0];
        var how = note.Contains("computed now") ? "computed" : note.Contains("in the cache file") ? "file" : note.Contains("held in memory") ? "memory" : note;
        return (answer, how);
    }

    /// <summary>The same question computed on its own, over the flows of the partners asked.</summary>
    private IndicatorSeries Afresh(IndicatorsRequest r, string scenario = "actual")
    {
        var rules = new Rulebook(Workspace.Load(Dir));
        IReadOnlyList<TradeFlow> flows;
        using (var store = TradeStore.Open(Dir)) flows = store.Read("US", null, r.Partners);
        var schedule = IndicatorSetup.ScheduleFor(rules.Workspace, "US", flows.Select(f => f.Code).Distinct());
        var rater = IndicatorSetup.Rater(rules, scenario, "US", schedule);
        return TradeIndicators.Compute(rater, flows, new IndicatorRequest("US", r.From, r.To ?? rater.Engine.Policy.Horizon, r.By)
        {
            Basis = ClaimBasis.Parse(r.Claim, rules.Workspace.ClaimShares), UnitValues = UnitValueFile.ForOption(r.Quantities),
        });
    }

    [Fact]
    public async Task A_second_process_reads_the_file_and_any_span_or_partner_is_a_slice_of_it()
    {
        await Import(Rows);
        var first = Ask(new IndicatorsRequest());
        Assert.Equal("computed", first.How);
        Assert.Single(Directory.GetFiles(CacheFolder, "*.horizon"));

        var trade = new TradeData(Dir);
        var spans = new[]
        {
            new IndicatorsRequest { From = new DateOnly(2025, 4, 5), To = new DateOnly(2025, 11, 20), Partners = ["CN", "ca"], By = IndicatorGrouping.Partner },
            new IndicatorsRequest { From = new DateOnly(2026, 1, 1), By = IndicatorGrouping.Chapter },
            new IndicatorsRequest { Partners = ["JP"] },
        };
        var how = spans.Select(r => (r, Ask(r, trade))).ToList();
        Assert.Equal(["file", "memory", "memory"], how.Select(x => x.Item2.How));
        foreach (var (r, (answer, _)) in how)
            IndicatorHorizonProperties.AssertSame(Afresh(r with { Partners = [.. r.Partners.Select(p => p.ToUpperInvariant())] }), answer.Series.Single());
        // one horizon served every question: nothing more was written
        Assert.Single(Directory.GetFiles(CacheFolder, "*.horizon"));
    }

    [Fact]
    public async Task A_change_of_any_input_computes_a_new_horizon()
    {
        await Import(Rows);
        Assert.Equal("computed", Ask(new IndicatorsRequest()).How);
        Assert.Equal("file", Ask(new IndicatorsRequest()).How);
        // another claim assumption, quantity basis, scenario or base year each rest on other inputs
        Assert.Equal("computed", Ask(new IndicatorsRequest { Claim = "none" }).How);
        Assert.Equal("computed", Ask(new IndicatorsRequest { Quantities = "none" }).How);
        Assert.Equal("computed", Ask(new IndicatorsRequest { Scenarios = ["truce-lapses-aug-2025"] }).How);
        Assert.Equal("computed", Ask(new IndicatorsRequest { Year = 2024 }).How);
        // an end past the policy horizon walks further
        Assert.Equal("computed", Ask(new IndicatorsRequest { To = new DateOnly(2027, 6, 30) }).How);
        // any end up to the end of 2026 (or the policy horizon) reads the one horizon
        Assert.Equal("file", Ask(new IndicatorsRequest { To = new DateOnly(2025, 6, 30) }).How);
        Assert.Equal("file", Ask(new IndicatorsRequest { To = new DateOnly(2026, 12, 31) }).How);

        // new trade data: the store's state changed, so the old horizon is not read. China's year is replaced
        // ($100 + $900), the others kept ($200 + $150 + $50 + $80): $1,480, where the old horizon held $940.
        await Import("US,CN,9403.60.80.93,2024,100,25\nUS,CN,8481805090,2024,900,\n");
        var after = Ask(new IndicatorsRequest());
        Assert.Equal("computed", after.How);
        Assert.Equal(1_480m, after.Answer.Series.Single().Totals[0].TradeValue);
    }

    [Fact]
    public void The_policy_fingerprint_follows_content_not_the_object()
    {
        var w = Workspace.BuiltIn();
        var actual = w.Scenarios.Resolve("actual");
        var copy = actual with { Measures = [.. actual.Measures] };
        Assert.Equal(IndicatorHorizonKey.PolicyFingerprint(actual), IndicatorHorizonKey.PolicyFingerprint(copy));
        // one rate of one measure changed: another fingerprint
        var m = actual.Measures.First(x => x.Rates.Length > 0);
        var changed = actual with
        {
            Measures = actual.Measures.Replace(m, m with { Rates = m.Rates.SetItem(0, m.Rates[0] with { Rate = Tariffscope.Duties.DutyExpression.Parse("99%")! }) }),
        };
        Assert.NotEqual(IndicatorHorizonKey.PolicyFingerprint(actual), IndicatorHorizonKey.PolicyFingerprint(changed));
        Assert.NotEqual(IndicatorHorizonKey.PolicyFingerprint(actual), IndicatorHorizonKey.PolicyFingerprint(w.Scenarios.Resolve("truce-lapses-aug-2025")));
    }

    [Fact]
    public async Task A_damaged_file_is_computed_again_and_replaced()
    {
        await Import(Rows);
        var request = new IndicatorsRequest { From = new DateOnly(2025, 3, 1), Partners = ["CN"] };
        var good = Ask(request);
        var file = Assert.Single(Directory.GetFiles(CacheFolder, "*.horizon"));
        var bytes = File.ReadAllBytes(file);

        // one byte changed in the middle, the file cut short, another file's content: each computed again, right
        foreach (var damaged in new[] { Flip(bytes, bytes.Length / 2), bytes[..(bytes.Length / 3)], "not a horizon"u8.ToArray() })
        {
            File.WriteAllBytes(file, damaged);
            var again = Ask(request);
            Assert.Equal("computed", again.How);
            IndicatorHorizonProperties.AssertSame(good.Answer.Series.Single(), again.Answer.Series.Single());
            // and the file was written whole again: the next process reads it
            Assert.Equal("file", Ask(request).How);
        }
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0xff;
        return copy;
    }
}
