using System.Collections.Immutable;

namespace Tariffscope.Fees;

/// <summary>An entry's status for a refund: not yet liquidated, or liquidated (a route may bound the days since).</summary>
public enum EntryStatus { Unliquidated, Liquidated }

/// <summary>One route to a refund, for entries of a status (and, when liquidated, within so many days of liquidation).</summary>
public sealed record RefundRoute(EntryStatus Status, int? WithinDays, string Route, DateOnly? From, Provenance Source);

/// <summary>Duties a court ended that can be claimed back: the measure families whose layers count, and the routes.</summary>
public sealed record RefundAuthority(string Id, string Title, ImmutableArray<string> Families, ImmutableArray<RefundRoute> Routes, Provenance Source);

/// <summary>What applies to one entry on the day asked: its status, the dates that matter and the route.</summary>
public sealed record RefundStatus(
    EntryStatus Status,
    DateOnly Liquidation,
    bool LiquidationEstimated,
    DateOnly ProtestDeadline,
    int? DaysSinceLiquidation,
    string Route,
    DateOnly? RouteFrom,
    Provenance RouteSource)
{
    /// <summary>True when the record itself is unsure of the route (its source is unconfirmed).</summary>
    public bool Unsure => RouteSource.Confidence == Confidence.Unconfirmed;
}

/// <summary>
/// The refund windows as data (<c>data/fees/us-fees.yaml</c>): liquidation normally so many days after entry when
/// its date is not given (19 U.S.C. 1504), a protest window after liquidation (19 U.S.C. 1514), and per authority the
/// routes by the entry's status, first match wins.
/// </summary>
public sealed record RefundRules(int LiquidationDays, Provenance LiquidationSource, int ProtestDays, Provenance ProtestSource,
    ImmutableArray<RefundAuthority> Authorities)
{
    /// <summary>The authority whose refunds cover a measure family, or null.</summary>
    public RefundAuthority? ForFamily(string family)
    {
        foreach (var a in Authorities) if (a.Families.Contains(family)) return a;
        return null;
    }

    /// <summary>The status of an entry on <paramref name="asOf"/> and the route it has under <paramref name="authority"/>.</summary>
    public RefundStatus Status(RefundAuthority authority, DateOnly entryDate, DateOnly? liquidation, DateOnly asOf)
    {
        var liq = liquidation ?? entryDate.AddDays(LiquidationDays);
        var deadline = liq.AddDays(ProtestDays);
        bool liquidated = liq <= asOf;
        int? since = liquidated ? asOf.DayNumber - liq.DayNumber : null;
        var status = liquidated ? EntryStatus.Liquidated : EntryStatus.Unliquidated;
        foreach (var r in authority.Routes)
        {
            if (r.Status != status) continue;
            if (r.WithinDays is { } d && since > d) continue;
            return new RefundStatus(status, liq, liquidation is null, deadline, since, r.Route, r.From, r.Source);
        }
        return new RefundStatus(status, liq, liquidation is null, deadline, since, "no route in the record", null, Provenance.None);
    }
}
