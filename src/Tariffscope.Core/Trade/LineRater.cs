using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Trade;

/// <summary>
/// Rates one (product, partner) line on a date through the engine. Rates are linear in value for ad valorem,
/// floor and metal-share layers, so each line is quoted once at a reference value and the rates scale to any
/// value. A specific rate needs a quantity: the line's own quantity is scaled to the reference value (its base-year
/// unit value). With none (or a rate on a part's value, "6% on the case"), the engine still quotes the line: its
/// additional duty is complete (ad valorem layers do not read the base), its total holds only the base parts that
/// could be computed and is flagged as partly rated; a line whose additional duty depends on the base (a floor such
/// as the EU's 15% including MFN) counts as "needs quantity".
/// A 10-digit code that a revision no longer has is
/// rated at its 8-digit line, where rates are set, and counted apart so the share shows.
/// </summary>
public sealed class LineRater(TariffEngine engine, Schedule schedule, string importer)
{
    /// <summary>Customs value every line is quoted at: large enough that cents rounding costs 1e-8 of a rate.</summary>
    public const decimal ReferenceValue = 1_000_000m;

    private readonly HashSet<string> _column2 = engine.Policy.Column2Origins.TryGetValue(importer, out var c2)
        ? c2.SelectMany(o => OriginTerms.Expand(engine.Policy, o)).ToHashSet()
        : [];

    public TariffEngine Engine => engine;
    public Schedule Schedule => schedule;
    public string Importer => importer;

    /// <param name="quantityPerValue">The line's base-year quantity per dollar, when known.</param>
    /// <param name="claim">A special programme claimed when the line offers it (see <see cref="IndicatorRequest.Claims"/>).</param>
    public LineRating Rate(HtsCode code, string origin, DateOnly date, Quantity? quantityPerValue, string? claim = null)
    {
        // Screen the cheap refusals first: an exception per unknown line would cost more than the quote.
        var revision = schedule.On(date);
        if (revision is null)
            return LineRating.Unrated(RatingProblem.NoSchedule, $"no {importer} schedule revision is in force on {date:yyyy-MM-dd}");
        var rated = code;
        var line = revision.Resolve(code);
        if (line is null && code.Length == 10)
        {
            rated = HtsCode.Parse(code.Digits[..8]);
            line = revision.Resolve(rated);
        }
        if (line is null)
            return LineRating.Unrated(RatingProblem.UnknownCode, $"{code} is not a line of {revision.Name}");

        var quantities = quantityPerValue is { } q ? new[] { q with { Amount = q.Amount * ReferenceValue } } : [];
        var baseRate = _column2.Contains(origin) && line.Other is not null ? line.Other : line.General;
        if (baseRate is null)
            return LineRating.Unrated(RatingProblem.UnreadableRate, $"{code} has no base rate in {revision.Name}");
        var outcome = baseRate.Evaluate(new DutyBasis(ReferenceValue, quantities));
        if (!outcome.IsComplete && !baseRate.IsParsed) return LineRating.Unrated(RatingProblem.UnreadableRate, $"base rate text '{baseRate}' is not read");
        var program = claim is not null && line.Special.Any(s => s.Offers(claim)) ? claim : null;
        try
        {
            // A base that needs a quantity (or part value) the line lacks is quoted anyway: the engine charges the
            // ad valorem layers and counts the base parts it can, and says so; a floor, which reads the base, refuses.
            var quote = engine.Quote(new EntryLine
            {
                Code = rated, Origin = origin, Date = date, Importer = importer, CustomsValue = ReferenceValue,
                Quantities = [.. quantities],
                Program = program,
            }, QuoteDetail.Amounts);
            var rating = LineRating.From(quote, !rated.Equals(code));
            if (quote.BaseIncomplete) rating = rating with { BaseIncomplete = true };
            // A line an exclusion names (a product narrower than the line) is a range: low with the exclusion
            // claimed, high without; which goods were excluded is not known.
            if (engine.ListedClaims(quote) is [var exclusion, ..])
            {
                var low = LineRating.From(engine.Quote(quote.Entry with { Program = exclusion }, QuoteDetail.Amounts), !rated.Equals(code));
                rating = rating with { AdditionalLow = low.Additional, TotalLow = low.Total };
            }
            return rating;
        }
        catch (RatingException e)
        {
            return LineRating.Unrated(e.Problem, e.Message);
        }
    }
}
