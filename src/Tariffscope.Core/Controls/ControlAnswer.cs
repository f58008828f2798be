namespace Tariffscope.Controls;

/// <summary>How one rule stands for the query on its date.</summary>
public enum RuleStatus
{
    /// <summary>In force, matched, not suspended: its outcome counts.</summary>
    Applies,
    /// <summary>In force, and might match, but a fact is missing (parameters, element, content share, party identity).</summary>
    NeedsReview,
    /// <summary>Matched but paused by a suspension: no requirement under this rule while it lasts.</summary>
    Suspended,
    /// <summary>Matched, but set aside by a later rule that overrides it.</summary>
    Superseded,
}

/// <summary>
/// One rule behind an answer: what it would require, how it stands, why it matched, and its source. Dates are
/// inclusive: <see cref="Through"/> is the rule's last day, <see cref="SuspendedThrough"/> the suspension's last day.
/// </summary>
public sealed record RuleFinding(
    string ControlId,
    string Title,
    string Exporter,
    ControlOutcome RuleOutcome,
    RuleStatus Status,
    string Policy,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Missing,
    Provenance Source,
    DateOnly From,
    DateOnly? Through,
    string? SuspendedBy = null,
    DateOnly? SuspendedThrough = null,
    string? SupersededBy = null,
    string? PartyEntryId = null)
{
    /// <summary>What this finding contributes to the answer.</summary>
    public ControlOutcome Contribution => Status switch
    {
        RuleStatus.Applies => RuleOutcome,
        RuleStatus.NeedsReview => ControlOutcome.NeedsReview,
        _ => ControlOutcome.NoLicenceRequired,
    };
}

/// <summary>A suspension that pauses a matched rule on the query's date, from <see cref="From"/> through <see cref="Through"/> (its last day).</summary>
public sealed record SuspensionFinding(string SuspensionId, string? Title, IReadOnlyList<string> Controls, DateOnly From, DateOnly? Through, Provenance Source);

/// <summary>A dated change ahead: on <see cref="Date"/> the answer becomes <see cref="Outcome"/>, because of <see cref="Why"/>.</summary>
public sealed record UpcomingChange(DateOnly Date, ControlOutcome Outcome, IReadOnlyList<string> Why, string Summary);

/// <summary>
/// The screening answer: the outcome (highest of the rules that apply), a one-paragraph summary, every matched
/// rule with its source, the suspensions in play, the next dated changes, and warnings (unconfirmed facts,
/// dates past the data's horizon).
/// </summary>
public sealed record ControlAnswer(
    ControlQuery Query,
    string Scenario,
    ControlOutcome Outcome,
    string Summary,
    IReadOnlyList<RuleFinding> Rules,
    IReadOnlyList<SuspensionFinding> Suspensions,
    IReadOnlyList<UpcomingChange> WhatWouldChange,
    IReadOnlyList<string> Warnings);

/// <summary>One step of a timeline: from <see cref="Date"/> the outcome is <see cref="Outcome"/>.</summary>
public sealed record TimelineStep(DateOnly Date, ControlOutcome Outcome, IReadOnlyList<string> GoverningRules, IReadOnlyList<string> Why, string Summary);

public enum DeadlineKind { ControlStarts, ControlEnds, SuspensionStarts, SuspensionEnds, PartyListed, PartyDelisted }

/// <summary>A coming dated event in the control data.</summary>
public sealed record ControlDeadline(DateOnly Date, DeadlineKind Kind, string Id, string Exporter, string Description, Provenance Source,
    IReadOnlyList<string>? Affects = null);
