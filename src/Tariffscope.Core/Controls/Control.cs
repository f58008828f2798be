namespace Tariffscope.Controls;

/// <summary>
/// One export-control rule: who controls (exporting country), what (items), how it reaches a shipment (export,
/// re-export, foreign-made content), where to (destinations), for whom (party lists, end uses), with what outcome,
/// on which days (<see cref="When"/>, both ends included), and under which instrument. Suspensions are kept apart
/// (<see cref="ControlSuspension"/>).
/// </summary>
public sealed record Control(
    string Id,
    string Exporter,
    string Title,
    Provenance Source,
    ItemMatcher Items,
    ControlReach Reach,
    DestinationScope Destinations,
    ControlOutcome Outcome,
    string Policy,
    Validity When,
    PartyCondition? Parties = null,
    IReadOnlyList<string>? EndUses = null,
    IReadOnlyList<string>? Overrides = null)
{
    public IReadOnlyList<string> EndUseList => EndUses ?? [];
    public IReadOnlyList<string> OverrideList => Overrides ?? [];

    /// <summary>In force on <paramref name="date"/> (before any suspension).</summary>
    public bool InForce(DateOnly date) => When.Contains(date);
}

/// <summary>
/// What items a control covers. Identifiers (HS reference codes as prefixes, control numbers/ECCNs, element
/// symbols, product names, and parameters when <see cref="ParametersIdentify"/>) say an item may be covered.
/// Requirements then narrow it: <see cref="Contains"/> (the item must contain one of these elements) and
/// <see cref="Parameters"/>. A requirement whose fact is not given makes the match "needs review", never "no
/// licence". A classification (control number, named product) asserts the requirements, so it skips them.
/// <see cref="CriteriaUnknown"/> marks a control whose technical list was not retrieved: every match needs review.
/// </summary>
public sealed record ItemMatcher(
    IReadOnlyList<Tagged> Hs,
    IReadOnlyList<Tagged> ControlNumbers,
    IReadOnlyList<Tagged> Elements,
    IReadOnlyList<Tagged> Products,
    ParameterTest Parameters,
    IReadOnlyList<Tagged>? Contains = null,
    bool ParametersIdentify = false,
    bool AnyItem = false,
    bool CriteriaUnknown = false,
    string? Description = null,
    IReadOnlyList<string>? OftenWith = null,
    string? OftenNote = null)
{
    public IReadOnlyList<Tagged> ContainsList => Contains ?? [];

    /// <summary>
    /// Elements that items of this kind often come with the required <see cref="Contains"/> beside (NdFeB magnets
    /// usually hold Dy or Tb): an item declared with one of them, and not with a required one, is warned with
    /// <see cref="OftenNote"/> rather than cleared in silence.
    /// </summary>
    public IReadOnlyList<string> OftenWithList => OftenWith ?? [];
}

/// <summary>How a control reaches a shipment that does not leave the controlling country.</summary>
public sealed record ControlReach(bool Export, bool ReExport, IReadOnlyList<ContentRule> Content)
{
    public static readonly ControlReach ExportOnly = new(true, false, []);
}

/// <summary>
/// A foreign-made item is caught when its share of value from <see cref="Key"/> (e.g. "CN-REE", China-origin
/// rare earths; "US-CONTROLLED", controlled US content) is at least <see cref="AtLeast"/> (a share, 0.001 = 0.1 %).
/// When <see cref="Destinations"/> is set the rule holds only for those destinations (US 10 % de minimis for E:1).
/// </summary>
public sealed record ContentRule(string Key, decimal AtLeast, DestinationScope? Destinations = null, bool Unconfirmed = false);

/// <summary>Destinations: countries (ISO alpha-2), "all", or "group:NAME"; minus the exclusions.</summary>
public sealed record DestinationScope(IReadOnlyList<Tagged> Include, IReadOnlyList<Tagged> Exclude)
{
    public static readonly DestinationScope All = new([new Tagged("all")], []);
    public override string ToString() =>
        string.Join(", ", Include) + (Exclude.Count > 0 ? " except " + string.Join(", ", Exclude) : "");
}

/// <summary>
/// The control applies only to parties on a list. With <see cref="OwnedByListed"/> it reaches the party's
/// owner instead: a company owned 50 % or more by listed parties (the US Affiliates rule).
/// </summary>
public sealed record PartyCondition(string ListId, bool OwnedByListed = false);
