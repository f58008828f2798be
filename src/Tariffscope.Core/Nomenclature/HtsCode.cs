namespace Tariffscope.Nomenclature;

/// <summary>
/// A tariff code of 2 to 10 digits, stored as digits only ("8471300100"); printed the HTS way ("8471.30.01.00").
/// Also used for Chinese and HS6 codes: the digits are the identity, the dots are presentation.
/// </summary>
public readonly record struct HtsCode : IComparable<HtsCode>
{
    public string Digits { get; }

    private HtsCode(string digits) => Digits = digits;

    public int Length => Digits?.Length ?? 0;
    public bool IsEmpty => string.IsNullOrEmpty(Digits);

    /// <summary>Parses "8471.30.01.00", "847130", "8471 30 01" and the like; null when it is not a code.</summary>
    public static HtsCode? TryParse(string? text) => text is null ? null : TryParse(text.AsSpan());

    /// <inheritdoc cref="TryParse(string?)"/>
    public static HtsCode? TryParse(ReadOnlySpan<char> text)
    {
        if (text.IsWhiteSpace()) return null;
        Span<char> buf = stackalloc char[10];
        int n = 0;
        foreach (var ch in text.Trim())
        {
            if (ch is >= '0' and <= '9')
            {
                if (n == 10) return null;
                buf[n++] = ch;
            }
            else if (ch is '.' or ' ' or '-') continue;
            else return null;
        }
        if (n < 2) return null;
        return new HtsCode(new string(buf[..n]));
    }

    public static HtsCode Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"'{text}' is not a tariff code (expected 2 to 10 digits, e.g. 8471.30.01.00)");

    /// <summary>True when this code lies under <paramref name="prefix"/> (or is it).</summary>
    public bool StartsWith(HtsCode prefix) => Digits.StartsWith(prefix.Digits, StringComparison.Ordinal);

    public HtsCode Truncate(int digits) => digits >= Length ? this : new HtsCode(Digits[..digits]);

    public int CompareTo(HtsCode other) => string.CompareOrdinal(Digits, other.Digits);

    public override string ToString()
    {
        if (IsEmpty) return "";
        var d = Digits;
        return d.Length switch
        {
            <= 4 => d,
            <= 6 => $"{d[..4]}.{d[4..]}",
            <= 8 => $"{d[..4]}.{d[4..6]}.{d[6..]}",
            _ => $"{d[..4]}.{d[4..6]}.{d[6..8]}.{d[8..]}",
        };
    }
}
