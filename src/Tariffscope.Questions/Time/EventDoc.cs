using Tariffscope.Engine;

namespace Tariffscope.Questions.Time;

/// <summary>A dated change in the rules, as the calendar endpoints give it.</summary>
public sealed record EventDoc(
    DateOnly Date, int? DaysAway, string Kind, string Importer, string Measure, string? Suspension, string Title, string What,
    string Origins, QuoteDocument.SourceDoc Source, DateOnly Published)
{
    /// <summary>The base-year trade the event's measure reaches, when trade data is held.</summary>
    public Trade.Exposure? Trade { get; init; }

    public static EventDoc From(PolicyEvent e, DateOnly? from = null) => new(
        e.Date, from is { } f ? e.Date.DayNumber - f.DayNumber : null, KindName(e.Kind), e.Importer, e.MeasureId, e.SuspensionId,
        e.Title, e.What, e.Origins.ToString(), QuoteDocument.Doc(e.Source), e.Published);

    private static string KindName(EventKind k) => k switch
    {
        EventKind.MeasureStarts => "measureStarts",
        EventKind.RateChanges => "rateChanges",
        EventKind.MeasureEnds => "measureEnds",
        EventKind.SuspensionStarts => "suspensionStarts",
        EventKind.ExclusionEnds => "exclusionEnds",
        _ => "suspensionEnds",
    };
}
