using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Tariffscope.Policy;

namespace Tariffscope.Data.Policy;

/// <summary>What an import stored: the list names written, codes per list, and the rows left out with why.</summary>
public sealed record ListImportResult(IReadOnlyDictionary<string, int> Lists, IReadOnlyList<ListFileReject> Rejects, int Rows, Validity? When);

/// <summary>
/// Product lists the user imported (`tariffscope data import-list NAME FILE`): stored as `lists/NAME.csv`
/// (<c>code,from,through</c>; the dates empty for a list that holds on every day) with a `lists/NAME.source.txt`
/// beside it. A list imported under the name of a built-in one replaces it; imports of the same name with other dates
/// add versions, so a list amended over time is imported once per amendment.
/// </summary>
public static class ImportedLists
{
    public static IEnumerable<ProductList> Load(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "lists");
        if (!Directory.Exists(folder)) yield break;
        foreach (var path in Directory.EnumerateFiles(folder, "*.csv").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var sourcePath = Path.ChangeExtension(path, ".source.txt");
            var source = File.Exists(sourcePath) ? File.ReadAllText(sourcePath).Trim() : "imported file";
            var rows = ReadStored(path);
            var all = rows.Select(r => r.Code).ToImmutableHashSet(StringComparer.Ordinal);
            var versions = rows.Where(r => r.When is not null).GroupBy(r => r.When!.Value).OrderBy(g => g.Key.From)
                .Select(g => new ListVersion(g.Key, g.Select(r => r.Code).ToImmutableHashSet(StringComparer.Ordinal), "imported")).ToImmutableArray();
            yield return new ProductList(name, $"{name} (imported)", new Provenance(source, Note: $"imported list, {all.Count} codes"), all, [])
                { Versions = versions };
        }
    }

    /// <summary>The names of the lists imported into <paramref name="dataDirectory"/>.</summary>
    public static IReadOnlySet<string> Names(string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "lists");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.csv").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal)!
            : new HashSet<string>();
    }

    /// <summary>Stores the codes of <paramref name="file"/> under <paramref name="name"/> (and, with
    /// <paramref name="splitColumn"/>, under NAME-VALUE for each value of that column), in force over <paramref name="when"/>.</summary>
    public static ListImportResult Import(string dataDirectory, string name, string file, string? source, Validity? when = null, string? splitColumn = null)
    {
        CheckName(name);
        ListFileContent content;
        using (var s = File.OpenRead(file)) content = ProductListFile.Read(s, file, splitColumn);
        if (content.Codes.Count == 0) throw new FormatException($"{file}: no codes found");
        var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal) { [name] = [.. content.Codes.Select(c => c.Code)] };
        if (splitColumn is not null)
            foreach (var g in content.Codes.GroupBy(c => c.Group))
            {
                var part = $"{name}-{Slug(g.Key)}";
                CheckName(part);
                lists[part] = [.. g.Select(c => c.Code)];
            }
        var folder = Path.Combine(dataDirectory, "lists");
        Directory.CreateDirectory(folder);
        foreach (var (list, codes) in lists)
        {
            var target = Path.Combine(folder, list + ".csv");
            // another version of the same list stays; the same span is replaced
            var kept = File.Exists(target) ? ReadStored(target).Where(r => r.When is not null && r.When != when) : [];
            if (when is null) kept = [];
            var sb = new StringBuilder("code,from,through\n");
            foreach (var (code, w) in kept.Select(r => (r.Code, r.When)).Concat(codes.Distinct().Select(c => (c, when))))
                sb.Append(code).Append(',').Append(w?.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                  .Append(w?.Through?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
            var temp = target + $".{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, sb.ToString());
            File.Move(temp, target, overwrite: true);
            File.WriteAllText(Path.Combine(folder, list + ".source.txt"), source ?? $"imported from {Path.GetFileName(file)} on {DateTime.UtcNow:yyyy-MM-dd}");
        }
        return new ListImportResult(lists.ToDictionary(kv => kv.Key, kv => kv.Value.Distinct().Count()), content.Rejects, content.Rows, when);
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || name.Contains(".."))
            throw new ArgumentException($"'{name}' is not a list name; use letters, digits, '-', '_' or '.'");
    }

    private static string Slug(string value) =>
        new string(value.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()) is { Length: > 0 } s ? s : "none";

    /// <summary>The stored rows: a code, and the span it is listed over (null: every day). Files written before
    /// lists had dates hold a single <c>code</c> column.</summary>
    private static List<(string Code, Validity? When)> ReadStored(string path)
    {
        var rows = new List<(string, Validity?)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var f = line.Split(',');
            Validity? when = f.Length >= 2 && f[1].Length > 0
                ? new Validity(DateOnly.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                    f.Length >= 3 && f[2].Length > 0 ? DateOnly.ParseExact(f[2], "yyyy-MM-dd", CultureInfo.InvariantCulture) : null)
                : null;
            rows.Add((f[0].Trim(), when));
        }
        return rows;
    }
}
