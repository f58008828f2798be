using System.Collections.Immutable;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Tariffscope.Data.Hts;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using Tariffscope.Trade;

namespace Tariffscope.Data.Record;

/// <summary>A source file the record was compiled from, with its sha256.</summary>
public sealed record RecordSource(string Path, string Sha256, int Bytes);

/// <summary>A revision of the schedule the record holds.</summary>
public sealed record RecordRevision(string Name, string Title, DateOnly EffectiveDate, string SourceFile);

/// <summary>
/// The official record built into the tool: every USITC revision of 2025–2026, the official product lists with their
/// dates, and the claim shares, compiled from their sources by <see cref="RecordCompiler"/> into one resource
/// (<c>data/compiled/us-record.bin</c>), like a time-zone database. A newer record dropped into the data directory
/// (<c>record/us-record.bin</c>) is used instead, without rebuilding the tool.
/// </summary>
public sealed class BuiltInRecord
{
    public const string ResourceName = "compiled/us-record.bin";

    /// <summary>The first twelve hex digits of the payload's sha256: which build of the record answered.</summary>
    public string Edition { get; }
    /// <summary>Where the record was read from: "built-in" or the path of a file in the data directory.</summary>
    public string Origin { get; }
    public IReadOnlyList<RecordSource> Sources { get; }
    public IReadOnlyList<RecordRevision> Revisions { get; }
    public IReadOnlyList<RevisionNotHeld> Unheld { get; }
    /// <summary>Published revisions left out on purpose, with why (2026 revision 8).</summary>
    public IReadOnlyDictionary<string, string> Skipped { get; }
    /// <summary>The official product lists, dated where the record changes them.</summary>
    public IReadOnlyList<ProductList> Lists { get; }
    /// <summary>The claim shares: for a programme and partner, the share of each HTS10 line's imports that claimed it,
    /// by month (and over 2024, the annual table).</summary>
    public IReadOnlyList<ClaimShareTable> ClaimTables { get; }

    private readonly LineRecord[] _lines;
    private readonly int[][] _sequences;
    private readonly Lazy<Schedule> _schedule;

    private readonly record struct LineRecord(string Code, int Indent, string Description, ImmutableArray<string> Headings, ImmutableArray<string> Units,
        string General, string Special, string Other, ImmutableArray<string> Refs, string? Quota, string? Additional, string? ParentCode,
        Footnote[] Footnotes);

    private static readonly Lazy<BuiltInRecord> Shipped = new(() =>
    {
        using var s = BuiltInData.Open(ResourceName);
        using var m = new MemoryStream();
        s.CopyTo(m);
        return Read(m.ToArray(), "built-in");
    });

    /// <summary>The record shipped inside the tool (read once per process).</summary>
    public static BuiltInRecord BuiltIn() => Shipped.Value;

    /// <summary>The record in <paramref name="dir"/> when one was dropped there, else the shipped one.</summary>
    public static BuiltInRecord For(DataDirectory dir)
    {
        var path = RecordFile(dir);
        return File.Exists(path) ? Read(File.ReadAllBytes(path), path) : BuiltIn();
    }

    /// <summary>Where a newer record goes in a data directory.</summary>
    public static string RecordFile(DataDirectory dir) => Path.Combine(dir.Root, "record", "us-record.bin");

    public static BuiltInRecord Read(byte[] bytes, string origin)
    {
        var magic = Encoding.ASCII.GetBytes(RecordCompiler.Magic + "\n");
        if (bytes.Length < magic.Length + 4 || !bytes.AsSpan(0, magic.Length).SequenceEqual(magic))
            throw new InvalidDataException($"{origin}: not a Tariffscope record (expected a file written by `tariffscope data compile`)");
        var version = BitConverter.ToInt32(bytes, magic.Length);
        if (version != RecordCompiler.FormatVersion)
            throw new InvalidDataException($"{origin}: a record of format {version}; this version of the tool reads format {RecordCompiler.FormatVersion} (compile it again with this version)");
        using var payload = new MemoryStream();
        try
        {
            using var brotli = new BrotliStream(new MemoryStream(bytes, magic.Length + 4, bytes.Length - magic.Length - 4), CompressionMode.Decompress);
            brotli.CopyTo(payload);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{origin}: the record is damaged ({e.Message})", e);
        }
        var data = payload.ToArray();
        return new BuiltInRecord(new RecordReader(data), Convert.ToHexStringLower(SHA256.HashData(data))[..12], origin);
    }

    private BuiltInRecord(RecordReader r, string edition, string origin)
    {
        Edition = edition;
        Origin = origin;
        _lines = new LineRecord[r.Int()];
        for (int i = 0; i < _lines.Length; i++)
        {
            string code = r.ReqStr(); int indent = r.Int(); string desc = r.Str() ?? "";
            var headings = Strs(r); var units = Strs(r);
            string general = r.Str() ?? "", special = r.Str() ?? "", other = r.Str() ?? "";
            var refs = Strs(r);
            string? quota = r.Str(), additional = r.Str(), parent = r.Str();
            var notes = new Footnote[r.Int()];
            for (int k = 0; k < notes.Length; k++)
                notes[k] = new Footnote(r.Str() ?? "", Strs(r), r.Str() ?? "") { Marker = r.Str() };
            _lines[i] = new LineRecord(code, indent, desc, headings, units, general, special, other, refs, quota, additional, parent, notes);
        }

        var revisions = new List<RecordRevision>();
        _sequences = new int[r.Int()][];
        int[] previous = [];
        for (int k = 0; k < _sequences.Length; k++)
        {
            string name = r.ReqStr();
            var effective = r.Date();
            string title = r.ReqStr(), file = r.ReqStr();
            revisions.Add(new RecordRevision(name, title, effective, file));
            _sequences[k] = previous = ApplyDelta(r, previous);
        }
        Revisions = revisions;

        var unheld = new List<RevisionNotHeld>();
        for (int n = r.Int(), k = 0; k < n; k++) unheld.Add(new RevisionNotHeld(r.ReqStr(), r.Date(), r.Str() ?? ""));
        Unheld = unheld;
        var skipped = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int n = r.Int(), k = 0; k < n; k++) skipped[r.ReqStr()] = r.Str() ?? "";
        Skipped = skipped;

        var claims = new List<ClaimShareTable>();
        for (int n = r.Int(), k = 0; k < n; k++)
        {
            string program = r.ReqStr(), title = r.ReqStr();
            var source = ReadSource(r);
            string partner = r.ReqStr();
            var from = r.Date();
            bool annual = r.Bool();
            var file = r.ReqStr();
            var rows = r.Int();
            var shares = new Dictionary<string, decimal>(rows, StringComparer.Ordinal);
            for (int m = 0; m < rows; m++) shares[r.ReqStr()] = (decimal)r.Double();
            claims.Add(new ClaimShareTable(program, partner, from, annual, shares, source with { Citation = file, Note = title }));
        }
        ClaimTables = claims;

        var lists = new List<ProductList>();
        for (int n = r.Int(), k = 0; k < n; k++)
        {
            string name = r.ReqStr(), title = r.ReqStr();
            var source = ReadSource(r);
            var versions = ImmutableArray.CreateBuilder<ListVersion>();
            for (int vn = r.Int(), v = 0; v < vn; v++)
            {
                var from = r.Date();
                var through = r.OptionalDate();
                var note = r.Str();
                var codes = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
                for (int cn = r.Int(), c = 0; c < cn; c++) codes.Add(r.ReqStr());
                versions.Add(new ListVersion(new Validity(from, through), codes.ToImmutable(), note));
            }
            var notes = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            for (int cn = r.Int(), c = 0; c < cn; c++) notes[r.ReqStr()] = r.ReqStr();
            // the union of every version, for readers that ask "is it ever on the list"
            var all = versions.SelectMany(v => v.Prefixes).ToImmutableHashSet(StringComparer.Ordinal);
            lists.Add(new ProductList(name, title, source, all, []) { Versions = versions.ToImmutable(), Notes = notes.ToImmutable() });
        }
        Lists = lists;

        var sources = new List<RecordSource>();
        for (int n = r.Int(), k = 0; k < n; k++) sources.Add(new RecordSource(r.ReqStr(), r.ReqStr(), r.Int()));
        Sources = sources;
        _schedule = new(BuildSchedule);
    }

    private static ImmutableArray<string> Strs(RecordReader r)
    {
        var n = r.Int();
        if (n == 0) return [];
        var b = ImmutableArray.CreateBuilder<string>(n);
        for (int i = 0; i < n; i++) b.Add(r.Str() ?? "");
        return b.MoveToImmutable();
    }

    private static Provenance ReadSource(RecordReader r) =>
        new(r.ReqStr(), r.Str(), r.Str(), r.Str(), (Confidence)r.Int(), r.Str());

    private static int[] ApplyDelta(RecordReader r, int[] before)
    {
        var after = new List<int>(before.Length + 64);
        int i = 0;
        for (int ops = r.Int(), k = 0; k < ops; k++)
        {
            var kind = r.Int();
            switch (kind)
            {
                case 0: { var n = r.Int(); after.AddRange(before.AsSpan(i, n)); i += n; break; }
                case 1: i += r.Int(); break;
                case 2: for (int n = r.Int(), m = 0; m < n; m++) after.Add(r.Int()); break;
                default: throw new InvalidDataException($"the record's schedule holds an unknown edit ({kind}): the file is damaged");
            }
        }
        return [.. after];
    }

    /// <summary>The schedule of every revision the record holds; each revision's lines are made on first use, and
    /// lines that read the same in several revisions are shared.</summary>
    public Schedule Schedule => _schedule.Value;

    private Schedule BuildSchedule()
    {
        var pool = new RevisionPool();
        return new Schedule(Revisions.Select((rev, k) => new ScheduleRevision(rev.Name, rev.EffectiveDate,
            $"USITC HTS {rev.Title} ({SourceText})", () => Materialize(_sequences[k], pool))));
    }

    /// <summary>"built-in record a1b2c3d4e5f6": how answers name the record behind them.</summary>
    public string SourceText => Origin == "built-in" ? $"built-in record {Edition}" : $"record {Edition} from {Origin}";

    private IReadOnlyList<TariffLine> Materialize(int[] sequence, RevisionPool pool)
    {
        var lines = new TariffLine[sequence.Length];
        var byCode = new Dictionary<string, TariffLine>(sequence.Length, StringComparer.Ordinal);
        for (int i = 0; i < sequence.Length; i++)
        {
            var l = _lines[sequence[i]];
            TariffLine? parent = l.ParentCode is null ? null
                : byCode.GetValueOrDefault(l.ParentCode) ?? throw new InvalidDataException($"the record's line {l.Code} names a parent {l.ParentCode} that does not come before it");
            var key = new RevisionPool.LineKey(l.Code, l.Indent, l.Description, l.Headings, l.Units, l.General, l.Special, l.Other,
                pool.Notes([.. l.Footnotes.Select(pool.Note)]), pool.Codes(l.Refs), l.Quota, l.Additional, parent);
            lines[i] = pool.Line(key, 0); // a compiled line has no row of a file to point to
            byCode.TryAdd(l.Code, lines[i]);
        }
        return lines;
    }

    /// <summary>Every revision the record knows of, held or not, as a revisions list that dates an export by its name.</summary>
    public RevisionDates KnownDates() => _knownDates ??= ListKnownDates();
    private RevisionDates? _knownDates;

    private RevisionDates ListKnownDates()
    {
        var csv = new StringBuilder("revision,effective_date\n");
        foreach (var (name, date) in Revisions.Select(r => (r.Name, r.EffectiveDate)).Concat(Unheld.Select(u => (u.Name, u.EffectiveDate))))
            csv.Append(name).Append(',').Append(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        return RevisionDates.Parse(csv.ToString(), $"the revision list of the {SourceText}");
    }

    /// <summary>Whether the record holds the revision an export's file name stands for.</summary>
    public bool Holds(string exportFileName) =>
        KnownDates().ForFile(exportFileName) is { } d && Revisions.Any(r => r.Name == d.Name);
}
