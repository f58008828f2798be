using System.Globalization;
using Tariffscope.Controls;

namespace Tariffscope.Data.Controls;

/// <summary>
/// Parses the text fields of a screening query (command-line flags or a shipment file's cells). Each parser
/// returns the value, or an error sentence saying what was expected; the caller adds file, line and field.
/// </summary>
public static class ControlFields
{
    public static (string? Value, string? Error) Country(string? text, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, required ? "missing: expected a two-letter country code such as CN or US" : null);
        var t = text.Trim().ToUpperInvariant();
        return t.Length == 2 && t.All(char.IsAsciiLetterUpper) ? (t, null) : (null, $"expected a two-letter country code such as CN or US, got '{text.Trim()}'");
    }

    public static (DateOnly? Value, string? Error) Date(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, "missing: expected a date YYYY-MM-DD");
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? (d, null) : (null, $"expected a date YYYY-MM-DD, got '{text.Trim()}'");
    }

    public static (string? Value, string? Error) Hs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var code = Nomenclature.HtsCode.TryParse(text);
        return code is null ? (null, $"expected an HS code of 2 to 10 digits such as 8505.11 or 8112929010, got '{text.Trim()}'") : (code.Value.ToString(), null);
    }

    public static (string? Value, string? Error) Element(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        return Elements.Normalize(text) is { } e ? (e, null) : (null, $"expected a chemical element symbol or name such as Dy or dysprosium, got '{text.Trim()}'");
    }

    /// <summary>Technical parameters "name=value" (value a number; a trailing % is dropped: purity is in %).</summary>
    public static (Dictionary<string, decimal>? Value, string? Error) Parameters(IEnumerable<string> items)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var raw in Split(items))
        {
            var (name, value, error) = Pair(raw);
            if (error is not null) return (null, error);
            if (!decimal.TryParse(value!.TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var v))
                return (null, $"expected name=number such as tpp=4800, got '{raw}'");
            result[name!.ToLowerInvariant()] = v;
        }
        return (result, null);
    }

    /// <summary>Content shares "KEY=share": "CN-REE=0.5%" (a percentage) or "CN-REE=0.005" (a fraction 0–1).</summary>
    public static (Dictionary<string, decimal>? Value, string? Error) Content(IEnumerable<string> items)
    {
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var raw in Split(items))
        {
            var (name, value, error) = Pair(raw);
            if (error is not null) return (null, error);
            var percent = value!.EndsWith('%');
            var number = percent ? value[..^1].Trim() : value;
            if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) || v < 0 || (percent ? v > 100 : v > 1))
                return (null, $"expected KEY=share such as CN-REE=0.5% or CN-REE=0.005, got '{raw}'");
            result[name!.ToUpperInvariant()] = percent ? v / 100m : v;
        }
        return (result, null);
    }

    private static IEnumerable<string> Split(IEnumerable<string> items) =>
        items.SelectMany(i => i.Split([';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static (string? Name, string? Value, string? Error) Pair(string raw)
    {
        var eq = raw.IndexOf('=');
        if (eq <= 0 || eq == raw.Length - 1) return (null, null, $"expected NAME=VALUE, got '{raw}'");
        return (raw[..eq].Trim(), raw[(eq + 1)..].Trim(), null);
    }
}
