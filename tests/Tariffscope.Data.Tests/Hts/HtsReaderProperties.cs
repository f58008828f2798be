using System.Text;
using System.Text.Json;
using CsCheck;
using Tariffscope.Data.Hts;

namespace Tariffscope.Tests.Hts;

/// <summary>Properties of the reader over generated exports, checked against a direct statement of the rule.</summary>
public class HtsReaderProperties
{
    // A row: its indent change from the previous row (-3..+1, kept at 0 or more) and whether it is numbered.
    private static readonly Gen<(int Step, bool Numbered)[]> Rows =
        Gen.Select(Gen.Int[-3, 1], Gen.Bool).Array[1, 40];

    [Fact]
    public void A_lines_parent_is_the_nearest_earlier_numbered_row_with_a_smaller_indent()
    {
        Rows.Sample(rows =>
        {
            var indents = new List<int>();
            var numbered = new List<bool>();
            int indent = 0;
            foreach (var (step, isNumbered) in rows)
            {
                indent = Math.Max(0, indent + step);
                indents.Add(indent);
                numbered.Add(isNumbered);
            }
            var file = HtsJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(Export(indents, numbered))), "gen.json");

            // the rule, stated directly over the rows
            var lines = file.Lines.ToDictionary(l => l.SourceRow);
            for (int i = 0; i < indents.Count; i++)
            {
                if (!numbered[i]) continue;
                int? parentRow = null;
                for (int j = i - 1, bound = indents[i]; j >= 0; j--)
                {
                    if (indents[j] >= bound) continue;
                    if (numbered[j]) { parentRow = j + 1; break; }
                    bound = indents[j];
                }
                Assert.Equal(parentRow, lines[i + 1].Parent?.SourceRow);
            }
            Assert.Equal(numbered.Count(n => n), file.Lines.Count);
            Assert.Equal(numbered.Count(n => !n), file.GroupHeadingCount);
        });
    }

    // Each numbered row gets a distinct 10-digit code; group headings have an empty htsno.
    private static string Export(List<int> indents, List<bool> numbered)
    {
        var rows = indents.Select((ind, i) => new Dictionary<string, object?>
        {
            ["htsno"] = numbered[i] ? $"0101.{i / 100 % 100:00}.{i % 100:00}.00" : "",
            ["indent"] = ind.ToString(),
            ["description"] = $"row {i + 1}",
            ["superior"] = numbered[i] ? null : "true",
            ["units"] = Array.Empty<string>(),
            ["general"] = "", ["special"] = "", ["other"] = "",
            ["footnotes"] = Array.Empty<object>(),
        });
        return JsonSerializer.Serialize(rows);
    }

    [Fact]
    public void Cleaning_text_is_idempotent_and_leaves_no_markup_or_doubled_space()
    {
        var pieces = Gen.OneOf<string>("Free", " ", "  ", "\u00a0", "\n", "<i>", "</i>", "<sup>3</sup>", "<br />", "6.5%", "¢/kg", "< 5 mm", "a", "(A,AU)");
        pieces.Array[0, 12].Select(p => string.Concat(p)).Sample(text =>
        {
            var once = HtsText.Clean(text);
            Assert.Equal(once, HtsText.Clean(once));
            Assert.DoesNotContain("  ", once);
            Assert.DoesNotContain("<i>", once);
            Assert.DoesNotContain("<sup>", once);
            Assert.Equal(once.Trim(), once);
        });
    }
}
