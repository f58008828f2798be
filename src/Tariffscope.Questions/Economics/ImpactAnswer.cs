using Tariffscope.Economics;
using Tariffscope.Trade;

namespace Tariffscope.Questions.Economics;

public sealed record ImpactPartnerDoc(string Partner, double FlowBefore, double FlowAfter, double FlowChange, double ProducerSurplus);
public sealed record ImpactProductDoc(string Product, double ImportsBefore, double ImportsAfter, double DomesticPriceChange, double ConsumerSurplus, double TariffRevenue);
/// <summary>The answer of <c>tariffscope impact --scenario S --json</c> and of <c>GET /api/v1/impact</c>.</summary>
public sealed record ScenarioImpactDoc(string Scenario, string Baseline, DateOnly Date, string Importer, string Level, string Schedule,
    int FlowsRated, int FlowsNotRated, decimal ValueNotRated, double ImportsBefore, double ImportsAfter, GsimTotals Totals,
    IReadOnlyList<ImpactPartnerDoc> Partners, IReadOnlyList<RegionTotals> Regions, IReadOnlyList<ImpactProductDoc> LargestProducts,
    string? DefaultsNote, int OutOfRange)
{
    /// <summary>Which preference claims both scenarios' tariffs assumed (expected duty by default).</summary>
    public ClaimSummary? Claims { get; init; }

    /// <summary>The model's form that solved it: linear or ces.</summary>
    public string Form { get; init; } = "linear";

    public static ScenarioImpactDoc From(ScenarioImpactResult r, int top)
    {
        var rep = r.Report;
        return new ScenarioImpactDoc(r.Scenario, r.Baseline, r.Date, rep.Importer, rep.Level.ToString().ToLowerInvariant(), r.Schedule,
            r.FlowsRated, r.FlowsNotRated, r.ValueNotRated, rep.ImportsBefore, rep.ImportsAfter, rep.Totals,
            rep.Partners.OrderBy(p => p.FlowChange).Select(p => new ImpactPartnerDoc(p.Partner, p.FlowBefore, p.FlowAfter, p.FlowChange, p.ProducerSurplus)).ToList(),
            rep.RegionTotals,
            rep.Products.OrderBy(p => p.ImportChange).Take(top).Select(p => new ImpactProductDoc(p.Product, p.ImportsBefore, p.ImportsAfter, p.DomesticPriceChange, p.ConsumerSurplus, p.TariffRevenue)).ToList(),
            rep.DefaultsNote is null ? null : $"{rep.ProductsOnDefaultElasticities.Count} of {rep.Products.Count} product groups used the default elasticities",
            rep.OutOfRange.Count) { Claims = r.Claims, Form = rep.Form.ToString().ToLowerInvariant() };
    }
}
