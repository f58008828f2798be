using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Hts;

/// <summary>Each distinct rate text parsed once per file.</summary>
internal sealed class RateTexts
{
    private readonly Dictionary<string, DutyExpression?> _duties = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImmutableArray<SpecialRate>> _special = new(StringComparer.Ordinal);

    public DutyExpression? Duty(string text)
    {
        if (text.Length == 0) return null;
        if (!_duties.TryGetValue(text, out var d)) _duties[text] = d = DutyExpression.Parse(text);
        return d;
    }

    public ImmutableArray<SpecialRate> Special(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (!_special.TryGetValue(text, out var s)) _special[text] = s = SpecialRates.Parse(text);
        return s;
    }
}
