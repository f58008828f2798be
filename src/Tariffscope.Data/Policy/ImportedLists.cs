using System.Collections.Immutable;
using Tariffscope.Policy;

namespace Tariffscope.Data.Policy;

/// <summary>
/// Product lists the user imported (`tariffscope data import-list NAME FILE`): stored as `lists/NAME.csv` in the
/// data directory with a `lists/NAME.source.txt` beside it; a list imported under a shipped list's name replaces
/// the built-in sample.
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
            using var stream = File.OpenRead(path);
            var codes = ProductListFile.Read(stream, path);
            yield return new ProductList(name, $"{name} (imported)", new Provenance(source, Note: $"imported list, {codes.Count} codes"),
                codes.ToImmutableHashSet(StringComparer.Ordinal), []);
        }
    }

    /// <summary>Validates and stores a list file under a name; returns the number of codes.</summary>
    public static int Import(string dataDirectory, string name, string file, string? source)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new ArgumentException($"'{name}' is not a list name; use letters, digits, '-', '_' or '.'");
        IReadOnlyList<string> codes;
        using (var s = File.OpenRead(file)) codes = ProductListFile.Read(s, file);
        if (codes.Count == 0) throw new FormatException($"{file}: no codes found");
        var folder = Path.Combine(dataDirectory, "lists");
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, name + ".csv");
        var temp = target + ".tmp";
        File.WriteAllLines(temp, codes.Prepend("code"));
        File.Move(temp, target, overwrite: true);
        File.WriteAllText(Path.Combine(folder, name + ".source.txt"), source ?? $"imported from {Path.GetFileName(file)} on {DateTime.UtcNow:yyyy-MM-dd}");
        return codes.Count;
    }
}
