namespace Tariffscope.Engine;

/// <summary>The quote as data for machines (the command line's --json and the HTTP API give this same shape).</summary>
public sealed record QuoteDocument(
    string Code,
    string Description,
    string Origin,
    string Importer,
    DateOnly Date,
    decimal CustomsValue,
    string Scenario,
    string Schedule,
    decimal TotalDuty,
    decimal EffectiveRate,
    IReadOnlyList<QuoteDocument.LayerDoc> Layers,
    IReadOnlyList<QuoteDocument.OmittedDoc> Omitted,
    IReadOnlyList<string> Warnings)
{
    /// <summary>For goods of Canada or Mexico: what the USMCA claim changes (both totals), and the share claimed in the record.</summary>
    public ClaimValue? Claim { get; init; }

    public sealed record SourceDoc(string Instrument, string? Citation, string? Heading, string? Link, string Confidence, string? Note);
    public sealed record LayerDoc(string Measure, string Title, string Family, string? Heading, string Rate, decimal Share, decimal Amount, SourceDoc Source, IReadOnlyList<string> Notes)
    {
        /// <summary>True for the schedule's own rate (MFN, column 2), the layer every other one stacks on.</summary>
        public bool IsBase { get; init; }
    }

    /// <summary>With a mode of transport: the entry's fees (MPF, HMF, de minimis) for this line as a one-line entry.</summary>
    public Fees.EntryFees? Fees { get; init; }

    /// <summary>The quantities the line was entered with (for specific rates), as written ("500 liters").</summary>
    public IReadOnlyList<string>? Quantities { get; init; }
    public sealed record OmittedDoc(string Measure, string Title, string Family, string? Heading, string Reason, SourceDoc Source);

    public static SourceDoc Doc(Provenance p) => new(p.Instrument, p.Citation, p.Heading, p.Link, p.Confidence.ToString().ToLowerInvariant(), p.Note);

    public static QuoteDocument From(Quote q) => new(
        q.Entry.Code.ToString(), q.Description, q.Entry.Origin, q.Entry.Importer, q.Entry.Date, q.Entry.CustomsValue,
        q.Scenario, q.Schedule, q.Total, Math.Round(q.EffectiveRate, 6),
        q.Layers.Select(l => new LayerDoc(l.MeasureId, l.Title, l.FamilyTitle, l.Heading, l.Rate, l.Share, l.Amount, Doc(l.Source), l.Notes) { IsBase = l.IsBase }).ToList(),
        q.Omitted.Select(o => new OmittedDoc(o.MeasureId, o.Title, o.Family, o.Heading, o.Reason, Doc(o.Source))).ToList(),
        q.Warnings)
    {
        Quantities = q.Entry.Quantities.IsEmpty ? null : q.Entry.Quantities.Select(x => x.ToString()).ToList(),
    };
}
