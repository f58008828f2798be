namespace Tariffscope.Economics;

/// <summary>Estimated elasticities for the products under one HS prefix (2, 4 or 6 digits), with where they come from.</summary>
public sealed record ElasticityEntry(string Prefix, Elasticities Values, string? Source = null);

/// <summary>The elasticities chosen for a product: from the longest matching prefix, or the defaults (Prefix null).</summary>
public sealed record ElasticityMatch(Elasticities Values, string? Prefix, string? Source)
{
    public bool IsDefault => Prefix is null;
}

/// <summary>
/// Elasticities by HS code prefix. A product takes the entry with the longest prefix of its code (6 before 4 before 2
/// digits) and falls back to the defaults, which the caller must report (<see cref="ElasticityMatch.IsDefault"/>).
/// </summary>
public sealed class ElasticityTable
{
    private static readonly int[] PrefixLengths = [6, 4, 2];
    private readonly Dictionary<string, ElasticityEntry> byPrefix = new(StringComparer.Ordinal);

    public Elasticities Defaults { get; }
    public string? DefaultsSource { get; }
    public IReadOnlyCollection<ElasticityEntry> Entries => byPrefix.Values;

    public ElasticityTable(Elasticities defaults, IEnumerable<ElasticityEntry>? entries = null, string? defaultsSource = null)
    {
        if (defaults.Problem() is { } problem) throw new ArgumentException("defaults: " + problem, nameof(defaults));
        Defaults = defaults;
        DefaultsSource = defaultsSource;
        foreach (var e in entries ?? [])
        {
            if (e.Prefix.Length is not (2 or 4 or 6) || !e.Prefix.All(char.IsAsciiDigit))
                throw new ArgumentException($"prefix '{e.Prefix}' must be 2, 4 or 6 digits", nameof(entries));
            if (e.Values.Problem() is { } p) throw new ArgumentException($"prefix {e.Prefix}: {p}", nameof(entries));
            if (!byPrefix.TryAdd(e.Prefix, e)) throw new ArgumentException($"prefix {e.Prefix} is given twice", nameof(entries));
        }
    }

    /// <summary>Only the GSIM defaults, no product estimates.</summary>
    public static ElasticityTable GsimDefaultsOnly { get; } = new(Elasticities.GsimDefaults);

    /// <summary>The elasticities for a product code (dots and spaces ignored; HTS8/10 codes look up their HS6 and shorter prefixes).</summary>
    public ElasticityMatch Lookup(string productCode)
    {
        var digits = new string(productCode.Where(char.IsAsciiDigit).ToArray());
        foreach (var len in PrefixLengths)
            if (digits.Length >= len && byPrefix.TryGetValue(digits[..len], out var e))
                return new ElasticityMatch(e.Values, e.Prefix, e.Source);
        return new ElasticityMatch(Defaults, null, DefaultsSource);
    }
}
