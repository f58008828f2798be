using ScottPlot;
using Tariffscope.Economics;

namespace Tariffscope.Cli.Economics;

/// <summary>The best-response curves on the (US level, CN level) plane, with the truce, Nash and cooperative points.</summary>
internal static class GameChart
{
    public static string? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch { ".png" => "png", ".svg" => "svg", _ => null };

    public static void Save(GameSolution s, string path)
    {
        var plot = new Plot();
        // US best response: x = US level as a function of y = CN level; CN's: y as a function of x.
        var us = plot.Add.Scatter(s.BestResponseA.Responses.Select(v => v * 100).ToArray(), s.BestResponseA.RivalLevels.Select(v => v * 100).ToArray());
        us.LegendText = "US best response";
        var cn = plot.Add.Scatter(s.BestResponseB.RivalLevels.Select(v => v * 100).ToArray(), s.BestResponseB.Responses.Select(v => v * 100).ToArray());
        cn.LegendText = "CN best response";
        void Point(GamePoint p, string label, ScottPlot.Color color)
        {
            var m = plot.Add.Marker(p.LevelA * 100, p.LevelB * 100, MarkerShape.FilledCircle, 10, color);
            m.LegendText = $"{label} ({p.LevelA * 100:0.#}%, {p.LevelB * 100:0.#}%)";
        }
        Point(s.Truce, "truce", Colors.Green);
        Point(s.Nash, "Nash", Colors.Red);
        Point(s.Cooperative, "cooperative", Colors.Blue);
        plot.XLabel("US additional tariff on China, %");
        plot.YLabel("China additional tariff on the US, %");
        plot.Title("US–China tariff game: best responses");
        plot.ShowLegend();
        if (FormatOf(path) == "svg") File.WriteAllText(path, plot.GetSvgXml(800, 600));
        else plot.SavePng(path, 800, 600);
    }
}
