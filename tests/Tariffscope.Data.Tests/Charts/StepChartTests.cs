using SkiaSharp;
using Tariffscope.Data.Charts;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Tests.Engine;

namespace Tariffscope.Tests.Charts;

public class StepChartTests
{
    [Fact]
    public void A_timeline_chart_is_a_real_image_of_the_asked_size_and_not_blank()
    {
        var entry = new EntryLine { Code = HtsCode.Parse("9403.60.80.93"), Origin = "CN", Date = new(2025, 1, 1), CustomsValue = 10_000m };
        var series = new[] { "actual", "truce-lapses-aug-2025" }
            .Select(s => RateTimelines.Build(TestWorld.Engine(s), entry, new(2025, 1, 1), new(2026, 6, 30)))
            .Select(t => new StepSeries(t.Scenario, t.Steps.Select(st => (st.Date, (double)st.RateAfter * 100)).ToList())).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"tariffscope-chart-{Guid.NewGuid():N}.png");
        try
        {
            StepChart.Save(path, "List 3 line from China", "%", series, new(2025, 1, 1), new(2026, 6, 30),
                [new ChartEvent(new(2025, 8, 12), "truce ends")], width: 800, height: 400);
            using var bitmap = SKBitmap.Decode(path);
            Assert.Equal(800, bitmap.Width);
            Assert.Equal(400, bitmap.Height);
            // Not blank: the plotted lines give many pixels that are neither white nor the background grey.
            int coloured = 0;
            for (int y = 0; y < bitmap.Height; y += 2)
                for (int x = 0; x < bitmap.Width; x += 2)
                {
                    var c = bitmap.GetPixel(x, y);
                    if (Math.Abs(c.Red - c.Green) > 40 || Math.Abs(c.Green - c.Blue) > 40) coloured++;
                }
            Assert.True(coloured > 300, $"only {coloured} coloured pixels sampled");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void An_unknown_chart_format_is_refused_with_a_clear_message()
    {
        var e = Assert.Throws<ArgumentException>(() => StepChart.Save("chart.gif", "t", "%", [], new(2025, 1, 1), new(2025, 2, 1)));
        Assert.Contains(".png or .svg", e.Message);
    }
}
