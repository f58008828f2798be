using System.Globalization;
using System.Text;

namespace Tariffscope.Data.Hts;

/// <summary>One USITC export imported into the data directory.</summary>
public sealed record ImportedRevision(
    string Name,
    DateOnly EffectiveDate,
    string Source,
    DateTimeOffset ImportedAt,
    string Sha256,
    int Rows)
{
    /// <summary>"2025 Revision 17" for the names of the official revisions list, else the name itself.</summary>
    public string Title => RevisionNames.Title(Name, EffectiveDate.Year);
}

/// <summary>
/// The data directory's list of imported revisions, <c>hts/revisions.csv</c>:
/// <c>revision,effective_date,source,imported_at,sha256,rows</c>.
/// </summary>
public static class ImportedRevisions
{
    private static readonly string[] Columns = ["revision", "effective_date", "source", "imported_at", "sha256", "rows"];

    /// <summary>The imported revisions by effective date; empty when nothing was imported.</summary>
    public static IReadOnlyList<ImportedRevision> Read(DataDirectory dir)
    {
        if (!File.Exists(dir.HtsRevisionsFile)) return [];
        var table = CsvTable.Read(dir.HtsRevisionsFile);
        var at = Columns.Select(table.Require).ToArray();
        var list = new List<ImportedRevision>();
        foreach (var rec in table.Records)
        {
            var name = rec[at[0]];
            if (!RevisionNames.IsSafe(name)) throw rec.Error(at[0], "a revision name of letters, digits, '_', '.' or '-'");
            if (!DateOnly.TryParseExact(rec[at[1]], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw rec.Error(at[1], "a date written YYYY-MM-DD");
            if (!DateTimeOffset.TryParse(rec[at[3]], CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var importedAt))
                throw rec.Error(at[3], "a timestamp such as 2026-11-28T10:15:00Z");
            if (!int.TryParse(rec[at[5]], NumberStyles.None, CultureInfo.InvariantCulture, out var rows))
                throw rec.Error(at[5], "a whole number of rows");
            list.Add(new ImportedRevision(name, date, rec[at[2]], importedAt, rec[at[4]], rows));
        }
        return list.OrderBy(r => r.EffectiveDate).ToList();
    }

    /// <summary>
    /// Writes the list whole, through a temporary file of its own (two writers never share one) and one rename, so a
    /// crash never leaves half a list and a reader sees the old list or the new. Callers changing the list hold
    /// <see cref="DataDirectoryLock"/> from reading it to writing it.
    /// </summary>
    public static void Write(DataDirectory dir, IEnumerable<ImportedRevision> revisions)
    {
        Directory.CreateDirectory(dir.HtsFolder);
        var sb = new StringBuilder().AppendLine(string.Join(',', Columns));
        foreach (var r in revisions.OrderBy(r => r.EffectiveDate))
            sb.AppendLine(string.Join(',',
                Csv(r.Name), r.EffectiveDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Csv(r.Source),
                r.ImportedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), r.Sha256,
                r.Rows.ToString(CultureInfo.InvariantCulture)));
        var temp = dir.HtsRevisionsFile + $".{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, sb.ToString(), new UTF8Encoding(false));
            File.Move(temp, dir.HtsRevisionsFile, overwrite: true);
        }
        finally { File.Delete(temp); }
    }

    private static string Csv(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
