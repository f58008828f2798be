using SkiaSharp;
using Tariffscope.Cli.Trade;
using Tariffscope.Trade;

namespace Tariffscope.Tests.Trade;

public sealed class IndicatorChartTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"tariffscope-chart-{Guid.NewGuid():N}.png");

    public void Dispose() => File.Delete(_path);

    private static IndicatorPoint Point(string date, string group, decimal total) =>
        new(DateOnly.Parse(date), group, 100m, total, total, 1m, total, total, total * 100m, total * 100m, 0m, 0m, [], []);

    private static IndicatorSeries Series(string scenario, params IndicatorPoint[] groups) =>
        new(scenario, "US", 2024, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), IndicatorGrouping.Partner,
            [.. groups.Select(g => g.Date).Distinct()], [.. groups.GroupBy(g => g.Date).Select(g => g.First() with { Group = "all" })], [.. groups], [],
            new IndicatorStats(2, 2, 2, 2, 0, 0, TimeSpan.Zero, TimeSpan.Zero));

    [Fact]
    public void A_step_chart_is_written_at_the_size_asked_and_is_not_blank()
    {
        var s = Series("actual", Point("2025-01-01", "CN", 0.2m), Point("2025-01-01", "JP", 0.03m),
            Point("2025-04-10", "CN", 1.45m), Point("2025-04-10", "JP", 0.13m), Point("2025-05-14", "CN", 0.5m), Point("2025-05-14", "JP", 0.13m));
        IndicatorChart.Save(_path, [s], additional: false, 800, 400);

        using var bitmap = SKBitmap.Decode(_path);
        Assert.Equal((800, 400), (bitmap.Width, bitmap.Height));
        // Not blank: a chart with axes, labels and three coloured lines has many colours, and a good share of
        // pixels that are not the background.
        var background = bitmap.GetPixel(2, 2);
        int differing = 0;
        var colours = new HashSet<SKColor>();
        for (int y = 0; y < bitmap.Height; y += 2)
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                var c = bitmap.GetPixel(x, y);
                colours.Add(c);
                if (c != background) differing++;
            }
        Assert.True(colours.Count > 20, $"only {colours.Count} colours");
        Assert.True(differing > 1000, $"only {differing} sampled pixels differ from the background");
    }

    [Fact]
    public void Several_scenarios_draw_one_line_each()
    {
        var a = Series("actual", Point("2025-01-01", "CN", 0.2m));
        var b = Series("truce-lapses", Point("2025-01-01", "CN", 0.4m));
        var plot = IndicatorChart.Build([a, b], additional: false);
        Assert.Equal(["actual", "truce-lapses"], plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Select(p => p.LegendText).ToArray());
    }
}
