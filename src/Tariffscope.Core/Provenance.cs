namespace Tariffscope;

/// <summary>How well a fact was confirmed. Answers that rest on anything below High say so.</summary>
public enum Confidence { High, Medium, Low, Unconfirmed }

/// <summary>
/// Where a fact comes from: the legal instrument, its citation, the HTS Chapter 99 heading that carries it,
/// a link, and how well it was confirmed. Every shipped rate, date and list carries one.
/// </summary>
public sealed record Provenance(
    string Instrument,
    string? Citation = null,
    string? Heading = null,
    string? Link = null,
    Confidence Confidence = Confidence.High,
    string? Note = null)
{
    public static readonly Provenance None = new("(no source)", Confidence: Confidence.Unconfirmed);

    public bool IsMissing => string.IsNullOrWhiteSpace(Instrument) || ReferenceEquals(this, None);

    public override string ToString()
    {
        var parts = new List<string> { Instrument };
        if (!string.IsNullOrWhiteSpace(Citation)) parts.Add(Citation!);
        if (!string.IsNullOrWhiteSpace(Heading)) parts.Add("HTS " + Heading);
        if (Confidence != Confidence.High) parts.Add($"confidence: {Confidence.ToString().ToLowerInvariant()}");
        return string.Join("; ", parts);
    }
}
