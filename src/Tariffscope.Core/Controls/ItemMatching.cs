namespace Tariffscope.Controls;

/// <summary>The result of matching a query against one control, before dates: no, yes, or possibly (facts missing).</summary>
internal sealed record MatchResult(bool NeedsFacts, IReadOnlyList<string> Reasons, IReadOnlyList<string> Missing, IReadOnlyList<string> UnconfirmedBasis);

/// <summary>The date-independent tests of a control against a query: reach, destination, end use, item.</summary>
internal sealed class ItemMatching(IReadOnlyDictionary<string, CountryGroup> groups)
{
    public MatchResult? Match(Control c, ControlQuery q)
    {
        var reasons = new List<string>();
        var missing = new List<string>();
        var unconfirmed = new List<string>();

        if (!Reach(c, q, reasons, missing, unconfirmed)) return null;
        if (!Destination(c.Destinations, q.To, reasons, unconfirmed, "destination")) return null;
        if (c.EndUseList.Count > 0)
        {
            if (q.EndUse is null || !c.EndUseList.Contains(q.EndUse.Trim(), StringComparer.OrdinalIgnoreCase)) return null;
            reasons.Add($"end use '{q.EndUse}' is one the rule names ({string.Join(", ", c.EndUseList)})");
        }
        if (!Item(c.Items, q, reasons, missing, unconfirmed)) return null;
        return new MatchResult(missing.Count > 0, reasons, missing, unconfirmed);
    }

    private bool Reach(Control c, ControlQuery q, List<string> reasons, List<string> missing, List<string> unconfirmed)
    {
        if (Same(q.From, c.Exporter))
        {
            if (!c.Reach.Export) return false;
            reasons.Add($"export from {c.Exporter}");
            return true;
        }
        if (Same(q.Origin, c.Exporter))
        {
            if (!c.Reach.ReExport) return false;
            reasons.Add($"re-export from {q.From} of an item of {c.Exporter} origin");
            return true;
        }
        var unknownKeys = new List<string>();
        foreach (var rule in c.Reach.Content)
        {
            if (rule.Destinations is not null && !Destination(rule.Destinations, q.To, [], [], "")) continue;
            if (!q.ContentShares.TryGetValue(rule.Key, out var share))
            {
                unknownKeys.Add(rule.AtLeast == 1m ? $"content flag {rule.Key} (1 = yes, 0 = no)" : $"content share {rule.Key} (caught at ≥ {Percent(rule.AtLeast)})");
                continue;
            }
            if (share < rule.AtLeast) continue;
            reasons.Add(rule.AtLeast == 1m ? $"item made in {q.Origin} with {rule.Key}" : $"item made in {q.Origin} with {Percent(share)} {rule.Key} content (threshold {Percent(rule.AtLeast)})");
            if (rule.Unconfirmed) unconfirmed.Add($"content threshold {rule.Key} ≥ {Percent(rule.AtLeast)}");
            return true;
        }
        if (unknownKeys.Count == 0) return false;
        missing.AddRange(unknownKeys);
        reasons.Add($"foreign-made item ({q.Origin}): {c.Exporter} content rules may reach it");
        return true;
    }

    private bool Destination(DestinationScope scope, string to, List<string> reasons, List<string> unconfirmed, string label)
    {
        var inc = Covers(scope.Include, to);
        if (inc is null) return false;
        var exc = Covers(scope.Exclude, to);
        if (exc is not null) return false;
        if (label.Length > 0) reasons.Add($"{label} {to} is covered ({inc.Value.Via})");
        if (inc.Value.Unconfirmed) unconfirmed.Add($"{to} as a member of {inc.Value.Via}");
        return true;
    }

    private (string Via, bool Unconfirmed)? Covers(IReadOnlyList<Tagged> list, string country)
    {
        foreach (var t in list)
        {
            if (t.Value.Equals("all", StringComparison.OrdinalIgnoreCase)) return ("all destinations", t.Unconfirmed);
            if (Policy.OriginTerms.IsGroup(t.Value, out var name))
            {
                if (!groups.TryGetValue(name, out var g)) continue;
                var member = g.Members.FirstOrDefault(m => Same(m.Value, country));
                if (member.Value is not null) return ($"Country Group {g.Id}", t.Unconfirmed || member.Unconfirmed);
            }
            else if (Same(t.Value, country)) return (country, t.Unconfirmed);
        }
        return null;
    }

    private static bool Item(ItemMatcher m, ControlQuery q, List<string> reasons, List<string> missing, List<string> unconfirmed)
    {
        if (m.AnyItem)
        {
            reasons.Add(m.Description ?? "covers all items");
            if (m.CriteriaUnknown) missing.Add("whether the item is one the rule lists (the list is not in the data)");
            return true;
        }
        var byClass = false;
        var identified = false;
        var broader = new List<string>();

        var hs = q.Hs is null ? "" : new string(q.Hs.Where(char.IsDigit).ToArray());
        if (hs.Length > 0)
            foreach (var code in m.Hs)
            {
                var digits = new string(code.Value.Where(char.IsDigit).ToArray());
                if (hs.StartsWith(digits, StringComparison.Ordinal))
                {
                    identified = true;
                    reasons.Add($"HS {q.Hs} falls under reference code {code.Value}");
                    if (code.Unconfirmed) unconfirmed.Add($"HS reference code {code.Value}");
                    break;
                }
                if (digits.StartsWith(hs, StringComparison.Ordinal)) broader.Add(code.Value);
            }

        if (!string.IsNullOrWhiteSpace(q.Eccn))
        {
            var e = q.Eccn.Trim().ToLowerInvariant();
            foreach (var n in m.ControlNumbers)
            {
                var cn = n.Value.ToLowerInvariant();
                if (e == cn || e.StartsWith(cn + ".", StringComparison.Ordinal))
                {
                    identified = byClass = true;
                    reasons.Add($"classified {q.Eccn}, under control number {n.Value}");
                    if (n.Unconfirmed) unconfirmed.Add($"control number {n.Value}");
                    break;
                }
                if (cn.StartsWith(e + ".", StringComparison.Ordinal)) broader.Add(n.Value);
            }
        }

        var element = Elements.Normalize(q.Element);
        if (element is not null)
        {
            var hit = m.Elements.FirstOrDefault(x => x.Value.Equals(element, StringComparison.OrdinalIgnoreCase));
            if (hit.Value is not null)
            {
                identified = true;
                reasons.Add($"element {element} is listed");
                if (hit.Unconfirmed) unconfirmed.Add($"element {hit.Value}");
            }
        }

        if (!string.IsNullOrWhiteSpace(q.Product))
        {
            var hit = m.Products.FirstOrDefault(p => p.Value.Equals(q.Product.Trim(), StringComparison.OrdinalIgnoreCase));
            if (hit.Value is not null)
            {
                identified = byClass = true;
                reasons.Add($"product {hit.Value} is named");
                if (hit.Unconfirmed) unconfirmed.Add($"product {hit.Value}");
            }
        }

        bool? parameters = null;
        IReadOnlyList<string> paramMissing = [];
        var paramUnconfirmed = false;
        if (!m.Parameters.IsEmpty)
            parameters = m.Parameters.Evaluate(q.ParameterValues, out paramMissing, out paramUnconfirmed);
        if (m.ParametersIdentify && parameters == true && !identified)
        {
            identified = true;
            reasons.Add($"parameters meet {m.Parameters}");
            if (paramUnconfirmed) unconfirmed.Add($"thresholds {m.Parameters}");
        }

        if (!identified)
        {
            if (broader.Count == 0) return false;
            reasons.Add($"the code given is broader than the controlled {string.Join(", ", broader.Take(4))}{(broader.Count > 4 ? ", …" : "")}");
            missing.Add("a more precise HS code or control number");
            return true;
        }
        if (m.CriteriaUnknown) missing.Add("the rule's technical criteria, which are not in the data (check the announcement's annex)");
        if (byClass) return true; // a classification asserts the item's requirements

        if (m.ContainsList.Count > 0)
        {
            var names = string.Join(", ", m.ContainsList.Select(x => x.Value));
            if (element is null) missing.Add($"which element the item contains (controlled if it contains {names})");
            else if (m.ContainsList.All(x => !x.Value.Equals(element, StringComparison.OrdinalIgnoreCase))) return false;
            else reasons.Add($"contains {element}");
        }
        if (parameters == false) return false;
        if (parameters is null && !m.Parameters.IsEmpty)
            missing.Add($"technical parameters {string.Join(", ", paramMissing)} (controlled when {m.Parameters})");
        if (parameters == true && !m.ParametersIdentify)
        {
            reasons.Add($"parameters meet {m.Parameters}");
            if (paramUnconfirmed) unconfirmed.Add($"thresholds {m.Parameters}");
        }
        return true;
    }

    private static bool Same(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    internal static string Percent(decimal share) => (share * 100m).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + " %";
}
