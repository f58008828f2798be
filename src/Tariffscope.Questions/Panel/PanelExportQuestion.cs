using Tariffscope.Data.Panel;
using Tariffscope.Engine.Batch;
using Tariffscope.Engine.Panel;
using Tariffscope.Policy;

namespace Tariffscope.Questions.Panel;

/// <summary>The panel of a scenario over a span, for every line (or those under some prefixes) and origin asked.</summary>
public sealed record PanelExportRequest(DateOnly From, DateOnly To, string Out)
{
    public string Scenario { get; init; } = ScenarioCatalog.Actual;
    public DateOnly? AsKnownOn { get; init; }
    /// <summary>Origins (two-letter codes); every country but the importer when empty.</summary>
    public IReadOnlyList<string> Origins { get; init; } = [];
    /// <summary>Code prefixes (dots optional); every line of the span when empty.</summary>
    public IReadOnlyList<string> Codes { get; init; } = [];
}

/// <summary>Writes the statutory duty of every (line, origin) as formulas between change dates: the research table.</summary>
public sealed class PanelExportQuestion(Rulebook rules)
{
    public const string Importer = "US";

    public PanelExportResult Ask(PanelExportRequest r)
    {
        if (r.To < r.From) throw new ArgumentException($"to: {r.To:yyyy-MM-dd} is before from ({r.From:yyyy-MM-dd})");
        var engine = rules.Engine(r.Scenario, r.AsKnownOn);
        var origins = r.Origins.Count == 0 ? Countries.Every.Where(c => c != Importer).ToArray()
            : r.Origins.Select(o => o.Trim().ToUpperInvariant()).ToArray();
        foreach (var o in origins)
            if (!Countries.IsKnown(o)) throw new UnknownOriginException(o);
        var panel = new RatePanel(engine, r.From, r.To, Importer);
        var codes = PanelLines.InSpan(engine.Schedules[Importer], r.From, r.To);
        if (r.Codes.Count > 0)
        {
            var prefixes = r.Codes.Select(p => p.Replace(".", "").Trim()).ToArray();
            codes = codes.Where(c => prefixes.Any(p => c.Digits.StartsWith(p, StringComparison.Ordinal))).ToArray();
        }
        return PanelExport.Write(panel, r.Scenario, codes, origins, r.Out);
    }
}
