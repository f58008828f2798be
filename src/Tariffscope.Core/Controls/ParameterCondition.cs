using System.Globalization;

namespace Tariffscope.Controls;

public enum Comparison { AtLeast, Above, AtMost, Below, Equal }

/// <summary>
/// One technical threshold, e.g. "tpp &gt;= 4800" or "purity &gt; 99.9". Names and units are listed in
/// data/controls/README.md (purity in %, density in g/cm³, tpp as defined in ECCN 3A090, …).
/// </summary>
public sealed record ParameterCondition(string Name, Comparison Op, decimal Threshold, bool Unconfirmed = false)
{
    public bool Holds(decimal value) => Op switch
    {
        Comparison.AtLeast => value >= Threshold,
        Comparison.Above => value > Threshold,
        Comparison.AtMost => value <= Threshold,
        Comparison.Below => value < Threshold,
        _ => value == Threshold,
    };

    private static readonly (string Text, Comparison Op)[] Operators =
        [(">=", Comparison.AtLeast), ("<=", Comparison.AtMost), (">", Comparison.Above), ("<", Comparison.Below), ("=", Comparison.Equal)];

    /// <summary>Parses "name op number" with an optional trailing "?" for an unconfirmed threshold; null if malformed.</summary>
    public static ParameterCondition? TryParse(string text)
    {
        var t = text.Trim();
        var unconfirmed = t.EndsWith('?');
        if (unconfirmed) t = t[..^1].TrimEnd();
        foreach (var (op, cmp) in Operators)
        {
            var at = t.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0) continue;
            var name = t[..at].Trim().ToLowerInvariant();
            var number = t[(at + op.Length)..].Trim().TrimEnd('%');
            if (name.Length == 0 || !name.All(c => char.IsLetterOrDigit(c) || c == '_')) return null;
            if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return null;
            return new ParameterCondition(name, cmp, value, unconfirmed);
        }
        return null;
    }

    public override string ToString()
    {
        var op = Op switch
        {
            Comparison.AtLeast => ">=", Comparison.Above => ">", Comparison.AtMost => "<=", Comparison.Below => "<", _ => "=",
        };
        return $"{Name} {op} {Threshold.ToString(CultureInfo.InvariantCulture)}{(Unconfirmed ? "?" : "")}";
    }
}

/// <summary>
/// Technical criteria as alternatives: the item meets them when every condition of at least one alternative
/// holds (3A090.a: "tpp &gt;= 4800" or "tpp &gt;= 1600 and pd &gt;= 5.92").
/// </summary>
public sealed record ParameterTest(IReadOnlyList<IReadOnlyList<ParameterCondition>> Alternatives)
{
    public static readonly ParameterTest None = new([]);
    public bool IsEmpty => Alternatives.Count == 0;

    /// <summary>True / false when decidable from the given values, null when a needed value is missing.</summary>
    public bool? Evaluate(IReadOnlyDictionary<string, decimal> values, out IReadOnlyList<string> missing, out bool usedUnconfirmed)
    {
        var miss = new SortedSet<string>(StringComparer.Ordinal);
        usedUnconfirmed = false;
        var anyUnknown = false;
        foreach (var alternative in Alternatives)
        {
            bool? result = true;
            var unconfirmedHere = false;
            foreach (var c in alternative)
            {
                if (!values.TryGetValue(c.Name, out var v)) { miss.Add(c.Name); if (result == true) result = null; continue; }
                if (!c.Holds(v)) { result = false; break; }
                unconfirmedHere |= c.Unconfirmed;
            }
            if (result == true) { missing = []; usedUnconfirmed = unconfirmedHere; return true; }
            if (result is null) anyUnknown = true;
        }
        missing = miss.ToList();
        return anyUnknown ? null : false;
    }

    public IEnumerable<string> Names => Alternatives.SelectMany(a => a).Select(c => c.Name).Distinct();

    public override string ToString() => string.Join(" or ", Alternatives.Select(a => string.Join(" and ", a)));
}
