using System.Runtime.CompilerServices;
namespace Tariffscope.Engine.Batch;

/// <summary>
/// Rates chunks of raw lines under every scenario of a layout. A line that any scenario cannot rate is rejected
/// as a whole (the reason names the scenario), so each output row carries every scenario's answer. Thread-safe:
/// the pipeline's workers share one rater.
/// </summary>
public sealed class BatchRater
{
    private readonly ScenarioRater[] _scenarios;

    public BatchLayout Layout { get; }
    public EntryLineParser Parser { get; }
    public int TopLines { get; init; } = 10;

    /// <param name="expectedClaims">When given, lines without a programme are rated at their expected claim (see
    /// <see cref="ScenarioRater.ExpectedClaims"/>).</param>
    /// <param name="panels">Each scenario's compiled rules (<see cref="Panel.RatePanel"/>), by scenario; a scenario
    /// without one is rated by quotes alone.</param>
    public BatchRater(BatchLayout layout, EntryLineParser parser, Trade.ClaimBasis? expectedClaims = null,
        IReadOnlyDictionary<string, Panel.RatePanel>? panels = null)
    {
        Layout = layout;
        Parser = parser;
        _scenarios = layout.Scenarios.Select(s => new ScenarioRater(s)
        {
            ExpectedClaims = expectedClaims, Panel = panels?.GetValueOrDefault(s.Scenario),
        }).ToArray();
    }

    public IReadOnlyList<ScenarioRater> Scenarios => _scenarios;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public RatedChunk Rate(RawChunk raw)
    {
        var chunk = new RatedChunk(Layout, raw);
        var multi = _scenarios.Length > 1;
        for (int i = 0; i < raw.Lines.Length; i++)
        {
            ref readonly var line = ref raw.Lines[i];
            if (line.Fault is not null) { chunk.Faults[i] = line.Fault; continue; }
            var entry = Parser.Parse(line, out var fault);
            if (entry is null) { chunk.Faults[i] = fault; continue; }
            for (int s = 0; s < _scenarios.Length; s++)
            {
                var slot = chunk.Slot(i, s);
                try
                {
                    var total = slot[0] = _scenarios[s].RateCents(entry, slot[2..], out var ids, out var partly);
                    slot[1] = Money.RateMillionths(total, entry.CustomsValue);
                    chunk.SetMeasures(i, s, ids);
                    if (partly) chunk.PartlyRated[i] = true;
                }
                catch (RatingException e)
                {
                    chunk.Faults[i] = new LineFault(FieldName(e.Field), Describe(e), multi ? Layout.Scenarios[s].Scenario : null);
                    chunk.Clear(i);
                    chunk.PartlyRated[i] = false;
                    break;
                }
            }
            if (chunk.Faults[i] is null) chunk.Entries[i] = entry;
        }
        chunk.Summary = BatchSummary.Of(chunk, Layout, TopLines);
        return chunk;
    }

    /// <summary>The input column behind an engine field, so the rejects file names what the user wrote.</summary>
    private string FieldName(string engineField) => engineField switch
    {
        "code" => Parser.Columns.NameOf(EntryField.Code),
        "origin" => Parser.Columns.NameOf(EntryField.Origin),
        "date" => Parser.Columns.NameOf(EntryField.Date),
        "value" => Parser.Columns.NameOf(EntryField.Value),
        "quantity" => Parser.Columns.NameOf(EntryField.Quantity),
        "metal_share" => Parser.Columns.NameOf(EntryField.MetalShare),
        "us_content_share" => Parser.Columns.NameOf(EntryField.UsContentShare),
        "importer" => Parser.Columns.NameOf(EntryField.Importer),
        _ => engineField,
    };

    private static string Describe(RatingException e) => e.Problem switch
    {
        RatingProblem.UnknownCode => "unknown code on that date: " + e.Message,
        RatingProblem.MissingQuantity => "missing quantity for a specific rate: " + e.Message,
        RatingProblem.NoSchedule => "no schedule: " + e.Message,
        RatingProblem.UnreadableRate => "rate cannot be read: " + e.Message,
        _ => e.Message,
    };
}
