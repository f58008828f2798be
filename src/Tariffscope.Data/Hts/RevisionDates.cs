using System.Globalization;

namespace Tariffscope.Data.Hts;

/// <summary>One revision of a revisions list: its name as written there, the date it takes effect, and its line.</summary>
public sealed record RevisionDate(string Name, DateOnly EffectiveDate, RevisionKey? Key, int Line);

/// <summary>
/// A list of HTS revisions and their effective dates, read from a CSV with at least the columns
/// <c>revision</c> and <c>effective_date</c> (YYYY-MM-DD); other columns are ignored.
/// </summary>
public sealed class RevisionDates
{
    public string FileName { get; }
    public IReadOnlyList<RevisionDate> Revisions { get; }

    private readonly Dictionary<RevisionKey, RevisionDate> _byKey = [];
    private readonly Dictionary<string, RevisionDate> _byName = new(StringComparer.OrdinalIgnoreCase);

    private RevisionDates(string fileName, IReadOnlyList<RevisionDate> revisions)
    {
        FileName = fileName;
        Revisions = revisions;
        foreach (var r in revisions)
        {
            _byName[r.Name] = r;
            if (r.Key is { } k) _byKey[k] = r;
        }
    }

    public static RevisionDates Read(string path) => From(CsvTable.Read(path));

    public static RevisionDates Parse(string text, string fileName) => From(CsvTable.Parse(text, fileName));

    private static RevisionDates From(CsvTable table)
    {
        int nameAt = table.Require("revision"), dateAt = table.Require("effective_date");
        var read = new List<(string Name, DateOnly Date, int Line)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var rec in table.Records)
        {
            var name = rec[nameAt];
            if (name.Length == 0) throw rec.Error(nameAt, "a revision name such as rev_17 or 2026_basic");
            if (seen.TryGetValue(name, out var first)) throw rec.Error(nameAt, $"each revision once (already on line {first})");
            seen[name] = rec.Line;
            if (!DateOnly.TryParseExact(rec[dateAt], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw rec.Error(dateAt, "a date written YYYY-MM-DD");
            read.Add((name, date, rec.Line));
        }
        // Names without a year ("rev_17") belong to the list's first year: the year of its basic edition.
        var basic = read.FirstOrDefault(r => r.Name.Equals("basic", StringComparison.OrdinalIgnoreCase));
        int baseYear = basic.Name is not null ? basic.Date.Year : read.Count > 0 ? read.Min(r => r.Date).Year : 0;
        var list = read.Select(r => new RevisionDate(r.Name, r.Date, RevisionNames.FromRevisionName(r.Name, baseYear), r.Line))
            .OrderBy(r => r.EffectiveDate).ToList();
        return new RevisionDates(table.FileName, list);
    }

    public RevisionDate? ByName(string name) => _byName.GetValueOrDefault(name.Trim());

    /// <summary>The revision a USITC export stands for, from its file name ("hts_2025_rev_17.json.gz" → rev_17).</summary>
    public RevisionDate? ForFile(string fileName) =>
        RevisionNames.FromFileName(fileName) is { } key ? _byKey.GetValueOrDefault(key) : null;
}
