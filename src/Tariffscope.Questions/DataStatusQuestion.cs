using Tariffscope.Data;
using Tariffscope.Data.Hts;
using Tariffscope.Data.Policy;
using Tariffscope.Data.Record;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Questions;

/// <param name="FastCopy">Whether the revision has a current binary copy of its lines (hts/cache), which commands
/// read instead of the JSON; one is made on the next read when missing.</param>
public sealed record RevisionStatus(string Revision, string Title, DateOnly EffectiveDate, int Rows, DateTimeOffset ImportedAt, string Source, string Sha256, bool FilePresent, bool FastCopy);

/// <summary>One revision of the record, and whether an import replaced it.</summary>
public sealed record RecordRevisionStatus(string Revision, string Title, DateOnly EffectiveDate, string SourceFile, string Sha256, bool ReplacedByImport);

public sealed record RecordStatus(string Edition, string Origin, IReadOnlyList<RecordRevisionStatus> Revisions, IReadOnlyList<RevisionNotHeld> NotHeld,
    IReadOnlyDictionary<string, string> LeftOut, IReadOnlyList<RecordSource> Sources, int ClaimTables);

public sealed record ListVersionStatus(DateOnly From, DateOnly? Through, int Codes, string? Note);

/// <param name="Kind">official (compiled from the official list into the record), sample (part of an official list the
/// record lacks), written (written out in the policy files from the legal text), footnotes (defined by the schedule's
/// own footnotes), imported (the user's file).</param>
public sealed record ListStatus(string Name, string Title, string Kind, string Source, int Codes, IReadOnlyList<ListVersionStatus> Versions);

public sealed record StatusView(string DataDirectory, string ChosenBy, RecordStatus Record, IReadOnlyList<RevisionStatus> Imported,
    IReadOnlyList<ListStatus> Lists, string Schedule, DateOnly Date, string AnswersOn);

/// <summary>What the data directory and the built-in record hold, and which of them answers: `data status`.</summary>
public static class DataStatusQuestion
{
    public static StatusView Ask(DataDirectory dir, DateOnly date)
    {
        var imported = ImportedRevisions.Read(dir);
        var revisions = imported.Select(r => new RevisionStatus(r.Name, r.Title, r.EffectiveDate, r.Rows, r.ImportedAt, r.Source, r.Sha256,
            File.Exists(dir.RevisionFile(r.Name)), RevisionCache.IsCurrent(dir.RevisionCacheFile(r.Name), new FileInfo(dir.RevisionFile(r.Name))))).ToList();
        var source = revisions.All(r => r.FilePresent) ? ScheduleSource.Load(dir) : ScheduleSource.BuiltIn();
        var record = source.Record;
        var sha = record.Sources.ToDictionary(s => s.Path, s => s.Sha256);
        bool Replaced(RecordRevision r) => source.Imported.Any(i => i.Name.Equals(r.Name, StringComparison.OrdinalIgnoreCase) || i.EffectiveDate == r.EffectiveDate);
        var recordStatus = new RecordStatus(record.Edition, record.Origin,
            record.Revisions.Select(r => new RecordRevisionStatus(r.Name, r.Title, r.EffectiveDate, r.SourceFile, sha.GetValueOrDefault(r.SourceFile, ""),
                Replaced(r))).ToList(),
            record.Unheld, record.Skipped, record.Sources, record.ClaimTables.Count);

        var policy = PolicyLoader.Load(dir.Root, Workspace.OtherThanShipped(record)).ActualPolicy;
        var importedNames = ImportedLists.Names(dir.Root);
        var official = record.Lists.Select(l => l.Name).ToHashSet(StringComparer.Ordinal);
        var lists = policy.Lists.Values.OrderBy(l => l.Name, StringComparer.Ordinal).Select(l => new ListStatus(l.Name, l.Title,
                importedNames.Contains(l.Name) ? "imported" : official.Contains(l.Name) ? "official" : l.IsSample ? "sample"
                : l.FootnoteHeadings.IsEmpty ? "written" : "footnotes",
                l.Source.ToString(), l.Prefixes.Count,
                l.Versions.Select(v => new ListVersionStatus(v.When.From, v.When.Through, v.Prefixes.Count, v.Note)).ToList()))
            .ToList();
        return new StatusView(dir.Root, dir.Origin, recordStatus, revisions, lists, source.Description, date, source.DescribeOn(date));
    }
}
