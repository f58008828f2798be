using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Tariffscope.Nomenclature;

namespace Tariffscope.Data.Hts;

/// <summary>One row of the export as written, before the tree is built.</summary>
internal sealed class RawRow
{
    public int Row;
    public HtsCode? Code;
    public int Indent = -1;
    public string Description = "";
    public ImmutableArray<string> Units = [];
    public string General = "", Special = "", Other = "";
    public ImmutableArray<Footnote> Footnotes = [];
    public string? QuotaQuantity, AdditionalDuties;
    public List<Chapter99Reference>? Refs;
}

public static partial class HtsJsonReader
{
    /// <summary>Walks the JSON array with a <see cref="Utf8JsonReader"/>, checking each field's type as it goes.</summary>
    private sealed class RowParser
    {
        private readonly string _fileName;
        private int _row;          // 1-based row being read, for errors
        private string _field = ""; // field being read, for errors
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly Dictionary<string, ImmutableArray<string>> _oneItem = new(StringComparer.Ordinal);
        private readonly Dictionary<Footnote, Footnote> _notes = [];
        private readonly List<Footnote> _noteBuffer = new(8);

        public RowParser(string fileName)
        {
            _fileName = fileName;
            _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public List<RawRow> ParseAll(ReadOnlySpan<byte> json)
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var rows = new List<RawRow>(40_000);
            if (json.Trim(" \t\r\n"u8).IsEmpty) throw Error("a JSON array of rows", "an empty file");
            try
            {
                if (!reader.Read()) throw Error("a JSON array of rows", "an empty file");
                if (reader.TokenType != JsonTokenType.StartArray) throw Error("a JSON array of rows ([{\"htsno\": …}, …])", Describe(ref reader));
                while (true)
                {
                    if (!reader.Read()) throw Truncated();
                    if (reader.TokenType == JsonTokenType.EndArray) break;
                    _row++;
                    _field = "";
                    if (reader.TokenType != JsonTokenType.StartObject) throw Error("an object for each row", Describe(ref reader));
                    rows.Add(ReadRow(ref reader));
                }
                _field = "";
                if (reader.Read()) throw Error("nothing after the closing ']'", Describe(ref reader));
            }
            catch (JsonException e)
            {
                throw IsTruncation(e) ? Truncated(e) : Error("well-formed JSON", Plain(e.Message), e);
            }
            return rows;
        }

        private RawRow ReadRow(ref Utf8JsonReader reader)
        {
            var row = new RawRow { Row = _row };
            while (true)
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject) break;
                var field = FieldOf(ref reader);
                _field = field.Name;
                Next(ref reader);
                switch (field.Kind)
                {
                    case Field.HtsNo: row.Code = ReadCode(ref reader); break;
                    case Field.Indent: row.Indent = ReadIndent(ref reader); break;
                    case Field.Description: row.Description = ReadShared(ref reader, 24) ?? ""; break;
                    case Field.Superior: ReadSuperior(ref reader); break;
                    case Field.Units: row.Units = ReadStringArray(ref reader, "an array of unit names such as [\"No.\", \"kg\"]"); break;
                    case Field.General: row.General = ReadShared(ref reader) ?? ""; break;
                    case Field.Special: row.Special = ReadShared(ref reader) ?? ""; break;
                    case Field.Other: row.Other = ReadShared(ref reader) ?? ""; break;
                    case Field.Footnotes: row.Footnotes = ReadFootnotes(ref reader); break;
                    case Field.QuotaQuantity: row.QuotaQuantity = Blank(ReadShared(ref reader)); break;
                    // The export carries the column twice, once under a misspelled name; take whichever is filled.
                    case Field.AdditionalDuties:
                        var duties = Blank(ReadShared(ref reader)); // read (and type-checked) even when the other is filled
                        row.AdditionalDuties ??= duties;
                        break;
                    default: reader.Skip(); break; // a field added by a later export: not ours to refuse
                }
            }
            _field = "indent";
            if (row.Indent < 0) throw Error("an indent (0 for a heading, deeper for its subdivisions)", "no indent field");
            foreach (var f in row.Footnotes) AddRefs(f.Text, row);
            AddRefs(row.AdditionalDuties, row);
            return row;
        }

        private enum Field { Unknown, HtsNo, Indent, Description, Superior, Units, General, Special, Other, Footnotes, QuotaQuantity, AdditionalDuties }

        // Names compared as UTF-8 bytes: no string per property of 36,000 rows.
        private static (Field Kind, string Name) FieldOf(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("htsno"u8)) return (Field.HtsNo, "htsno");
            if (reader.ValueTextEquals("indent"u8)) return (Field.Indent, "indent");
            if (reader.ValueTextEquals("description"u8)) return (Field.Description, "description");
            if (reader.ValueTextEquals("superior"u8)) return (Field.Superior, "superior");
            if (reader.ValueTextEquals("units"u8)) return (Field.Units, "units");
            if (reader.ValueTextEquals("general"u8)) return (Field.General, "general");
            if (reader.ValueTextEquals("special"u8)) return (Field.Special, "special");
            if (reader.ValueTextEquals("other"u8)) return (Field.Other, "other");
            if (reader.ValueTextEquals("footnotes"u8)) return (Field.Footnotes, "footnotes");
            if (reader.ValueTextEquals("quotaQuantity"u8)) return (Field.QuotaQuantity, "quotaQuantity");
            if (reader.ValueTextEquals("additionalDuties"u8)) return (Field.AdditionalDuties, "additionalDuties");
            if (reader.ValueTextEquals("addiitionalDuties"u8)) return (Field.AdditionalDuties, "addiitionalDuties");
            return (Field.Unknown, reader.GetString()!);
        }

        // The same few notes ("See 9903.88.15.") recur thousands of times: scan each distinct text once.
        private readonly Dictionary<string, Chapter99Reference[]> _refsByText = new(StringComparer.Ordinal);

        private void AddRefs(string? text, RawRow row)
        {
            if (string.IsNullOrEmpty(text)) return;
            if (!_refsByText.TryGetValue(text, out var refs))
                _refsByText[text] = refs = [.. Chapter99References.Extract(text)];
            if (refs.Length == 0) return;
            row.Refs ??= [];
            foreach (var r in refs) if (!row.Refs.Contains(r)) row.Refs.Add(r);
        }

        private HtsCode? ReadCode(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && reader.ValueSpan.Length <= 16)
            {
                // the usual case, read in place: "8471.30.01.00" or "" (a group heading)
                Span<char> chars = stackalloc char[16];
                int n = System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, chars);
                var span = ((ReadOnlySpan<char>)chars[..n]).Trim();
                if (span.IsEmpty) return null;
                if (IsHtsNumber(span) && HtsCode.TryParse(span) is { } fast) return fast;
            }
            var text = ReadString(ref reader)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (!IsHtsNumber(text) || HtsCode.TryParse(text) is not { } code)
                throw Error("an HTS number of 4, 6, 8 or 10 digits written like 8471.30.01.00 (or empty for a group heading)", Quote(text));
            return code;
        }

        /// <summary>dddd, dddd.dd, dddd.dd.dd or dddd.dd.dd.dd — the only forms the export uses.</summary>
        private static bool IsHtsNumber(ReadOnlySpan<char> s)
        {
            if (s.Length is not (4 or 7 or 10 or 13)) return false;
            for (int i = 0; i < s.Length; i++)
            {
                bool dot = i >= 4 && (i - 4) % 3 == 0;
                if (dot ? s[i] != '.' : !char.IsAsciiDigit(s[i])) return false;
            }
            return true;
        }

        private int ReadIndent(ref Utf8JsonReader reader)
        {
            const string expected = "a whole number of 0 or more (e.g. 2 or \"2\")";
            switch (reader.TokenType)
            {
                case JsonTokenType.Number when reader.TryGetInt32(out var n) && n >= 0: return n;
                case JsonTokenType.String:
                    // "2" or "03": read the digits in place rather than make a string of each row's indent
                    if (!reader.ValueIsEscaped && System.Buffers.Text.Utf8Parser.TryParse(reader.ValueSpan.Trim(" "u8), out int v, out int used)
                        && used == reader.ValueSpan.Trim(" "u8).Length && v >= 0) return v;
                    throw Error(expected, Quote(reader.GetString()!));
                default: throw Error(expected, Describe(ref reader));
            }
        }

        private void ReadSuperior(ref Utf8JsonReader reader)
        {
            // "true" on unnumbered heading rows, null elsewhere; the row's code alone decides what it is.
            if (reader.TokenType is JsonTokenType.Null or JsonTokenType.True or JsonTokenType.False or JsonTokenType.String) return;
            throw Error("\"true\", true, false or null", Describe(ref reader));
        }

        /// <summary>A string or null, cleaned of markup and stray white space (<see cref="HtsText"/>).</summary>
        private string? ReadString(ref Utf8JsonReader reader)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Null: return null;
                case JsonTokenType.String: return reader.ValueSpan.Length == 0 ? "" : HtsText.Clean(reader.GetString()!);
                default: throw Error("a string or null", Describe(ref reader));
            }
        }

        /// <summary>
        /// <see cref="ReadString"/> returning one shared instance per distinct text, looked up without allocating:
        /// rate texts, units, notes and descriptions such as "Other" repeat across thousands of rows.
        /// </summary>
        private static string FootnoteField(ref Utf8JsonReader reader) =>
            reader.ValueTextEquals("columns"u8) ? "footnotes.columns"
            : reader.ValueTextEquals("value"u8) ? "footnotes.value"
            : reader.ValueTextEquals("type"u8) ? "footnotes.type"
            : reader.ValueTextEquals("marker"u8) ? "footnotes.marker"
            : "footnotes." + reader.GetString();

        private string? ReadShared(ref Utf8JsonReader reader, int maxLength = 200)
        {
            if (reader.TokenType != JsonTokenType.String) return ReadString(ref reader);
            int bytes = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
            if (bytes == 0) return "";
            if (bytes > maxLength) return ReadString(ref reader);
            Span<char> buffer = stackalloc char[maxLength];
            ReadOnlySpan<char> text = buffer[..reader.CopyString(buffer)];
            string? cleaned = null;
            if (HtsText.NeedsCleaning(text)) text = cleaned = HtsText.Clean(text.ToString());
            if (_lookup.TryGetValue(text, out var existing)) return existing;
            var s = cleaned ?? text.ToString();
            _strings[s] = s;
            return s;
        }

        private ImmutableArray<string> ReadStringArray(ref Utf8JsonReader reader, string expected)
        {
            if (reader.TokenType == JsonTokenType.Null) return [];
            if (reader.TokenType != JsonTokenType.StartArray) throw Error(expected, Describe(ref reader));
            string? first = null;
            List<string>? more = null;
            while (true)
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray) break;
                if (reader.TokenType != JsonTokenType.String) throw Error(expected, Describe(ref reader));
                var item = ReadShared(ref reader)!;
                if (first is null) first = item; else (more ??= [first]).Add(item);
            }
            if (more is not null) return [.. more];
            if (first is null) return [];
            // ["No."], ["kg"], ["general"]: one shared array per distinct item
            if (!_oneItem.TryGetValue(first, out var one)) _oneItem[first] = one = [first];
            return one;
        }

        private ImmutableArray<Footnote> ReadFootnotes(ref Utf8JsonReader reader)
        {
            const string expected = "an array of footnotes ({\"columns\": [...], \"value\": \"...\", \"type\": \"...\"})";
            if (reader.TokenType == JsonTokenType.Null) return [];
            if (reader.TokenType != JsonTokenType.StartArray) throw Error(expected, Describe(ref reader));
            _noteBuffer.Clear();
            var outer = _field;
            while (true)
            {
                Next(ref reader);
                if (reader.TokenType == JsonTokenType.EndArray) break;
                if (reader.TokenType != JsonTokenType.StartObject) throw Error(expected, Describe(ref reader));
                string text = "", type = "";
                string? marker = null;
                ImmutableArray<string> columns = [];
                while (true)
                {
                    Next(ref reader);
                    if (reader.TokenType == JsonTokenType.EndObject) break;
                    var name = FootnoteField(ref reader);
                    _field = name;
                    Next(ref reader);
                    switch (name)
                    {
                        case "footnotes.columns": columns = ReadStringArray(ref reader, "an array of column names such as [\"general\"]"); break;
                        case "footnotes.value": text = ReadShared(ref reader) ?? ""; break;
                        case "footnotes.type": type = ReadShared(ref reader) ?? ""; break;
                        case "footnotes.marker": marker = ReadShared(ref reader); break;
                        default: reader.Skip(); break;
                    }
                    _field = outer;
                }
                // "See 9903.88.15." on the general column recurs on thousands of lines: keep one record of it.
                var note = new Footnote(text, columns, type) { Marker = marker };
                if (_notes.TryGetValue(note, out var same)) note = same; else _notes[note] = note;
                _noteBuffer.Add(note);
            }
            return [.. _noteBuffer];
        }

        private void Next(ref Utf8JsonReader reader)
        {
            if (!reader.Read()) throw Truncated();
        }

        private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

        private HtsFormatException Error(string expected, string found, Exception? inner = null) =>
            new(_fileName, _row, _field, expected, found, inner);

        private HtsFormatException Truncated(Exception? inner = null) =>
            new(_fileName, _row, _field, "the rest of the JSON (the closing ']' of the array)",
                _row == 0 ? "the end of the file before the first row" : $"the end of the file inside row {_row} (is the file truncated?)", inner);

        // Utf8JsonReader reports a payload that stops early as "… end of data …" / "Expected depth to be zero …".
        private static bool IsTruncation(JsonException e) =>
            e.Message.Contains("end of data", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("depth to be zero", StringComparison.OrdinalIgnoreCase);

        private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
        {
            JsonTokenType.String => Quote(reader.GetString()!),
            JsonTokenType.Number => "the number " + Encoding.UTF8.GetString(reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            JsonTokenType.Null => "null",
            JsonTokenType.StartArray => "an array",
            JsonTokenType.StartObject => "an object",
            var t => t.ToString(),
        };

        private static string Quote(string s) => "\"" + (s.Length > 40 ? s[..40] + "…" : s) + "\"";

        private static string Plain(string message) => message.Replace(Environment.NewLine, " ").Trim();
    }
}
