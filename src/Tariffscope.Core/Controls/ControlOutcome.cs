namespace Tariffscope.Controls;

/// <summary>
/// What a control (or a screening) says about a shipment. The numeric order is the precedence: when several
/// rules apply, the answer is the highest one.
/// </summary>
public enum ControlOutcome
{
    NoLicenceRequired = 0,
    /// <summary>A screening result, never a rule's outcome: the item may be controlled, a fact is missing.</summary>
    NeedsReview = 1,
    LicenceRequired = 2,
    PresumptionOfDenial = 3,
    Prohibited = 4,
}

public static class ControlOutcomeText
{
    /// <summary>The outcome as a compliance officer would say it.</summary>
    public static string Words(this ControlOutcome outcome) => outcome switch
    {
        ControlOutcome.NoLicenceRequired => "No licence required",
        ControlOutcome.NeedsReview => "Needs review",
        ControlOutcome.LicenceRequired => "Licence required",
        ControlOutcome.PresumptionOfDenial => "Licence required, presumption of denial",
        ControlOutcome.Prohibited => "Prohibited",
        _ => outcome.ToString(),
    };

    /// <summary>The kebab-case name used in data files and machine output.</summary>
    public static string Code(this ControlOutcome outcome) => outcome switch
    {
        ControlOutcome.NoLicenceRequired => "no-licence-required",
        ControlOutcome.NeedsReview => "needs-review",
        ControlOutcome.LicenceRequired => "licence-required",
        ControlOutcome.PresumptionOfDenial => "presumption-of-denial",
        ControlOutcome.Prohibited => "prohibited",
        _ => outcome.ToString(),
    };

    public static ControlOutcome? FromCode(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        "no-licence-required" => ControlOutcome.NoLicenceRequired,
        "licence-required" => ControlOutcome.LicenceRequired,
        "presumption-of-denial" => ControlOutcome.PresumptionOfDenial,
        "prohibited" => ControlOutcome.Prohibited,
        _ => null,
    };
}
