using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Engine.Panel;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Engine;

public sealed partial class TariffEngine
{
    /// <summary>
    /// The quote of a line that declares no entry facts (no programme, end use, metal share or US content share), as a
    /// formula of value and quantity: the same candidates, suspensions, shares and stacking as
    /// <see cref="Quote(EntryLine, QuoteDetail)"/>, stopped before anything reads the value. Null when the engine must
    /// answer every such line itself (a family that keeps its highest member where the members' shares differ, so
    /// the shares of later families would depend on the amounts). Throws <see cref="RatingException"/> as a quote
    /// does for an unknown code or a missing schedule.
    /// </summary>
    public PanelFormula? Plan(string importer, HtsCode code, string origin, DateOnly date)
    {
        var line = ResolveLine(importer, code, date);
        DutyExpression baseExpr;
        string baseColumn;
        if (_column2.TryGetValue(importer, out var c2) && c2.Contains(origin) && line.Other is not null)
            (baseExpr, baseColumn) = (line.Other, "Column 2");
        else if (line.General is null) return null; // the engine refuses the line, in its own words
        else (baseExpr, baseColumn) = (line.General, ResolvedLine.GeneralColumn);

        bool dependent = false;
        var candidates = new List<(CompiledMeasure Cm, DutyExpression Rate, string? Heading)>();
        foreach (var cm in ForOrigin(importer, origin))
        {
            var period = cm.Measure.RateOn(date);
            if (period is null || !cm.CoversOrigin(origin, date)) continue;
            if (!cm.Scope.Includes(code, line, date))
            {
                if (cm.Scope.NeedsUse(code, line, date) is not null) dependent = true;
                continue;
            }
            if (cm.Scope.ExcludedBy(code, line, date, origin) is not null) continue;
            var rate = period.Rate;
            bool full = false;
            foreach (var s in cm.Suspensions)
            {
                if (!s.Validity.Contains(date)) continue;
                if (s.IsFull) { full = true; break; }
                if (rate is AdValoremDuty av) rate = new AdValoremDuty(Math.Max(0m, av.Rate - s.Points!.Value));
            }
            if (full) continue;
            candidates.Add((cm, rate, period.Heading ?? cm.Measure.Source.Heading));
        }

        var terms = ImmutableArray.CreateBuilder<PanelTerm>(candidates.Count);
        Span<decimal> familyShare = stackalloc decimal[_familyOrder.Length];
        int groups = 0;
        for (int start = 0; start < candidates.Count;)
        {
            int rank = candidates[start].Cm.FamilyRank, end = start;
            while (end < candidates.Count && candidates[end].Cm.FamilyRank == rank) end++;
            var fam = Policy.Families[_familyOrder[rank]];
            int first = terms.Count;
            for (int k = start; k < end; k++)
            {
                var (cm, rate, heading) = candidates[k];
                var m = cm.Measure;
                if (m.Share == ValueShare.Metal) dependent = true;
                decimal covered = 0m;
                foreach (var y in cm.YieldRanks) covered += familyShare[y];
                var share = Math.Max(0m, 1m - Math.Min(1m, covered));
                if (share == 0m) continue;
                terms.Add(new PanelTerm(m.Id, m.Family, fam.Order, heading, rate, share, m.Kind == MeasureKind.Floor, -1));
            }
            decimal famShare = 0m;
            if (fam.Combine == CombineRule.Highest && terms.Count - first > 1)
            {
                // the share this family covers must not hang on which member wins
                for (int k = first + 1; k < terms.Count; k++) if (terms[k].Share != terms[first].Share) return null;
                for (int k = first; k < terms.Count; k++) terms[k] = terms[k] with { HighestGroup = groups };
                groups++;
            }
            for (int k = first; k < terms.Count; k++) famShare = Math.Max(famShare, terms[k].Share);
            familyShare[rank] = famShare;
            start = end;
        }
        return new PanelFormula(baseExpr, baseColumn, line.BaseSource.Heading, terms.ToImmutable(), dependent);
    }

    /// <summary>
    /// What tells origins apart for <see cref="Plan"/> on a date: the rules in force (<see cref="RulesInForce"/>) and
    /// the product exclusions that hold for some origins only.
    /// </summary>
    public string OriginKey(string importer, string origin, DateOnly date)
    {
        var key = RulesInForce(importer, origin, date);
        var terms = _originTerms.GetOrAdd(importer, i => (_byImporter.GetValueOrDefault(i) ?? [])
            .SelectMany(cm => ExcludeTerms(cm).Where(t => !t.Origins.IsDefaultOrEmpty)
                .Select((t, n) => (Id: $"{cm.Measure.Id}#{n}", Origins: ExpandOrigins(t.Origins, Policy).ToHashSet())))
            .ToArray());
        foreach (var (id, origins) in terms)
            if (origins.Contains(origin)) key += "|x" + id;
        return key;
    }

    private IEnumerable<ProductTerm> ExcludeTerms(CompiledMeasure cm)
    {
        var fam = Policy.Families[cm.Measure.Family];
        return cm.Measure.Products.Exclude.Concat(fam.ExceptProducts);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Id, HashSet<string> Origins)[]> _originTerms = new();

    /// <summary>The schedules the engine reads, by importer.</summary>
    public IReadOnlyDictionary<string, Schedule> Schedules => _schedules;
}
