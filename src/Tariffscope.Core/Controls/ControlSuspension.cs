namespace Tariffscope.Controls;

/// <summary>
/// A dated pause of controls or party-list entries (a truce). <see cref="To"/> is the first day the paused
/// rules apply again; null means open-ended.
/// </summary>
public sealed record ControlSuspension(
    string Id,
    IReadOnlyList<string> Controls,
    IReadOnlyList<string> Entries,
    DateOnly From,
    DateOnly? To,
    Provenance Source,
    string? Title = null)
{
    public bool ActiveOn(DateOnly date) => date >= From && (To is null || date < To.Value);
    public bool Covers(string controlId) => Controls.Contains(controlId, StringComparer.Ordinal);
    public bool CoversEntry(string entryId) => Entries.Contains(entryId, StringComparer.Ordinal);
}

/// <summary>A named group of countries (US Country Group D:5 and the like) with members as data.</summary>
public sealed record CountryGroup(string Id, string Title, IReadOnlyList<Tagged> Members, Provenance Source);
