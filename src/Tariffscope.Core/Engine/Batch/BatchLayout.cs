using System.Collections.Frozen;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Engine.Batch;

/// <summary>
/// The result columns of one scenario: its total duty, effective rate, one amount per measure family (in CBP's
/// reporting order, the base rate last) and the ids of the measures applied.
/// </summary>
public sealed class ScenarioColumns
{
    private readonly FrozenDictionary<string, int> _familyIndex;

    public string Scenario { get; }
    public TariffEngine Engine { get; }
    /// <summary>Family ids, the base family last.</summary>
    public IReadOnlyList<string> Families { get; }
    public IReadOnlyList<string> FamilyTitles { get; }
    public string Prefix { get; }

    public ScenarioColumns(string scenario, TariffEngine engine)
    {
        Scenario = scenario;
        Engine = engine;
        Prefix = ColumnName(scenario);
        var fams = engine.Policy.Families.Values.OrderBy(f => f.Order).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        Families = [.. fams.Select(f => f.Id), Layer.BaseFamily];
        FamilyTitles = [.. fams.Select(f => f.Title), "Base rate (Chapters 1–97)"];
        _familyIndex = Families.Select((f, i) => (f, i)).ToFrozenDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
    }

    public int FamilyCount => Families.Count;

    /// <summary>The column of a family; -1 for one the policy does not define (never for a layer the engine made).</summary>
    public int FamilyIndex(string family) => _familyIndex.TryGetValue(family, out var i) ? i : -1;

    public string TotalColumn => $"{Prefix}_total_duty";
    public string RateColumn => $"{Prefix}_effective_rate";
    public string MeasuresColumn => $"{Prefix}_measures";
    public string FamilyColumn(int f) => $"{Prefix}_{ColumnName(Families[f])}";

    /// <summary>Every column this scenario adds, in output order.</summary>
    public IEnumerable<string> ColumnNames() =>
        new[] { TotalColumn, RateColumn }.Concat(Enumerable.Range(0, FamilyCount).Select(FamilyColumn)).Append(MeasuresColumn);

    /// <summary>"truce-lapses-aug-2025" → "truce_lapses_aug_2025": names a spreadsheet or SQL accepts unquoted.</summary>
    public static string ColumnName(string id) =>
        new(id.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}

/// <summary>The scenarios a batch is rated under, the first being the baseline that differences are taken from.</summary>
public sealed class BatchLayout
{
    public IReadOnlyList<string> InputColumns { get; }
    public IReadOnlyList<ScenarioColumns> Scenarios { get; }

    public BatchLayout(IReadOnlyList<string> inputColumns, IReadOnlyList<ScenarioColumns> scenarios)
    {
        if (scenarios.Count == 0) throw new ArgumentException("at least one scenario is needed");
        InputColumns = inputColumns;
        Scenarios = scenarios;
        var clash = ResultColumns().Intersect(inputColumns, StringComparer.OrdinalIgnoreCase).FirstOrDefault();
        if (clash is not null)
            throw new ArgumentException($"the input already has a column named '{clash}', which the results would repeat; rename it");
    }

    public IEnumerable<string> ResultColumns() => Scenarios.SelectMany(s => s.ColumnNames());

    public IReadOnlyList<string> OutputColumns() => [.. InputColumns, .. ResultColumns()];
}
