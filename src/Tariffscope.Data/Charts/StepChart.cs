using ScottPlot;

namespace Tariffscope.Data.Charts;

/// <summary>One line of a step chart: a name and (date, value) points, each value holding until the next date.</summary>
public sealed record StepSeries(string Name, IReadOnlyList<(DateOnly Date, double Value)> Points);

/// <summary>A labelled date on the chart (a truce ends, a measure starts).</summary>
public sealed record ChartEvent(DateOnly Date, string Label);

/// <summary>
/// Draws rates over time as step charts (one line per scenario or partner, events labelled) to PNG or SVG,
/// chosen by the file's extension.
/// </summary>
public static class StepChart
{
    public static void Save(string path, string title, string yLabel, IReadOnlyList<StepSeries> series, DateOnly from, DateOnly to,
        IReadOnlyList<ChartEvent>? events = null, int width = 1000, int height = 520)
    {
        var plot = Build(title, yLabel, series, from, to, events);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".png": plot.SavePng(path, width, height); break;
            case ".svg": plot.SaveSvg(path, width, height); break;
            default: throw new ArgumentException($"{path}: a chart is written as .png or .svg");
        }
    }

    public static Plot Build(string title, string yLabel, IReadOnlyList<StepSeries> series, DateOnly from, DateOnly to, IReadOnlyList<ChartEvent>? events = null)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.YLabel(yLabel);
        double x0 = from.ToDateTime(TimeOnly.MinValue).ToOADate(), x1 = to.ToDateTime(TimeOnly.MinValue).ToOADate();
        var palette = new ScottPlot.Palettes.Category10();
        int i = 0;
        foreach (var s in series)
        {
            if (s.Points.Count == 0) continue;
            // Extend the last value to the end of the window so the final step is drawn.
            var xs = s.Points.Select(p => p.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).Append(x1).ToArray();
            var ys = s.Points.Select(p => p.Value).Append(s.Points[^1].Value).ToArray();
            var line = plot.Add.Scatter(xs, ys, palette.GetColor(i++));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;
            line.LegendText = s.Name;
        }
        double ymax = Math.Max(1, series.SelectMany(s => s.Points).Select(p => p.Value).DefaultIfEmpty(0).Max());
        foreach (var e in events ?? [])
        {
            var x = e.Date.ToDateTime(TimeOnly.MinValue).ToOADate();
            var v = plot.Add.VerticalLine(x, 1, Colors.Gray.WithAlpha(.6));
            v.LinePattern = LinePattern.Dashed;
            var t = plot.Add.Text(e.Label, x, ymax * 1.02);
            t.LabelFontSize = 10;
            t.LabelRotation = -35;
            t.LabelFontColor = Colors.DimGray;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimits(x0, x1, 0, ymax * 1.25);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }
}
