using System.Globalization;
using System.Text;
using Tariffscope.Trade;

namespace Tariffscope.Cli.Trade;

/// <summary>Every point of a set of series as CSV: one row per scenario, date and group; families as extra rows
/// of kind "family".</summary>
internal static class IndicatorCsv
{
    public const string Header = "scenario,date,group,kind,trade_value,additional_rate,total_rate,rated_share,additional_revenue,total_revenue,covered_share";

    public static void Write(string path, IEnumerable<IndicatorSeries> series)
    {
        var sb = new StringBuilder().AppendLine(Header);
        string N(decimal d) => d.ToString(CultureInfo.InvariantCulture);
        string Q(string s) => s.IndexOfAny([',', '"']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        foreach (var x in series)
            foreach (var p in x.Totals.Concat(x.Groups).OrderBy(p => p.Date))
            {
                sb.AppendLine(string.Join(',', Q(x.Scenario), p.Date.ToString("yyyy-MM-dd"), Q(p.Group), "group", N(p.TradeValue), N(Math.Round(p.AdditionalRate, 8)),
                    N(Math.Round(p.TotalRate, 8)), N(Math.Round(p.RatedShare, 8)), N(Math.Round(p.AdditionalRevenue, 2)), N(Math.Round(p.TotalRevenue, 2)), ""));
                foreach (var f in p.Families)
                    sb.AppendLine(string.Join(',', Q(x.Scenario), p.Date.ToString("yyyy-MM-dd"), Q(p.Group), Q("family:" + f.Family), N(p.TradeValue), N(Math.Round(f.Rate, 8)),
                        "", "", N(Math.Round(f.Revenue, 2)), "", N(Math.Round(f.CoveredShare, 8))));
            }
        File.WriteAllText(path, sb.ToString());
    }
}
