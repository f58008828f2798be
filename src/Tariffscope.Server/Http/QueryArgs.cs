using System.Globalization;
using Tariffscope.Nomenclature;

namespace Tariffscope.Server.Http;

/// <summary>
/// Reads query parameters strictly (dates as YYYY-MM-DD, decimals with a point, two-letter countries) and collects
/// every mistake, so one answer names all of them: <c>if (args.Failed(out var problem)) return problem;</c>.
/// </summary>
public sealed class QueryArgs
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    private void Error(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public bool Failed(out IResult problem)
    {
        if (_errors.Count == 0) { problem = null!; return false; }
        var detail = string.Join("; ", _errors.SelectMany(kv => kv.Value.Select(m => $"{kv.Key}: {m}")));
        problem = TypedResults.ValidationProblem(_errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray()),
            detail: detail, title: "Some parameters are not valid");
        return true;
    }

    public string? Required(string field, string? value, string example)
    {
        if (string.IsNullOrWhiteSpace(value)) { Error(field, $"required (e.g. {field}={example})"); return null; }
        return value.Trim();
    }

    public HtsCode Code(string field, string? value, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Error(field, "required: a tariff code of 2 to 10 digits, dots optional (e.g. 8471.30.01.00)");
            return default;
        }
        if (HtsCode.TryParse(value) is { } code) return code;
        Error(field, $"'{value}' is not a tariff code; expected 2 to 10 digits, dots optional (e.g. 8471.30.01.00)");
        return default;
    }

    /// <summary>The dates a question may name: wide enough for any tariff history or plan, and far enough from
    /// DateOnly's ends (0001, 9999) that windows and deadlines counted from them cannot run off the calendar.</summary>
    public static readonly DateOnly MinDate = new(1900, 1, 1), MaxDate = new(2199, 12, 31);

    public DateOnly Date(string field, string? value, DateOnly fallback) => OptionalDate(field, value) ?? fallback;

    public DateOnly? OptionalDate(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            if (d >= MinDate && d <= MaxDate) return d;
            Error(field, $"expected a date from {MinDate:yyyy-MM-dd} to {MaxDate:yyyy-MM-dd}, found '{value}'");
            return null;
        }
        Error(field, $"expected a date written YYYY-MM-DD, found '{value}'");
        return null;
    }

    public DateOnly RequiredDate(string field, string? value, string example)
    {
        if (string.IsNullOrWhiteSpace(value)) { Error(field, $"required: a date written YYYY-MM-DD (e.g. {field}={example})"); return default; }
        return OptionalDate(field, value) ?? default;
    }

    public decimal? Decimal(string field, string? value, decimal min, decimal max, string meaning)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (decimal.TryParse(value.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)
            && d >= min && d <= max) return d;
        Error(field, $"expected {meaning}, found '{value}'");
        return null;
    }

    public int Int(string field, string? value, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        Error(field, $"expected a whole number from {min} to {max}, found '{value}'");
        return fallback;
    }

    /// <summary>An ISO 3166-1 alpha-2 country, upper-cased.</summary>
    public string? Country(string field, string? value, string? fallback = null, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Error(field, $"required: a two-letter country code (e.g. {field}=CN)");
            return fallback;
        }
        var v = value.Trim();
        if (v.Length == 2 && v.All(char.IsAsciiLetter)) return v.ToUpperInvariant();
        Error(field, $"expected a two-letter country code such as CN or DE, found '{value}'");
        return fallback;
    }

    /// <summary>An origin as the questions read it (a country, or a group such as EU): refused here with the
    /// questions' own words, so that every bad field is named in one answer.</summary>
    public string? Origin(string field, string? value, Tariffscope.Policy.PolicySet policy, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) Error(field, $"required: a country of origin (e.g. {field}=CN, or a group such as EU)");
            return null;
        }
        if (Tariffscope.Policy.Origin.TryResolve(policy, value) is null) Error(field, new Tariffscope.Policy.UnknownOriginException(value.Trim()).Message);
        return value.Trim();
    }

    public void Check(bool ok, string field, string message)
    {
        if (!ok) Error(field, message);
    }
}
