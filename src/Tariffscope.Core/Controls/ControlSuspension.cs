namespace Tariffscope.Controls;

/// <summary>
/// A dated pause of controls or party-list entries (a truce), on the days of <see cref="When"/> (both ends
/// included: the paused rules apply again the day after <c>When.Through</c>).
/// </summary>
public sealed record ControlSuspension(
    string Id,
    IReadOnlyList<string> Controls,
    IReadOnlyList<string> Entries,
    Validity When,
    Provenance Source,
    string? Title = null)
{
    public bool ActiveOn(DateOnly date) => When.Contains(date);
    public bool Covers(string controlId) => Controls.Contains(controlId, StringComparer.Ordinal);
    public bool CoversEntry(string entryId) => Entries.Contains(entryId, StringComparer.Ordinal);
}

/// <summary>A named group of countries (US Country Group D:5 and the like) with members as data.</summary>
public sealed record CountryGroup(string Id, string Title, IReadOnlyList<Tagged> Members, Provenance Source);
