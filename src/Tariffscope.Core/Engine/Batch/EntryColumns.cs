namespace Tariffscope.Engine.Batch;

/// <summary>The facts of an entry line a file can carry.</summary>
public enum EntryField { Code, Origin, Date, Value, Quantity, Unit, Quantity2, Unit2, MetalShare, Program, Importer, UsContentShare }

/// <summary>
/// Which input column holds which fact. Header names are matched without regard to case, spaces, dashes or
/// underscores against a list of usual names; <c>--map col=field</c> settles the rest.
/// </summary>
public sealed class EntryColumns
{
    /// <summary>The usual names of each field, as importers' and brokers' files write them.</summary>
    public static readonly IReadOnlyDictionary<EntryField, string[]> DefaultNames = new Dictionary<EntryField, string[]>
    {
        [EntryField.Code] = ["code", "hts", "hts10", "htsus", "hts_code", "htsno", "tariff_code", "hs_code"],
        [EntryField.Origin] = ["origin", "country", "coo", "country_of_origin", "origin_country"],
        [EntryField.Date] = ["date", "entry_date"],
        [EntryField.Value] = ["value", "customs_value", "entered_value", "value_usd"],
        [EntryField.Quantity] = ["qty", "quantity", "qty1", "quantity1"],
        [EntryField.Unit] = ["unit", "unit1", "uom"],
        [EntryField.Quantity2] = ["qty2", "quantity2"],
        [EntryField.Unit2] = ["unit2", "uom2"],
        [EntryField.MetalShare] = ["metal_share", "metal_content_share"],
        [EntryField.Program] = ["program", "spi", "programme"],
        [EntryField.Importer] = ["importer", "importing_country"],
        [EntryField.UsContentShare] = ["us_content_share", "us_content"],
    };

    private static readonly Dictionary<string, EntryField> FieldNames = Enum.GetValues<EntryField>()
        .ToDictionary(f => Key(Snake(f.ToString())), f => f);

    private readonly int[] _index;

    public IReadOnlyList<string> Headers { get; }
    public bool HasDefaultDate { get; }

    private EntryColumns(IReadOnlyList<string> headers, int[] index, bool hasDefaultDate)
    {
        Headers = headers;
        _index = index;
        HasDefaultDate = hasDefaultDate;
    }

    /// <summary>The column holding a field, or -1.</summary>
    public int this[EntryField f] => _index[(int)f];

    /// <summary>Header name of the column holding a field (for messages), or the field's own name.</summary>
    public string NameOf(EntryField f) => _index[(int)f] >= 0 ? Headers[_index[(int)f]] : FieldName(f);

    public static string FieldName(EntryField f) => Snake(f.ToString());

    /// <summary>
    /// Matches <paramref name="headers"/> to fields. <paramref name="overrides"/> maps a column name to a field name
    /// (<c>"Tariff No" → "code"</c>). Throws <see cref="ArgumentException"/> naming what is missing or unclear.
    /// </summary>
    public static EntryColumns Match(IReadOnlyList<string> headers, IReadOnlyDictionary<string, string>? overrides, bool hasDefaultDate)
    {
        var index = Enumerable.Repeat(-1, FieldNames.Count).ToArray();
        var headerKeys = headers.Select(Key).ToArray();
        foreach (var (col, fieldName) in overrides ?? new Dictionary<string, string>())
        {
            if (!FieldNames.TryGetValue(Key(fieldName), out var field))
                throw new ArgumentException($"--map {col}={fieldName}: unknown field '{fieldName}' (fields: {string.Join(", ", FieldNames.Values.Select(FieldName))})");
            var i = Array.IndexOf(headerKeys, Key(col));
            if (i < 0) throw new ArgumentException($"--map {col}={fieldName}: the file has no column '{col}' (columns: {string.Join(", ", headers)})");
            index[(int)field] = i;
        }
        foreach (var (field, names) in DefaultNames)
        {
            if (index[(int)field] >= 0) continue;
            var hits = Enumerable.Range(0, headers.Count)
                .Where(i => names.Any(n => Key(n) == headerKeys[i]) && !index.Contains(i)).ToList();
            if (hits.Count > 1)
                throw new ArgumentException($"columns {string.Join(" and ", hits.Select(h => $"'{headers[h]}'"))} could both be the {FieldName(field)}: say which with --map COLUMN={FieldName(field)}");
            if (hits.Count == 1) index[(int)field] = hits[0];
        }
        var missing = new List<EntryField> { EntryField.Code, EntryField.Origin, EntryField.Value };
        if (!hasDefaultDate) missing.Add(EntryField.Date);
        missing.RemoveAll(f => index[(int)f] >= 0);
        if (missing.Count > 0)
            throw new ArgumentException($"no column for {string.Join(", ", missing.Select(FieldName))} among the headers ({string.Join(", ", headers)}); " +
                $"usual names: {string.Join("; ", missing.Select(f => FieldName(f) + ": " + string.Join("/", DefaultNames[f])))}" +
                (missing.Contains(EntryField.Date) ? "; or give every line a date with --date" : "") + "; or map one with --map COLUMN=FIELD");
        if (index[(int)EntryField.Quantity2] >= 0 && index[(int)EntryField.Unit2] < 0 || index[(int)EntryField.Quantity] >= 0 && index[(int)EntryField.Unit] < 0)
            throw new ArgumentException("a quantity column needs its unit column (qty with unit, qty2 with unit2)");
        return new EntryColumns(headers, index, hasDefaultDate);
    }

    /// <summary>Parses "--map" text: "Tariff No=code,Ctry=origin".</summary>
    public static IReadOnlyDictionary<string, string> ParseMap(string? text)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(text)) return map;
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0 || eq == pair.Length - 1) throw new ArgumentException($"--map: expected COLUMN=FIELD pairs separated by commas, found '{pair}'");
            map[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }
        return map;
    }

    private static string Key(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i > 0 && !char.IsDigit(pascal[i - 1]) ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));
}
