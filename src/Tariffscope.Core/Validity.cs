namespace Tariffscope;

/// <summary>
/// A span of days, both ends included, for every dated fact (tariff measures, suspensions, export controls, party
/// listings): US measures apply to goods entered on or after 12:01 a.m. on the first day, and a data file names the
/// last day something applies, never the day after. <see cref="Through"/> null means open-ended.
/// </summary>
public readonly record struct Validity(DateOnly From, DateOnly? Through)
{
    public bool Contains(DateOnly date) => date >= From && (Through is null || date <= Through.Value);

    /// <summary>The first day on which the span no longer applies, if it ends.</summary>
    public DateOnly? EndsOn => Through?.AddDays(1);

    public override string ToString() => Through is null ? $"from {From:yyyy-MM-dd}" : $"{From:yyyy-MM-dd} to {Through:yyyy-MM-dd}";
}
