using ScottPlot;
using Tariffscope.Trade;

namespace Tariffscope.Cli.Trade;

/// <summary>
/// Step charts of indicator series: rates hold from one change date to the next, so each line steps. One line per
/// scenario when several are asked, else one per partner (the largest ten by value) beside the all-partner line.
/// </summary>
public static class IndicatorChart
{
    public const int MaxGroups = 10;

    public static void Save(string path, IReadOnlyList<IndicatorSeries> series, bool additional, int width, int height)
    {
        var plot = Build(series, additional);
        if (path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)) plot.SaveSvg(path, width, height);
        else plot.SavePng(path, width, height);
    }

    public static Plot Build(IReadOnlyList<IndicatorSeries> series, bool additional)
    {
        var plot = new Plot();
        var lines = new List<(string Label, IReadOnlyList<IndicatorPoint> Points, DateOnly To)>();
        if (series.Count > 1)
            foreach (var x in series)
            {
                var single = x.Groups.Select(g => g.Group).Distinct().ToList();
                lines.Add((x.Scenario, single.Count == 1 ? x.Groups : x.Totals, x.To));
            }
        else if (series.Count == 1)
        {
            var x = series[0];
            var groups = x.Groups.GroupBy(p => p.Group).OrderByDescending(g => g.First().TradeValue).Take(MaxGroups).ToList();
            if (groups.Count != 1) lines.Add(("all partners", x.Totals, x.To));
            foreach (var g in groups) lines.Add((g.Key, g.ToList(), x.To));
        }
        foreach (var (label, points, to) in lines)
        {
            if (points.Count == 0) continue;
            var xs = points.Select(p => p.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).Append(to.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            var ys = points.Select(p => (double)((additional ? p.AdditionalRate : p.TotalRate) * 100m)).ToList();
            ys.Add(ys[^1]);
            var scatter = plot.Add.Scatter(xs, ys.ToArray());
            scatter.ConnectStyle = ConnectStyle.StepHorizontal;
            scatter.MarkerSize = 0;
            scatter.LineWidth = 2;
            scatter.LegendText = label;
        }
        plot.Axes.DateTimeTicksBottom();
        var first = series.FirstOrDefault();
        plot.Title(first is null ? "Import-weighted average tariff"
            : $"{first.Importer} import-weighted average {(additional ? "additional" : "total")} tariff ({first.BaseYear} weights)");
        plot.YLabel(additional ? "additional duty, % of value" : "total duty, % of value");
        plot.Axes.SetLimitsY(0, Math.Max(1, lines.SelectMany(l => l.Points).Select(p => (double)((additional ? p.AdditionalRate : p.TotalRate) * 100m)).DefaultIfEmpty(0).Max() * 1.1));
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
