namespace Tariffscope.Nomenclature;

/// <summary>A change in one code between two consecutive revisions.</summary>
public sealed record LineChange(HtsCode Code, ScheduleRevision From, ScheduleRevision To, string What, string? Before, string? After);

/// <summary>A revision known to have been published that the schedule does not hold (no export of it was read).</summary>
public sealed record RevisionNotHeld(string Name, DateOnly EffectiveDate, string Note);

/// <summary>
/// A schedule over time: several revisions, each in force from its effective date until the next one's.
/// </summary>
public sealed class Schedule
{
    public IReadOnlyList<ScheduleRevision> Revisions { get; }
    public string Importer { get; }

    /// <summary>Revisions published after the last one held: where the schedule's record stops. An answer on a later
    /// date rests on the last revision held and must say so (<see cref="NotHeldOn"/>).</summary>
    public IReadOnlyList<RevisionNotHeld> NotHeld { get; init; } = [];

    /// <summary>The latest revision not held that is in force on <paramref name="date"/> (null when the schedule holds
    /// the revision in force).</summary>
    public RevisionNotHeld? NotHeldOn(DateOnly date)
    {
        RevisionNotHeld? found = null;
        foreach (var r in NotHeld)
            if (r.EffectiveDate <= date && r.EffectiveDate > Revisions[^1].EffectiveDate && (found is null || r.EffectiveDate > found.EffectiveDate)) found = r;
        return found;
    }

    public Schedule(IEnumerable<ScheduleRevision> revisions)
    {
        Revisions = revisions.OrderBy(r => r.EffectiveDate).ToList();
        if (Revisions.Count == 0) throw new ArgumentException("a schedule needs at least one revision");
        Importer = Revisions[0].Importer;
    }

    /// <summary>The revision in force on <paramref name="date"/>; before the first revision, null.</summary>
    public ScheduleRevision? On(DateOnly date)
    {
        // every quote asks this: a binary search over the revisions, ordered by effective date
        int lo = 0, hi = Revisions.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Revisions[mid].EffectiveDate <= date) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found < 0 ? null : Revisions[found];
    }

    /// <summary>When the code's rates, units or text changed from one revision to the next.</summary>
    public IEnumerable<LineChange> History(HtsCode code)
    {
        for (int i = 1; i < Revisions.Count; i++)
        {
            var a = Revisions[i - 1].Resolve(code);
            var b = Revisions[i].Resolve(code);
            if (a is null && b is null) continue;
            if (a is null) { yield return new(code, Revisions[i - 1], Revisions[i], "added", null, b!.Line.Description); continue; }
            if (b is null) { yield return new(code, Revisions[i - 1], Revisions[i], "removed", a.Line.Description, null); continue; }
            if (a.Line.Description != b.Line.Description)
                yield return new(code, Revisions[i - 1], Revisions[i], "description", a.Line.Description, b.Line.Description);
            if (a.RateLine.GeneralText != b.RateLine.GeneralText)
                yield return new(code, Revisions[i - 1], Revisions[i], "general rate", a.RateLine.GeneralText, b.RateLine.GeneralText);
            if (a.RateLine.SpecialText != b.RateLine.SpecialText)
                yield return new(code, Revisions[i - 1], Revisions[i], "special rate", a.RateLine.SpecialText, b.RateLine.SpecialText);
            if (a.RateLine.OtherText != b.RateLine.OtherText)
                yield return new(code, Revisions[i - 1], Revisions[i], "column 2 rate", a.RateLine.OtherText, b.RateLine.OtherText);
            if (!a.Units.SequenceEqual(b.Units))
                yield return new(code, Revisions[i - 1], Revisions[i], "units", string.Join(", ", a.Units), string.Join(", ", b.Units));
            // the references in force for the code: its own and those it inherits from the lines above it
            var fa = string.Join(" ", a.Chapter99Refs); var fb = string.Join(" ", b.Chapter99Refs);
            if (fa != fb) yield return new(code, Revisions[i - 1], Revisions[i], "chapter 99 references", fa, fb);
        }
    }
}
