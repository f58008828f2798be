using System.Globalization;

namespace Tariffscope.Duties;

public abstract partial record DutyExpression
{
    /// <summary>Reads a rate text of the HTS ("Free", "6.5%", "2.4¢/kg + 5%", …). Never throws: a text it
    /// cannot read becomes an <see cref="UnparsedDuty"/>. An empty text is null (no rate stated).</summary>
    public static DutyExpression? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        if (t.Equals("Free", StringComparison.OrdinalIgnoreCase)) return FreeDuty.Instance;
        if (t.EndsWith('%') && decimal.TryParse(t[..^1], NumberStyles.Number, CultureInfo.InvariantCulture, out var pct))
            return new AdValoremDuty(pct / 100m);
        return new UnparsedDuty(t, "form not yet supported");
    }
}
