using System.Text;
using System.Text.Json;

namespace Tariffscope.Data.Economics;

/// <summary>
/// A parsed JSON value that remembers where it started in the file, so that a problem found later (a negative
/// flow, a duplicated region) can be reported at its line and column. JsonDocument does not keep positions.
/// </summary>
internal sealed class JsonTree
{
    public JsonTokenType Kind { get; private init; }
    public long Offset { get; private init; }
    public double? Number { get; private init; }
    public string? Text { get; private init; }
    public List<JsonTree> Items { get; } = [];
    public List<(string Name, long Offset, JsonTree Value)> Properties { get; } = [];

    public bool IsArray => Kind == JsonTokenType.StartArray;
    public bool IsObject => Kind == JsonTokenType.StartObject;

    public string Describe() => Kind switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => $"the string \"{Text}\"",
        JsonTokenType.Number => Number is null ? "a number out of range" : "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };

    /// <summary>Parses UTF-8 JSON (comments and trailing commas allowed). Throws JsonException on malformed input.</summary>
    public static JsonTree Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!reader.Read()) throw new JsonException("the file is empty", null, 0, 0);
        var tree = ReadValue(ref reader);
        if (reader.Read()) throw new JsonException("unexpected content after the end of the JSON value", null, null, null);
        return tree;
    }

    private static JsonTree ReadValue(ref Utf8JsonReader reader)
    {
        var start = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray:
            {
                var node = new JsonTree { Kind = JsonTokenType.StartArray, Offset = start };
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) node.Items.Add(ReadValue(ref reader));
                return node;
            }
            case JsonTokenType.StartObject:
            {
                var node = new JsonTree { Kind = JsonTokenType.StartObject, Offset = start };
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    var at = reader.TokenStartIndex;
                    reader.Read();
                    node.Properties.Add((name, at, ReadValue(ref reader)));
                }
                return node;
            }
            case JsonTokenType.Number:
                return new JsonTree { Kind = JsonTokenType.Number, Offset = start, Number = reader.TryGetDouble(out var d) && double.IsFinite(d) ? d : null };
            case JsonTokenType.String:
                return new JsonTree { Kind = JsonTokenType.String, Offset = start, Text = reader.GetString() };
            default:
                return new JsonTree { Kind = reader.TokenType, Offset = start };
        }
    }

    /// <summary>1-based line and column (in characters) of a byte offset.</summary>
    public static (int Line, int Column) Position(ReadOnlySpan<byte> utf8, long offset)
    {
        var upTo = utf8[..(int)Math.Min(offset, utf8.Length)];
        var line = upTo.Count((byte)'\n') + 1;
        var lineStart = upTo.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(upTo[lineStart..]) + 1);
    }
}
