using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Tariffscope.Duties;

public abstract partial record DutyExpression
{
    // A schedule revision holds ~2,500 distinct rate texts over ~100,000 cells, and the expressions are
    // immutable: reading each distinct text once keeps loading cheap. Bounded so odd input cannot grow it forever.
    private static readonly ConcurrentDictionary<string, DutyExpression?> ParseCache = new(StringComparer.Ordinal);
    private const int ParseCacheLimit = 50_000;
    private static int ParseCacheSize; // ConcurrentDictionary.Count takes every lock: a plain counter bounds it

    /// <summary>Reads a rate text of the HTS ("Free", "6.5%", "2.4¢/kg + 5%", …). Never throws: a text it
    /// cannot read becomes an <see cref="UnparsedDuty"/>. An empty text is null (no rate stated).</summary>
    public static DutyExpression? Parse(string? text)
    {
        if (text is null) return null;
        if (ParseCache.TryGetValue(text, out var cached)) return cached;
        var clean = DutyText.Clean(text);
        var result = clean.Length == 0 ? null : DutyParser.Read(clean);
        if (ParseCacheSize < ParseCacheLimit && ParseCache.TryAdd(text, result)) Interlocked.Increment(ref ParseCacheSize);
        return result;
    }
}

/// <summary>
/// A hand-written reader for the rate texts of the schedule (no regular expressions: it runs on every distinct
/// text of every revision loaded). Grammar, informally:
/// <code>
/// rate      = "Free" [("," condition) | ("(" condition ")")]
///           | reference [("+" | "plus" | "minus") sum]        reference = "The duty…", "The rate…", "A duty…", "See …", "No change"
///           | specific "less" specific "for each degree under" N "degrees (and fractions of a degree in proportion) but not less [than]" specific
///           | sum
/// sum       = term { "+" term }
/// term      = ["a duty of"] ( percent [("on"|"of"|"upon") part] | money ("/" unit ["over" N] | "each") )
/// percent   = N ["N/N"] ("%" | "percent")          money = "$" N | N "¢"
/// </code>
/// </summary>
internal static class DutyParser
{
    /// <summary>Numbers above this are not rates but garbled text.</summary>
    private const decimal MaxNumber = 1_000_000m;

    private static readonly string[] ReferenceLeads = ["The duty", "The rate", "A duty", "See ", "No change"];

    public static DutyExpression Read(string t)
    {
        if (t.Equals("Free", StringComparison.OrdinalIgnoreCase)) return FreeDuty.Instance;
        if (TryConditionalFree(t) is { } conditional) return conditional;
        foreach (var lead in ReferenceLeads)
            if (t.StartsWith(lead, StringComparison.OrdinalIgnoreCase)) return ReadReference(t);
        if (t.Contains(" less ", StringComparison.OrdinalIgnoreCase)) return ReadGraded(t);
        return ReadSum(t, t);
    }

    private static DutyExpression? TryConditionalFree(string t)
    {
        if (t.Length < 6 || !t.StartsWith("Free", StringComparison.OrdinalIgnoreCase)) return null;
        var rest = t.AsSpan(4).Trim();
        ReadOnlySpan<char> condition;
        if (rest.Length > 1 && rest[0] == ',') condition = rest[1..];
        else if (rest.Length > 2 && rest[0] == '(' && rest[^1] == ')') condition = rest[1..^1];
        else return null;
        condition = condition.Trim().TrimEnd('.').Trim();
        return condition.IsEmpty ? null : new ConditionalDuty(FreeDuty.Instance, condition.ToString());
    }

    private static DutyExpression ReadReference(string t)
    {
        if (t.TrimEnd('.').Equals("No change", StringComparison.OrdinalIgnoreCase)) return ReferencedDuty.NoChange;
        var (at, length, subtract) = FindReferenceOperator(t);
        if (at < 0) return new ReferencedDuty(t.TrimEnd('.').TrimEnd());
        var reference = t[..at].Trim().TrimEnd('.').TrimEnd(); // "subheading .+ 25%": no space left before the operator
        var additional = ReadSum(t[(at + length)..].Trim(), t);
        return additional is UnparsedDuty u
            ? new UnparsedDuty(t, u.Reason)
            : new ReferencedDuty(reference, additional, subtract);
    }

    private static readonly System.Text.RegularExpressions.Regex OperatorWord = new(@"\splus(?![A-Za-z])\s?", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
    private static readonly System.Text.RegularExpressions.Regex MinusWord = new(@"\sminus(?![A-Za-z])\s?", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static (int At, int Length, bool Subtract) FindReferenceOperator(string t)
    {
        var plus = TopLevelIndexOf(t, '+', 0);
        // "plus"/"minus" as a word, whatever follows it ("minus+0.5%" as well as "minus 0.5%"), so that a reference
        // never ends in an operator word that reads differently once printed
        var plusWord = OperatorWord.Match(t) is { Success: true } p ? p : null;
        var minusWord = MinusWord.Match(t) is { Success: true } m ? m : null;
        (int, int, bool) best = (-1, 0, false);
        foreach (var candidate in new[] { (plus, 1, false), (plusWord?.Index ?? -1, plusWord?.Length ?? 0, false), (minusWord?.Index ?? -1, minusWord?.Length ?? 0, true) })
            if (candidate.Item1 >= 0 && (best.Item1 < 0 || candidate.Item1 < best.Item1)) best = candidate;
        return best;
    }

    private static DutyExpression ReadSum(string s, string whole)
    {
        var terms = ImmutableArray.CreateBuilder<DutyExpression>();
        var start = 0;
        while (true)
        {
            var plus = TopLevelIndexOf(s, '+', start);
            var end = plus < 0 ? s.Length : plus;
            var (term, error) = ReadTerm(s.AsSpan(start, end - start));
            if (term is null) return new UnparsedDuty(whole, error!);
            terms.Add(term);
            if (plus < 0) break;
            start = plus + 1;
        }
        return terms.Count == 1 ? terms[0] : new CompoundDuty(terms.ToImmutable());
    }

    private static int TopLevelIndexOf(string s, char wanted, int from)
    {
        var depth = 0;
        for (var i = from; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            else if (c == wanted && depth == 0) return i;
        }
        return -1;
    }

    /// <summary>One part of a sum: a percentage (of the whole or of a part) or an amount per unit.</summary>
    private static (DutyExpression? Term, string? Error) ReadTerm(ReadOnlySpan<char> text)
    {
        var c = new Cursor(text.Trim());
        if (c.AtEnd) return (null, "empty part between '+' signs");
        c.EatPhrase("a duty of ");
        var dollars = c.Eat('$');
        if (!c.TryNumber(out var n, out var mixed)) return (null, $"expected a number at \"{c.Rest}\"");
        if (n > MaxNumber) return (null, $"number {n} is out of range for a rate");
        if (!dollars)
        {
            c.SkipSpaces();
            if (c.Eat('%') || c.EatPhrase("percent")) return ReadPercentTail(mixed ?? n / 100m, c.Rest);
            if (mixed is not null) return (null, "a fraction is only read in a percentage");
            if (!c.Eat('¢')) return (null, $"expected '%', '¢' or '$' with the number at \"{c.Rest}\"");
            n /= 100m;
        }
        else if (mixed is not null) return (null, "a fraction is only read in a percentage");
        c.SkipSpaces();
        if (c.Eat('/')) return ReadUnit(n, c.Rest.Trim());
        if (c.EatPhrase("each") && IsJunk(c.Rest)) return (new SpecificDuty(n, DutyUnits.Piece), null);
        return (null, $"expected '/unit' or 'each' after the amount at \"{c.Rest}\"");
    }

    private static (DutyExpression?, string?) ReadPercentTail(decimal rate, ReadOnlySpan<char> rest)
    {
        rest = rest.Trim();
        if (IsJunk(rest)) return (new AdValoremDuty(rate), null);
        var c = new Cursor(rest.TrimStart(',').TrimStart());
        if (!(c.EatPhrase("on ") || c.EatPhrase("of ") || c.EatPhrase("upon ")))
            return (null, $"unexpected \"{rest}\" after the percentage");
        var part = DutyText.PartKey(c.Rest.ToString());
        foreach (var ch in part)
            if (!(char.IsLetter(ch) || ch is ' ' or ',' or '-' or '.' or '\''))
                return (null, $"unexpected \"{rest}\" after the percentage");
        return part.Length == 0 ? (null, "no part named after 'on'") : (new AdValoremOnPartDuty(rate, part), null);
    }

    private static (DutyExpression?, string?) ReadUnit(decimal amount, ReadOnlySpan<char> text)
    {
        var over = 0m;
        var overAt = text.LastIndexOf(" over ", StringComparison.OrdinalIgnoreCase);
        if (overAt > 0)
        {
            var c = new Cursor(text[(overAt + 6)..].Trim());
            if (c.TryNumber(out var allowance, out var mixed) && mixed is null && c.AtEnd && allowance <= MaxNumber)
            {
                over = allowance;
                text = text[..overAt];
            }
        }
        var unit = DutyUnits.Find(text.ToString());
        return unit is null ? (null, $"unknown unit \"{text}\"") : (new SpecificDuty(amount, unit, over), null);
    }

    /// <summary>The graded sugar rates: a base amount less a step per degree of polarity under a reference, with a floor.</summary>
    private static DutyExpression ReadGraded(string t)
    {
        const string ForEach = " for each degree under ";
        const string Proportion = " degrees (and fractions of a degree in proportion) but not less ";
        var less = t.IndexOf(" less ", StringComparison.OrdinalIgnoreCase);
        var forEach = t.IndexOf(ForEach, less, StringComparison.OrdinalIgnoreCase);
        if (forEach < 0) return ReadSum(t, t);
        if (ReadTerm(t.AsSpan(0, less)).Term is not SpecificDuty { Over: 0m } head
            || ReadTerm(t.AsSpan(less + 6, forEach - less - 6)).Term is not SpecificDuty { Over: 0m } step
            || step.Unit != head.Unit)
            return new UnparsedDuty(t, "graded rate: expected amounts per the same unit around 'less'");
        var c = new Cursor(t.AsSpan(forEach + ForEach.Length));
        if (!c.TryNumber(out var reference, out var mixed) || mixed is not null || !c.EatPhrase(Proportion))
            return new UnparsedDuty(t, "graded rate: expected 'N degrees (and fractions of a degree in proportion) but not less than'");
        c.EatPhrase("than ");
        if (ReadTerm(c.Rest).Term is not SpecificDuty { Over: 0m } floor || floor.Unit != head.Unit)
            return new UnparsedDuty(t, "graded rate: expected a floor per the same unit");
        return new GradedSpecificDuty(head.Amount, step.Amount, reference, floor.Amount, head.Unit);
    }

    /// <summary>What may trail a complete part without changing it: a period, a stray slash or colon.</summary>
    private static bool IsJunk(ReadOnlySpan<char> rest)
    {
        foreach (var ch in rest)
            if (ch is not (' ' or '.' or '/' or ':' or ';' or ',')) return false;
        return true;
    }

    /// <summary>A forward-only reader over one part of a rate text.</summary>
    private ref struct Cursor(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _at;

        public readonly bool AtEnd => _at >= _text.Length;
        public readonly ReadOnlySpan<char> Rest => _text[_at..];

        public void SkipSpaces()
        {
            while (_at < _text.Length && _text[_at] == ' ') _at++;
        }

        public bool Eat(char c)
        {
            if (_at >= _text.Length || _text[_at] != c) return false;
            _at++;
            return true;
        }

        public bool EatPhrase(string phrase)
        {
            if (!Rest.StartsWith(phrase, StringComparison.OrdinalIgnoreCase)) return false;
            _at += phrase.Length;
            return true;
        }

        /// <summary>
        /// A decimal number ("6.5", "0.020668", thousands grouped "1,000"); for a percentage also a mixed
        /// fraction ("33 1/3"), returned in <paramref name="mixedRate"/> as the fraction it stands for.
        /// </summary>
        public bool TryNumber(out decimal value, out decimal? mixedRate)
        {
            value = 0m;
            mixedRate = null;
            var start = _at;
            var i = _at;
            while (i < _text.Length && char.IsAsciiDigit(_text[i])) i++;
            if (i == start) return false;
            var wholeEnd = i;
            while (i < _text.Length && _text[i] == ',' && IsDigits(i + 1, 3) && (i + 4 >= _text.Length || !char.IsAsciiDigit(_text[i + 4])))
                i += 4;
            var grouped = i != wholeEnd;
            if (i + 1 < _text.Length && _text[i] == '.' && char.IsAsciiDigit(_text[i + 1]))
            {
                i++;
                while (i < _text.Length && char.IsAsciiDigit(_text[i])) i++;
            }
            if (!decimal.TryParse(_text[start..i], System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowThousands,
                    System.Globalization.CultureInfo.InvariantCulture, out value))
                return false;
            _at = i;
            if (!grouped && i == wholeEnd && TryFraction(out var num, out var den))
                mixedRate = DutyFormat.MixedPercent(value, num, den);
            return true;
        }

        private bool TryFraction(out decimal num, out decimal den)
        {
            num = den = 0m;
            var i = _at;
            if (i >= _text.Length || _text[i] != ' ') return false;
            var numStart = ++i;
            while (i < _text.Length && char.IsAsciiDigit(_text[i])) i++;
            if (i == numStart || i - numStart > 3 || i >= _text.Length || _text[i] != '/') return false;
            var numEnd = i;
            var denStart = ++i;
            while (i < _text.Length && char.IsAsciiDigit(_text[i])) i++;
            if (i == denStart || i - denStart > 3) return false;
            // Only a fraction when a percentage follows: "33 1/3%".
            var j = i;
            while (j < _text.Length && _text[j] == ' ') j++;
            if (j >= _text.Length || _text[j] != '%') return false;
            num = decimal.Parse(_text[numStart..numEnd], provider: System.Globalization.CultureInfo.InvariantCulture);
            den = decimal.Parse(_text[denStart..i], provider: System.Globalization.CultureInfo.InvariantCulture);
            if (den == 0m || num >= den) return false;
            _at = i;
            return true;
        }

        private readonly bool IsDigits(int from, int count)
        {
            if (from + count > _text.Length) return false;
            for (var k = from; k < from + count; k++) if (!char.IsAsciiDigit(_text[k])) return false;
            return true;
        }
    }
}
