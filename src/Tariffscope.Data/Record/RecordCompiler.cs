using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using Tariffscope.Data.Hts;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;

namespace Tariffscope.Data.Record;

/// <summary>
/// Compiles the official sources a <see cref="RecordRecipe"/> names (the USITC exports of every revision, the claim
/// shares, the product lists) into the bytes of one built-in record. The same sources and recipe always give the same
/// bytes: everything is written in a fixed order, and nothing of the machine or the clock goes in.
/// </summary>
/// <remarks>
/// The schedule is delta-encoded: each distinct line (its texts, rates, footnotes and parent's code) is stored once,
/// and each revision as the edits that turn the previous revision's sequence of lines into its own, so forty
/// revisions that differ in a few hundred lines each cost little more than one.
/// </remarks>
public static class RecordCompiler
{
    public const string Magic = "tariffscope-record";
    /// <summary>Bump whenever the layout of the payload changes.</summary>
    public const int FormatVersion = 1;

    /// <summary>The record's bytes, compiled from the files under <paramref name="sourceFolder"/>.</summary>
    public static byte[] Compile(string sourceFolder, RecordRecipe recipe, Action<string>? progress = null)
    {
        var sources = new SourceFiles(sourceFolder);
        var w = new RecordWriter();

        progress?.Invoke("schedule revisions");
        var revisions = WriteSchedule(w, sources, recipe.Schedule, progress);
        progress?.Invoke("claim shares");
        WriteClaims(w, sources, recipe.Claims);
        progress?.Invoke("product lists");
        WriteLists(w, sources, recipe.Lists, revisions);
        sources.Write(w);

        var payload = w.Payload();
        using var output = new MemoryStream();
        output.Write(Encoding.ASCII.GetBytes(Magic));
        output.WriteByte((byte)'\n');
        output.Write(BitConverter.GetBytes(FormatVersion)); // little-endian on every platform .NET runs on here
        using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) brotli.Write(payload);
        return output.ToArray();
    }

    // ---- schedule ---------------------------------------------------------------------------------------------------

    private static List<(string Name, DateOnly Date)> WriteSchedule(RecordWriter w, SourceFiles sources, ScheduleRecipe recipe, Action<string>? progress)
    {
        var dates = RevisionDates.Parse(sources.Text(recipe.Revisions), Path.GetFileName(recipe.Revisions));
        var exportFolder = Path.GetDirectoryName(recipe.Exports) ?? "";
        var held = new List<(RevisionDate Date, string File)>();
        var firstYear = dates.Revisions.Min(r => r.EffectiveDate.Year); // the list names that year's revisions without it
        foreach (var file in sources.List(exportFolder).Where(f => RevisionNames.FromFileName(f) is not null))
        {
            var key = RevisionNames.FromFileName(file)!.Value;
            var name = key.Year == firstYear ? (key.IsBasic ? "basic" : $"rev_{key.Number}")
                : key.IsBasic ? $"{key.Year}_basic" : $"{key.Year}_rev_{key.Number}";
            if (dates.ForFile(file) is { } d) held.Add((d, Path.Combine(exportFolder, file)));
            else if (!recipe.Skipped.ContainsKey(name))
                throw new InvalidDataException($"{file}: {Path.GetFileName(recipe.Revisions)} gives no date for {name}, and the recipe does not say why it is left out");
        }
        held.Sort((a, b) => a.Date.EffectiveDate.CompareTo(b.Date.EffectiveDate));

        // Each distinct line once: its content with its parent's code (not the parent object, which differs by revision).
        var lineIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineRecords = new List<TariffLine>();
        var sequences = new List<int[]>();
        foreach (var (date, file) in held)
        {
            progress?.Invoke($"  {date.Name} ({file})");
            var lines = HtsJsonReader.Read(new MemoryStream(sources.Bytes(file)), Path.GetFileName(file)).Lines;
            var seq = new int[lines.Count];
            for (int i = 0; i < lines.Count; i++)
            {
                var key = LineKey(lines[i]);
                if (!lineIds.TryGetValue(key, out var id)) { lineIds[key] = id = lineRecords.Count; lineRecords.Add(lines[i]); }
                seq[i] = id;
            }
            sequences.Add(seq);
        }

        w.Int(lineRecords.Count);
        foreach (var l in lineRecords)
        {
            w.Str(l.Code.Digits); w.Int(l.Indent); w.Str(l.Description); Strs(w, l.GroupHeadings); Strs(w, l.Units);
            w.Str(l.GeneralText); w.Str(l.SpecialText); w.Str(l.OtherText); Strs(w, l.Chapter99Refs.Select(c => c.Digits));
            w.Str(l.QuotaQuantity); w.Str(l.AdditionalDuties); w.Str(l.Parent?.Code.Digits);
            w.Int(l.Footnotes.Length);
            foreach (var f in l.Footnotes) { w.Str(f.Text); Strs(w, f.Columns); w.Str(f.Type); w.Str(f.Marker); }
        }
        w.Int(held.Count);
        int[] previous = [];
        for (int r = 0; r < held.Count; r++)
        {
            var (date, file) = held[r];
            w.Str(date.Name); w.Date(date.EffectiveDate); w.Str(RevisionNames.Title(date.Name, held[0].Date.EffectiveDate.Year)); w.Str(file);
            WriteDelta(w, previous, sequences[r]);
            previous = sequences[r];
        }

        // Revisions the record knows of but does not hold: answers after they take effect must say so.
        var later = new List<(string Name, DateOnly Date, string Note)>();
        if (recipe.Later is { } laterFile)
        {
            var table = CsvTable.Parse(sources.Text(laterFile), Path.GetFileName(laterFile));
            int nameAt = table.Require("revision"), dateAt = table.Require("effective_date"), noteAt = table.Require("note");
            var heldNames = held.Select(h => h.Date.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var rec in table.Records)
            {
                if (heldNames.Contains(rec[nameAt]) || recipe.Skipped.ContainsKey(rec[nameAt])) continue;
                if (!DateOnly.TryParseExact(rec[dateAt], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw rec.Error(dateAt, "a date written YYYY-MM-DD");
                later.Add((rec[nameAt], d, rec[noteAt]));
            }
        }
        w.Int(later.Count);
        foreach (var (name, d, note) in later) { w.Str(name); w.Date(d); w.Str(note); }
        w.Int(recipe.Skipped.Count);
        foreach (var (name, why) in recipe.Skipped.OrderBy(kv => kv.Key, StringComparer.Ordinal)) { w.Str(name); w.Str(why); }
        return held.Select(h => (h.Date.Name, h.Date.EffectiveDate)).ToList();
    }

    private static string LineKey(TariffLine l) => string.Join('\u001f',
        l.Code.Digits, l.Indent.ToString(CultureInfo.InvariantCulture), l.Description, string.Join('\u001e', l.GroupHeadings), string.Join('\u001e', l.Units),
        l.GeneralText, l.SpecialText, l.OtherText, string.Join('\u001e', l.Chapter99Refs.Select(c => c.Digits)), l.QuotaQuantity ?? "\u0000",
        l.AdditionalDuties ?? "\u0000", l.Parent?.Code.Digits ?? "\u0000",
        string.Join('\u001e', l.Footnotes.Select(f => $"{f.Text}\u001d{string.Join('\u001c', f.Columns)}\u001d{f.Type}\u001d{f.Marker ?? "\u0000"}")));

    private static void Strs(RecordWriter w, IEnumerable<string> items)
    {
        var list = items as IReadOnlyCollection<string> ?? items.ToList();
        w.Int(list.Count);
        foreach (var s in list) w.Str(s);
    }

    /// <summary>
    /// The edits from one revision's sequence of lines to the next: runs of "keep the next n", "drop the next n" and
    /// "insert these". Greedy rather than minimal: lines keep their order in the HTS, so the runs are long.
    /// </summary>
    private static void WriteDelta(RecordWriter w, int[] before, int[] after)
    {
        var positions = new Dictionary<int, int>(before.Length);
        for (int k = 0; k < before.Length; k++) positions.TryAdd(before[k], k);
        var ops = new List<(int Kind, int Count, List<int>? Ids)>();
        int i = 0, j = 0;
        while (j < after.Length)
        {
            if (i < before.Length && before[i] == after[j])
            {
                int n = 0;
                while (i < before.Length && j < after.Length && before[i] == after[j]) { i++; j++; n++; }
                ops.Add((0, n, null));
            }
            else if (positions.TryGetValue(after[j], out var p) && p > i)
            {
                ops.Add((1, p - i, null));
                i = p;
            }
            else
            {
                if (ops.Count == 0 || ops[^1].Kind != 2) ops.Add((2, 0, []));
                ops[^1].Ids!.Add(after[j]);
                j++;
            }
        }
        w.Int(ops.Count);
        foreach (var (kind, count, ids) in ops)
        {
            w.Int(kind);
            if (kind == 2) { w.Int(ids!.Count); foreach (var id in ids) w.Int(id); }
            else w.Int(count);
        }
    }

    // ---- claim shares -----------------------------------------------------------------------------------------------

    private static void WriteClaims(RecordWriter w, SourceFiles sources, ImmutableArray<ClaimRecipe> claims)
    {
        var tables = new List<(ClaimRecipe Recipe, string File, DateOnly From, bool Annual)>();
        foreach (var c in claims)
        {
            tables.Add((c, Path.Combine(c.Folder, c.Annual), new DateOnly(2024, 1, 1), true));
            var (prefix, suffix) = Split(c.Monthly, "{month}");
            foreach (var f in sources.List(c.Folder).Where(f => f.StartsWith(prefix, StringComparison.Ordinal) && f.EndsWith(suffix, StringComparison.Ordinal) && f != c.Annual))
            {
                var month = f[prefix.Length..^suffix.Length];
                if (!DateOnly.TryParseExact(month + "_01", "yyyy_MM_dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)) continue;
                tables.Add((c, Path.Combine(c.Folder, f), from, false));
            }
        }
        w.Int(tables.Sum(t => t.Recipe.Partners.Count)); // one table per source file and partner
        foreach (var (c, file, from, annual) in tables.OrderBy(t => t.Recipe.Program, StringComparer.Ordinal).ThenBy(t => t.From))
        {
            var table = CsvTable.Parse(sources.Text(file), Path.GetFileName(file));
            int codeAt = table.Require("hts10"), ctyAt = table.Require("cty_code"), shareAt = table.Require("usmca_share");
            int totalAt = table.Header.ToList().FindIndex(h => h.Equals("total_value", StringComparison.OrdinalIgnoreCase));
            foreach (var partner in c.Partners.OrderBy(p => p.Value, StringComparer.Ordinal))
            {
                var rows = new SortedDictionary<string, double>(StringComparer.Ordinal);
                foreach (var rec in table.Records)
                {
                    if (rec[ctyAt] != partner.Key) continue;
                    // a month without imports of the line says nothing about claims: leave it out
                    if (totalAt >= 0 && double.TryParse(rec[totalAt], NumberStyles.Float, CultureInfo.InvariantCulture, out var total) && total <= 0) continue;
                    if (!double.TryParse(rec[shareAt], NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share is < 0 or > 1)
                        throw rec.Error(shareAt, "a share between 0 and 1");
                    if (HtsCode.TryParse(rec[codeAt]) is not { Length: 10 } code) throw rec.Error(codeAt, "a 10-digit HTS code");
                    rows[code.Digits] = share;
                }
                w.Str(c.Program); w.Str(c.Title); WriteSource(w, c.Source); w.Str(partner.Value); w.Date(from); w.Bool(annual); w.Str(file);
                w.Int(rows.Count);
                foreach (var (code, share) in rows) { w.Str(code); w.Double(share); }
            }
        }
    }

    private static (string Prefix, string Suffix) Split(string pattern, string placeholder)
    {
        var at = pattern.IndexOf(placeholder, StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException($"'{pattern}' has no {placeholder}");
        return (pattern[..at], pattern[(at + placeholder.Length)..]);
    }

    // ---- lists ------------------------------------------------------------------------------------------------------

    private static void WriteLists(RecordWriter w, SourceFiles sources, ImmutableArray<ListRecipe> lists, List<(string Name, DateOnly Date)> revisions)
    {
        w.Int(lists.Length);
        foreach (var l in lists)
        {
            var versions = new List<(DateOnly From, DateOnly? Through, SortedSet<string> Codes, string? Note)>();
            foreach (var v in l.Versions)
            {
                var codes = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var t in v.Files) codes.UnionWith(ListFiles.Codes(sources, t));
                foreach (var t in v.Except) codes.ExceptWith(ListFiles.Codes(sources, t));
                var note = v.Confidence is { } c && c != Confidence.High ? $"confidence {c.ToString().ToLowerInvariant()}: {v.Note}" : v.Note;
                versions.Add((v.From, v.Through, codes, note));
            }
            if (l.PerRevision is { } pr)
                for (int r = 0; r < revisions.Count; r++)
                {
                    var file = pr.File.File.Replace("{revision}", revisions[r].Name, StringComparison.Ordinal);
                    if (!sources.Exists(file)) continue;
                    var codes = new SortedSet<string>(ListFiles.Codes(sources, pr.File with { File = file }), StringComparer.Ordinal);
                    if (versions.Count == 0 && codes.Count == 0) continue; // not yet listed
                    if (versions.Count > 0 && versions[^1].Codes.SetEquals(codes)) continue; // unchanged: the version runs on
                    var from = versions.Count == 0 && pr.FirstFrom is { } first && first < revisions[r].Date ? first : revisions[r].Date;
                    if (versions.Count > 0) versions[^1] = versions[^1] with { Through = from.AddDays(-1) };
                    versions.Add((from, null, codes, $"as listed in HTS {RevisionNames.Title(revisions[r].Name, revisions[0].Date.Year)}"));
                }
            var notes = l.CodeNotes is { } cn ? ListFiles.Notes(sources, cn) : new SortedDictionary<string, string>(StringComparer.Ordinal);

            w.Str(l.Name); w.Str(l.Title); WriteSource(w, l.Source);
            w.Int(versions.Count);
            foreach (var (from, through, codes, note) in versions)
            {
                w.Date(from); w.OptionalDate(through); w.Str(note);
                w.Int(codes.Count);
                foreach (var code in codes) w.Str(code);
            }
            w.Int(notes.Count);
            foreach (var (code, text) in notes) { w.Str(code); w.Str(text); }
        }
    }

    internal static void WriteSource(RecordWriter w, Provenance p)
    {
        w.Str(p.Instrument); w.Str(p.Citation); w.Str(p.Heading); w.Str(p.Link); w.Int((int)p.Confidence); w.Str(p.Note);
    }

    /// <summary>The source files read, each once, with the sha256 the record keeps of it.</summary>
    private sealed class SourceFiles(string root)
    {
        private readonly SortedDictionary<string, byte[]> _read = new(StringComparer.Ordinal);

        public byte[] Bytes(string relative)
        {
            var key = relative.Replace('\\', '/');
            if (_read.TryGetValue(key, out var b)) return b;
            var path = Path.Combine(root, key);
            if (!File.Exists(path)) throw new FileNotFoundException($"the recipe names {key}, which is not in {root}", path);
            return _read[key] = File.ReadAllBytes(path);
        }

        public string Text(string relative) => Encoding.UTF8.GetString(Bytes(relative)).TrimStart('\uFEFF');
        public bool Exists(string relative) => File.Exists(Path.Combine(root, relative));

        /// <summary>The file names in a folder, in ordinal order (the same on every machine).</summary>
        public IEnumerable<string> List(string folder) =>
            Directory.EnumerateFiles(Path.Combine(root, folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

        public void Write(RecordWriter w)
        {
            w.Int(_read.Count);
            foreach (var (path, bytes) in _read)
            {
                w.Str(path);
                w.Str(Convert.ToHexStringLower(SHA256.HashData(bytes)));
                w.Int(bytes.Length);
            }
        }
    }

    /// <summary>Reads codes (and texts about codes) from the official list files.</summary>
    private static class ListFiles
    {
        private static readonly string[] CodeHeaders = ["htsus", "hts8", "hts10", "hts_prefix", "hts_code", "htsno", "hts", "hs_code", "code"];

        public static IEnumerable<string> Codes(SourceFiles sources, ListFileTerm t)
        {
            if (t.NarrowTo is not { } narrow) return Read(sources, t);
            var tens = Read(sources, narrow).Where(c => c.Length == 10).ToList();
            return Read(sources, t).SelectMany(c => c.Length == 8 && tens.Where(x => x.StartsWith(c, StringComparison.Ordinal)).ToList() is { Count: > 0 } under ? under : [c]);
        }

        private static IEnumerable<string> Read(SourceFiles sources, ListFileTerm t)
        {
            var text = sources.Text(t.File);
            var name = Path.GetFileName(t.File);
            if (t.Between is var (start, end))
            {
                var from = text.IndexOf(start, StringComparison.Ordinal);
                var to = from < 0 ? -1 : text.IndexOf(end, from + start.Length, StringComparison.Ordinal);
                if (from < 0 || to < 0) throw new InvalidDataException($"{name}: the text between \"{start}\" and \"{end}\" was not found");
                // provisions printed as 0402.99.68 or 3004.90.9244; the heading numbers of chapter 99 are not products
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text[(from + start.Length)..to], @"\b\d{4}\.\d{2}(?:\.\d{2}(?:\d{2})?)?\b"))
                    if (!m.Value.StartsWith("99", StringComparison.Ordinal) && HtsCode.TryParse(m.Value) is { } printed && InChapters(printed, t)) yield return ProductList.PrefixOf(printed);
                yield break;
            }
            if (!t.File.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                int n = 0;
                foreach (var raw in text.Split('\n'))
                {
                    n++;
                    var s = raw.Trim();
                    if (s.Length == 0 || s.StartsWith('#')) continue;
                    var code = HtsCode.TryParse(s) ?? throw new InvalidDataException($"{name}:{n}: code: '{s}' is not a tariff code");
                    if (InChapters(code, t)) yield return ProductList.PrefixOf(code);
                }
                yield break;
            }
            var table = CsvTable.Parse(string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith('#'))), name);
            var column = t.Column is { } c ? table.Require(c)
                : table.Header.Select((h, i) => (h, i)).FirstOrDefault(x => CodeHeaders.Contains(x.h.ToLowerInvariant()), (null!, -1)).Item2;
            if (column < 0) throw new InvalidDataException($"{name}: no column of codes (expected one of {string.Join(", ", CodeHeaders)}; the recipe may name it)");
            var where = t.Where.Select(kv => (At: table.Require(kv.Key), kv.Value)).ToList();
            foreach (var rec in table.Records)
            {
                if (where.Any(x => rec[x.At] != x.Value)) continue;
                var code = HtsCode.TryParse(rec[column]) ?? throw rec.Error(column, "a tariff code");
                if (InChapters(code, t)) yield return ProductList.PrefixOf(code);
            }
        }

        private static bool InChapters(HtsCode code, ListFileTerm t) =>
            t.Chapters is not { } ch || int.Parse(code.Digits[..2], CultureInfo.InvariantCulture) is var n && n >= ch.From && n <= ch.Through;

        public static SortedDictionary<string, string> Notes(SourceFiles sources, CodeNotesRecipe r)
        {
            var table = CsvTable.Parse(sources.Text(r.File), Path.GetFileName(r.File));
            var codesAt = table.Require(r.CodesColumn);
            var notes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var rec in table.Records)
            {
                var text = r.Template;
                for (int i = 0; i < table.Header.Count; i++) text = text.Replace("{" + table.Header[i] + "}", rec[i], StringComparison.Ordinal);
                foreach (var raw in rec[codesAt].Split(r.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var code = HtsCode.TryParse(raw) ?? throw rec.Error(codesAt, "tariff codes separated by " + r.Separator);
                    var key = ProductList.PrefixOf(code);
                    notes[key] = notes.TryGetValue(key, out var before) ? before + " | " + text : text;
                }
            }
            return notes;
        }
    }
}
