using Tariffscope.Duties;

namespace Tariffscope.Policy;

public enum LintSeverity { Error, Warning, Info }

/// <summary>One thing a reviewer of the policy data should look at, with where it was written.</summary>
public sealed record LintFinding(LintSeverity Severity, string Where, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Where}: {Message}";
}

/// <summary>
/// Checks a policy set for what a careful reviewer would flag: measures or suspensions without a source, measures
/// of one family that overlap (and would add up) or leave a gap, suspensions that do not fit their measure, dates
/// past the data's stated horizon, and facts below high confidence.
/// </summary>
public static class PolicyLint
{
    /// <param name="today">When given, a data file whose horizon is before this day is flagged: answers about the
    /// days between its horizon and today rest on rules nobody has checked. The caller says what today is.</param>
    public static IReadOnlyList<LintFinding> Check(PolicySet p, DateOnly? today = null)
    {
        var findings = new List<LintFinding>();
        if (today is { } now)
            foreach (var (file, horizon) in p.FileHorizons.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                if (horizon < now)
                    findings.Add(new(LintSeverity.Warning, file, $"the file's horizon ({horizon:yyyy-MM-dd}) is in the past (today is {now:yyyy-MM-dd}): answers for {horizon.AddDays(1):yyyy-MM-dd} to {now:yyyy-MM-dd} rest on rules not checked since"));
        foreach (var m in p.Measures)
        {
            var at = m.Origin ?? m.Id;
            if (m.Source.IsMissing) findings.Add(new(LintSeverity.Error, at, $"measure '{m.Id}' cites no source"));
            else if (string.IsNullOrWhiteSpace(m.Source.Link) && string.IsNullOrWhiteSpace(m.Source.Citation))
                findings.Add(new(LintSeverity.Info, at, $"measure '{m.Id}' names its instrument but gives no citation or link"));
            if (m.Source.Confidence != Confidence.High)
                findings.Add(new(LintSeverity.Info, at, $"measure '{m.Id}' is of {m.Source.Confidence.ToString().ToLowerInvariant()} confidence: {m.Source.Note}"));
            foreach (var d in m.Rates.Select(r => r.From).Append(m.Through ?? DateOnly.MinValue).Where(d => d > p.Horizon))
                findings.Add(new(LintSeverity.Warning, at, $"measure '{m.Id}' has a date ({d:yyyy-MM-dd}) past the data's horizon ({p.Horizon:yyyy-MM-dd})"));
        }
        var byId = p.Measures.ToDictionary(m => m.Id);
        foreach (var s in p.Suspensions)
        {
            var at = s.Origin ?? s.Id;
            if (s.Source.IsMissing) findings.Add(new(LintSeverity.Error, at, $"suspension '{s.Id}' cites no source"));
            if (s.Validity.Through is { } t && t > p.Horizon)
                findings.Add(new(LintSeverity.Warning, at, $"suspension '{s.Id}' runs to {t:yyyy-MM-dd}, past the data's horizon ({p.Horizon:yyyy-MM-dd}): whether it is extended is not known"));
            if (!byId.TryGetValue(s.MeasureId, out var m)) { findings.Add(new(LintSeverity.Error, at, $"suspension '{s.Id}' names unknown measure '{s.MeasureId}'")); continue; }
            if (s.Validity.From < m.Validity.From || (m.Through is { } mt && s.Validity.From > mt))
                findings.Add(new(LintSeverity.Warning, at, $"suspension '{s.Id}' starts {s.Validity.From:yyyy-MM-dd}, outside measure '{m.Id}' ({m.Validity})"));
            if (s.Points is { } pts && m.RateOn(s.Validity.From)?.Rate is AdValoremDuty av && pts > av.Rate)
                findings.Add(new(LintSeverity.Error, at, $"suspension '{s.Id}' suspends {pts:P0} of a {av.Rate:P0} rate"));
        }
        foreach (var group in p.Suspensions.GroupBy(s => s.MeasureId))
        {
            var list = group.OrderBy(s => s.Validity.From).ToList();
            for (int i = 1; i < list.Count; i++)
                if (list[i - 1].Validity.Through is not { } end || list[i].Validity.From <= end)
                    findings.Add(new(LintSeverity.Error, list[i].Origin ?? list[i].Id, $"suspensions '{list[i - 1].Id}' and '{list[i].Id}' of measure '{group.Key}' overlap"));
        }
        // Measures of one additive family, on the same origins and products, that overlap in time (they would add up)
        // or follow each other with days uncovered between them.
        foreach (var family in p.Measures.GroupBy(m => (m.Importer, m.Family)))
        {
            if (p.Families.TryGetValue(family.Key.Family, out var fam) && fam.Combine == CombineRule.Highest) continue;
            foreach (var same in family.GroupBy(m => Key(m)))
            {
                var ordered = same.OrderBy(m => m.Validity.From).ToList();
                for (int i = 1; i < ordered.Count; i++)
                {
                    var a = ordered[i - 1]; var b = ordered[i];
                    if (a.Through is not { } end || b.Validity.From <= end)
                        findings.Add(new(LintSeverity.Warning, b.Origin ?? b.Id, $"measures '{a.Id}' and '{b.Id}' cover the same origins and products in overlapping periods and would add up"));
                    else if (b.Validity.From > end.AddDays(1))
                        findings.Add(new(LintSeverity.Info, b.Origin ?? b.Id, $"gap: nothing of family '{family.Key.Family}' applies from {end.AddDays(1):yyyy-MM-dd} to {b.Validity.From.AddDays(-1):yyyy-MM-dd} between '{a.Id}' and '{b.Id}'"));
                }
            }
        }
        return findings;
    }

    private static string Key(Measure m) =>
        string.Join(",", m.Origins.Include.Order()) + "|" + string.Join(",", m.Origins.Except.Select(e => e.Origin).Order()) + "|"
        + string.Join(",", m.Products.Include.Select(t => t.ToString()).Order()) + "|" + m.Kind;
}
