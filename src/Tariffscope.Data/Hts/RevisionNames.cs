using System.Text.RegularExpressions;

namespace Tariffscope.Data.Hts;

/// <summary>
/// Which HTS edition a revision is: its year, and either the basic edition (revision 0) or revision N. Revision
/// lists name 2025's revisions without the year ("basic", "rev_17") and later years' with it ("2026_rev_3");
/// USITC exports are named "hts_2025_rev_17.json.gz". Both are read here so a file can find its date.
/// </summary>
public readonly record struct RevisionKey(int Year, int Number)
{
    public bool IsBasic => Number == 0;

    /// <summary>"2025 Basic Edition", "2025 Revision 17".</summary>
    public override string ToString() => IsBasic ? $"{Year} Basic Edition" : $"{Year} Revision {Number}";
}

public static partial class RevisionNames
{
    [GeneratedRegex(@"^(?:hts[_-]?)?(?<year>\d{4})[_ -](?<kind>basic|rev(?:ision)?[_ -]?(?<n>\d+))(?:\.json)?(?:\.gz)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"^(?:(?<year>\d{4})_)?(?<kind>basic|rev_(?<n>\d+))$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RevisionNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeNamePattern();

    /// <summary>The edition a USITC export's file name stands for ("hts_2026_rev_3.json.gz" → 2026 Revision 3).</summary>
    public static RevisionKey? FromFileName(string fileName)
    {
        var m = FileNamePattern().Match(Path.GetFileName(fileName));
        if (!m.Success) return null;
        int year = int.Parse(m.Groups["year"].Value);
        return new RevisionKey(year, m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value) : 0);
    }

    /// <summary>
    /// The edition a revision-list name stands for. A name without a year ("rev_17") belongs to
    /// <paramref name="yearOfUnqualified"/>, the list's first year.
    /// </summary>
    public static RevisionKey? FromRevisionName(string name, int yearOfUnqualified)
    {
        var m = RevisionNamePattern().Match(name.Trim());
        if (!m.Success) return null;
        int year = m.Groups["year"].Success ? int.Parse(m.Groups["year"].Value) : yearOfUnqualified;
        return new RevisionKey(year, m.Groups["n"].Success ? int.Parse(m.Groups["n"].Value) : 0);
    }

    /// <summary>A human title for a revision name: "rev_17" → "2025 Revision 17" when the year is known.</summary>
    public static string Title(string name, int? yearOfUnqualified = null)
    {
        var m = RevisionNamePattern().Match(name.Trim());
        if (!m.Success) return name;
        if (!m.Groups["year"].Success && yearOfUnqualified is null)
            return m.Groups["n"].Success ? $"Revision {m.Groups["n"].Value}" : "Basic Edition";
        return FromRevisionName(name, yearOfUnqualified ?? 0)!.Value.ToString();
    }

    /// <summary>True for a name that can also be a file name: letters, digits, '_', '.', '-' (at most 64).</summary>
    public static bool IsSafe(string name) => SafeNamePattern().IsMatch(name) && !name.Contains("..", StringComparison.Ordinal);
}
