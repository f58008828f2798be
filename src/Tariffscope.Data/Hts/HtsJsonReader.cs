using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.Json;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Hts;

/// <summary>
/// Reads the USITC's JSON export of the HTS (an array of rows: htsno, indent, description, superior, units,
/// general, special, other, footnotes, quotaQuantity, additionalDuties), plain or gzip-compressed.
/// </summary>
/// <remarks>
/// One pass of <see cref="Utf8JsonReader"/> over the decompressed bytes collects the rows; a second pass builds
/// the tree from row order and indent (a line's parent is the nearest earlier numbered row with a smaller indent;
/// unnumbered rows are group headings of the lines below them) and expands Chapter 99 ranges against the file's
/// own Chapter 99 lines, which come last. Rate texts repeat a lot ("Free", "6.5%"), so each distinct text is
/// parsed once.
/// </remarks>
public static partial class HtsJsonReader
{
    public static HtsFile Read(string path)
    {
        var name = Path.GetFileName(path);
        Stream stream;
        try { stream = File.OpenRead(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HtsFormatException(name, 0, "", "a readable file", $"'{path}' ({e.Message})", e);
        }
        using (stream) return Read(stream, name);
    }

    /// <summary>Reads an export from <paramref name="stream"/>; <paramref name="fileName"/> names it in errors.</summary>
    public static HtsFile Read(Stream stream, string fileName)
    {
        var json = ReadJsonBytes(stream, fileName);
        if (json.Span.StartsWith("\uFEFF"u8)) json = json[3..]; // a UTF-8 byte order mark, which JSON readers refuse
        var rows = new RowParser(fileName).ParseAll(json.Span);
        return Build(rows, fileName);
    }

    // ---- bytes -------------------------------------------------------------------------------------------------

    /// <summary>
    /// Largest JSON text read, compressed or not: a USITC export is about 14 MB (13.6 MB for the 2025 Basic Edition),
    /// so 256 MB is room for growth, while a compression bomb (a few MB that inflate to gigabytes) stops here.
    /// </summary>
    public const int MaxJsonBytes = 256 * 1024 * 1024;

    /// <summary>The JSON text, decompressed when the content starts with the gzip magic bytes (1F 8B).</summary>
    private static ReadOnlyMemory<byte> ReadJsonBytes(Stream stream, string fileName)
    {
        if (stream.CanSeek && stream.Length - stream.Position > MaxJsonBytes) throw TooLarge(fileName, "is");
        var raw = new MemoryStream(stream.CanSeek ? (int)Math.Max(0, stream.Length - stream.Position) : 1 << 20);
        CopyAtMost(stream, raw, MaxJsonBytes, fileName, "is");
        var bytes = raw.GetBuffer().AsMemory(0, (int)raw.Length);
        if (bytes.Length < 2 || bytes.Span[0] != 0x1F || bytes.Span[1] != 0x8B) return bytes;

        // The gzip trailer holds the uncompressed size (mod 2^32): a good first capacity for one copy.
        int hint = bytes.Length >= 18 ? BinaryPrimitives.ReadInt32LittleEndian(bytes.Span[^4..]) : 0;
        var output = new MemoryStream(hint > 0 && hint <= MaxJsonBytes ? hint : (int)Math.Min(MaxJsonBytes, bytes.Length * 8L));
        try
        {
            using var gz = new GZipStream(new MemoryStream(raw.GetBuffer(), 0, (int)raw.Length), CompressionMode.Decompress);
            CopyAtMost(gz, output, MaxJsonBytes, fileName, "decompresses to");
        }
        catch (InvalidDataException e)
        {
            throw new HtsFormatException(fileName, 0, "", "a complete gzip file", $"damaged or truncated compressed data ({e.Message})", e);
        }
        return output.GetBuffer().AsMemory(0, (int)output.Length);
    }

    private static void CopyAtMost(Stream from, MemoryStream to, int limit, string fileName, string verb)
    {
        var buf = new byte[81920];
        int n;
        while ((n = from.Read(buf)) > 0)
        {
            if (to.Length + n > limit) throw TooLarge(fileName, verb);
            to.Write(buf, 0, n);
        }
    }

    private static HtsFormatException TooLarge(string fileName, string verb) =>
        new(fileName, 0, "", $"a USITC export (about 14 MB of JSON; at most {MaxJsonBytes / (1024 * 1024)} MB read)",
            $"the file {verb} more than {MaxJsonBytes / (1024 * 1024)} MB: not an HTS export (a compression bomb?)");

    // ---- tree --------------------------------------------------------------------------------------------------

    private static HtsFile Build(List<RawRow> rows, string fileName)
    {
        var warnings = new List<HtsWarning>();
        var ch99 = rows.Where(r => r.Code is { } c && c.Digits.StartsWith("99", StringComparison.Ordinal))
            .Select(r => r.Code!.Value.Digits).Distinct().Order(StringComparer.Ordinal).ToList();
        var rates = new RateTexts();
        var seen = new Dictionary<string, int>(rows.Count);
        var lines = new List<TariffLine>(rows.Count);
        var open = new List<OpenRow>(16); // the rows above the current one, shallowest first
        int headings = 0;

        foreach (var row in rows)
        {
            while (open.Count > 0 && open[^1].Indent >= row.Indent) open.RemoveAt(open.Count - 1);

            if (row.Code is not { } code)
            {
                headings++;
                open.Add(new OpenRow(row.Indent, null, row.Description));
                continue;
            }
            if (seen.TryGetValue(code.Digits, out var firstRow))
            {
                warnings.Add(new HtsWarning(row.Row, $"duplicate code {code} (first at row {firstRow}); kept the first"));
                continue;
            }
            seen[code.Digits] = row.Row;

            int parentAt = open.Count - 1;
            while (parentAt >= 0 && open[parentAt].Line is null) parentAt--;
            ImmutableArray<string> groupHeadings = [];
            if (parentAt < open.Count - 1)
                groupHeadings = [.. open.Skip(parentAt + 1).Select(o => o.Heading!)];

            var line = new TariffLine
            {
                Code = code,
                Indent = row.Indent,
                Description = row.Description,
                GroupHeadings = groupHeadings,
                Units = row.Units,
                GeneralText = row.General,
                SpecialText = row.Special,
                OtherText = row.Other,
                General = rates.Duty(row.General),
                Special = rates.Special(row.Special),
                Other = rates.Duty(row.Other),
                Footnotes = row.Footnotes,
                Chapter99Refs = ExpandRefs(row.Refs, ch99),
                QuotaQuantity = row.QuotaQuantity,
                AdditionalDuties = row.AdditionalDuties,
                Parent = parentAt >= 0 ? open[parentAt].Line : null,
                SourceRow = row.Row,
            };
            lines.Add(line);
            open.Add(new OpenRow(row.Indent, line, null));
        }
        return new HtsFile { FileName = fileName, RowCount = rows.Count, GroupHeadingCount = headings, Lines = lines, Warnings = warnings };
    }

    private readonly record struct OpenRow(int Indent, TariffLine? Line, string? Heading);

    private static ImmutableArray<HtsCode> ExpandRefs(List<Chapter99Reference>? refs, List<string> ch99)
    {
        if (refs is null) return [];
        var result = new List<HtsCode>(refs.Count);
        foreach (var r in refs)
            foreach (var c in Chapter99References.Expand(r, ch99))
                if (!result.Contains(c)) result.Add(c);
        return [.. result];
    }
}
