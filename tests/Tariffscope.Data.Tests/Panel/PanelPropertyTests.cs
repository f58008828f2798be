using System.Collections.Immutable;
using CsCheck;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Engine.Batch;
using Tariffscope.Engine.Panel;
using Tariffscope.Nomenclature;
using Tariffscope.Tests.Batch;

namespace Tariffscope.Tests.Panel;

/// <summary>
/// The panel answers what the engine answers: for random lines of the built-in schedule, origins, dates of 2025–2026
/// and values (with and without the quantity a specific rate needs), under the actual timeline and both shipped
/// US–China scenarios, the panel's formula gives every layer's amount of <c>engine.Quote</c> to the cent, in the same
/// order, with the same base; where it says the engine is needed, that is because the engine's own answer depends on
/// something the formula does not hold (a missing quantity, a refusal).
/// </summary>
public class PanelPropertyTests
{
    private static readonly string[] Scenarios = ["actual", BatchRun.Lapse, "us-china-arrangement-lapsed-nov-2026"];
    private static readonly string[] Origins = [.. Countries.Every];
    private static readonly DateOnly First = new(2025, 1, 1), Last = new(2026, 12, 31);
    private static readonly Dictionary<string, RatePanel> Panels = Scenarios.ToDictionary(s => s, s => new RatePanel(BatchRun.World.Engine(s), First, Last));

    private static readonly TariffLine[] Lines = BatchRun.World.UsSchedule.Schedule.Revisions
        .SelectMany(r => r.Lines).Where(l => l.Code.Digits.Length == 10).DistinctBy(l => l.Code.Digits).ToArray();

    // A fifth of the lines lean on China, whose rules change most often; the rest spread over every ISO code.
    private static readonly Gen<string> Origin = Gen.Frequency((1, Gen.Const("CN")), (4, Gen.Int[0, Origins.Length - 1].Select(i => Origins[i])));
    // mostly whole cents (the integer evaluation), sometimes tenths of a cent (the decimal one)
    private static readonly Gen<decimal> Value = Gen.OneOf(Gen.Int[0, 100_000].Select(c => c / 100m), Gen.Long[1, 10_000_000_000].Select(c => c / 100m),
        Gen.Long[1, 1_000_000_000].Select(c => c / 1000m));

    private static readonly Gen<EntryLine> Line =
        Gen.Select(Gen.Int[0, Lines.Length - 1], Origin, Gen.Int[0, Last.DayNumber - First.DayNumber], Value, Gen.Int[0, 3], Gen.Int[1, 100_000])
            .Select((c, o, d, v, q, n) => new EntryLine
            {
                Code = Lines[c].Code, Origin = o, Date = First.AddDays(d), CustomsValue = v,
                // three times in four the line's first unit of quantity, as an entry would declare it
                Quantities = q > 0 && Lines[c].Units.Length > 0 ? [new Quantity(n / 10m, Lines[c].Units[0])] : [],
            });

    private static void Check(string scenario, EntryLine e)
    {
        var panel = Panels[scenario];
        var engine = panel.Engine;
        var where = $"{e.Code} {e.Origin} {e.Date:yyyy-MM-dd} value {e.CustomsValue} qty [{string.Join(", ", e.Quantities)}] ({scenario})";
        Assert.True(panel.TryGet(e.Code, e.Origin, e.Date, out var cell), where);
        Quote? q = null;
        RatingException? refused = null;
        try { q = engine.Quote(e, QuoteDetail.Full); }
        catch (RatingException ex) { refused = ex; }
        if (cell.Refusal is not null)
        {
            Assert.True(refused is not null, $"{where}: the panel refuses ({cell.Refusal.Message}), the engine quotes");
            Assert.Equal(refused!.Message, cell.Refusal.Message);
            return;
        }
        if (cell.Formula is not { } f) return; // the engine answers such lines itself
        var amounts = new decimal[f.Terms.Length + 1];
        if (!f.TryEvaluate(e.CustomsValue, e.Quantities, amounts, out var partly))
        {
            Assert.True(refused is not null, $"{where}: the panel needs the engine, yet the engine quotes");
            // a refusal for a missing quantity is given from the formula, in the engine's words
            if (f.ShortfallOf(e.CustomsValue, e.Quantities) is { } shortfall)
            {
                var said = engine.Refusal(f, shortfall, e.Code);
                Assert.True(said.Message == refused!.Message && said.Problem == refused.Problem && said.Field == refused.Field,
                    $"{where}: the formula refuses '{said.Message}', the engine '{refused.Message}'");
                Interlocked.Increment(ref _shortRefused);
            }
            return;
        }
        Assert.True(refused is null, $"{where}: the panel rates, the engine refuses: {refused?.Message}");
        // a base that needs a quantity the line lacks holds the parts that could be computed, in both
        Assert.True(partly == q!.BaseIncomplete, $"{where}: partly rated {partly} by the panel, {q.BaseIncomplete} by the engine");
        if (partly) Interlocked.Increment(ref _partlyRated);
        // the same amounts in whole cents, as a batch adds them
        var cents = new long[f.Terms.Length + 1];
        Assert.True(f.TryEvaluateCents(e.CustomsValue, e.Quantities, cents, out var partlyCents) && partlyCents == partly, $"{where}: priced in decimals but not in cents");
        for (int r = 0; r <= f.Terms.Length; r++)
            Assert.True(amounts[r] == PanelFormula.NotCharged ? cents[r] == PanelFormula.NotChargedCents : cents[r] == Money.ToCents(amounts[r]),
                $"{where}: term {r}: {amounts[r]} in decimals, {cents[r]} cents");
        var layers = q!.Layers;
        var charged = Enumerable.Range(0, f.Terms.Length).Where(r => amounts[r] != PanelFormula.NotCharged).ToArray();
        Assert.True(charged.Length == layers.Length - 1,
            $"{where}: panel layers {string.Join(";", charged.Select(r => f.TermAt(r).MeasureId))}, engine {string.Join(";", layers.Where(l => !l.IsBase).Select(l => l.MeasureId))}");
        for (int i = 0; i < charged.Length; i++)
        {
            var t = f.TermAt(charged[i]);
            Assert.True(layers[i].MeasureId == t.MeasureId, $"{where}: layer {i} is {t.MeasureId}, engine {layers[i].MeasureId}");
            Assert.True(layers[i].Amount == amounts[charged[i]], $"{where}: {t.MeasureId} {amounts[charged[i]]}, engine {layers[i].Amount}");
            Assert.Equal(layers[i].Heading, t.Heading);
            Assert.Equal(layers[i].Rate, t.RateText);
            Assert.Equal(layers[i].Share, t.Share);
        }
        Assert.True(q.Base.Amount == amounts[f.Terms.Length], $"{where}: base {amounts[f.Terms.Length]}, engine {q.Base.Amount}");
        Assert.Equal(q.Base.Rate, f.Base.ToString());
        // a line that declares a metal share gets the same answer when nothing on it reads the share
        if (!f.EntryDependent)
            Assert.True(engine.Quote(e with { MetalShare = 0.3m }, QuoteDetail.Amounts).Total == q.Total, $"{where}: a metal share changes the duty, yet the panel says nothing reads it");
    }

    private static long _partlyRated, _shortRefused;

    [Fact]
    public void Random_lines_origins_and_dates_agree_with_the_engine_layer_by_layer()
    {
        Line.Array[30, 60].Sample(lines =>
        {
            foreach (var s in Scenarios)
                foreach (var e in lines) Check(s, e);
        }, iter: 40);
        // the samples must reach lines whose specific base lacks its quantity, or the partial pricing goes unchecked
        Assert.True(Interlocked.Read(ref _partlyRated) > 0, "no sampled line had a base short of its quantity");
        Assert.True(Interlocked.Read(ref _shortRefused) > 0, "no sampled line was refused for a missing quantity");
    }

    [Fact]
    public void The_compiled_rows_of_a_line_agree_with_the_cells_on_every_day()
    {
        // Compile skips a plan where the change calendar says a date cannot touch the line; each row's formula must
        // then be the one planned on any of its days. Sampled lines, China and Germany, under the actual timeline.
        var panel = Panels["actual"];
        var rnd = new Random(20);
        var codes = Enumerable.Range(0, 25).Select(_ => Lines[rnd.Next(Lines.Length)].Code).ToArray();
        foreach (var row in panel.Compile(codes, ["CN", "DE"]))
            for (var d = row.From; d <= row.Through; d = d.AddDays(rnd.Next(1, 20)))
            {
                var cell = panel.Cell(row.Code, row.Class, panel.IntervalOf(d));
                var same = cell.Formula is not null && row.Cell.Formula is not null ? cell.Formula.SameAs(row.Cell.Formula)
                    : cell.Formula is null && row.Cell.Formula is null;
                Assert.True(same, $"{row.Code} class {row.Class} on {d:yyyy-MM-dd}: the row from {row.From:yyyy-MM-dd} has another formula");
            }
    }
}
