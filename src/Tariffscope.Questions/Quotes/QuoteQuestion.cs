using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Questions.Quotes;

/// <summary>One import line to quote, as every face asks it: the origin as written (a country or a group such as EU).</summary>
public sealed record QuoteRequest
{
    public required HtsCode Code { get; init; }
    public required string Origin { get; init; }
    public string Importer { get; init; } = "US";
    /// <summary>The entry date; today (US Eastern) when not given.</summary>
    public DateOnly? Date { get; init; }
    public decimal Value { get; init; } = 10_000m;
    public ImmutableArray<Quantity> Quantities { get; init; } = [];
    public decimal? MetalShare { get; init; }
    public decimal? UsContent { get; init; }
    public string? Program { get; init; }
    public ImmutableArray<string> Uses { get; init; } = [];
    public string Scenario { get; init; } = ScenarioCatalog.Actual;
    public DateOnly? AsKnownOn { get; init; }
    /// <summary>Mode of transport (ocean, air, truck, rail, postal): when given, the answer carries the entry's fees.</summary>
    public string? Mode { get; init; }
}

/// <summary>The duty owed on one line, layer by layer with the legal basis of each, and what a preference claim changes.</summary>
public sealed class QuoteQuestion(Rulebook rules)
{
    /// <exception cref="UnknownOriginException">The origin is neither a country nor a group.</exception>
    /// <exception cref="ScenarioException">The scenario is unknown.</exception>
    /// <exception cref="RatingException">The line cannot be rated as given (the field at fault is named).</exception>
    public QuoteDocument Ask(QuoteRequest r)
    {
        var engine = rules.Engine(r.Scenario, r.AsKnownOn);
        var (entry, origin) = Entry(rules, r);
        var quote = engine.Quote(entry);
        var doc = QuoteDocument.From(quote) with { Claim = ClaimQuotes.Effect(rules.Workspace, engine, quote.Entry), Fees = FeesOf(entry, r.Mode) };
        return origin.Note is { } note ? doc with { Warnings = [note, .. doc.Warnings] } : doc;
    }

    /// <summary>The line taken as a one-line entry (the MPF minimum and maximum apply per entry); US entries only.</summary>
    private static Fees.EntryFees? FeesOf(EntryLine e, string? mode) =>
        mode is null || e.Importer != "US" ? null
        : Data.Fees.FeeFile.BuiltIn().Fees.Compute(e.Date, Fees.FeeSchedule.ParseMode(mode), [new Fees.FeeLine(e.CustomsValue, e.Origin, e.Program)]);

    /// <summary>The entry line a request describes, its origin resolved (a group rated as one of its members).</summary>
    public static (EntryLine Entry, Origin Origin) Entry(Rulebook rules, QuoteRequest r)
    {
        var origin = Origin.Resolve(rules.Catalog.ActualPolicy, r.Origin);
        var entry = new EntryLine
        {
            Code = r.Code, Origin = origin.RatedAs, Importer = r.Importer.Trim().ToUpperInvariant(), Date = r.Date ?? rules.Today.Date,
            CustomsValue = r.Value, MetalShare = r.MetalShare, UsContentShare = r.UsContent,
            Program = string.IsNullOrWhiteSpace(r.Program) ? null : r.Program.Trim(),
            Uses = [.. r.Uses.Select(u => u.Trim().ToLowerInvariant())], Quantities = r.Quantities,
        };
        return (entry, origin);
    }
}
