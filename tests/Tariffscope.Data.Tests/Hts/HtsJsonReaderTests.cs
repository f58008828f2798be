using System.IO.Compression;
using System.Text;
using Tariffscope.Data.Hts;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Hts;

/// <summary>The reader on small hand-made exports: the tree, group headings, notes, and each kind of bad input.</summary>
public class HtsJsonReaderTests
{
    // A heading, a group heading, an 8-digit rate line with a Chapter 99 note, two statistical suffixes, and
    // a second heading whose only line is a 10-digit rate line (as 8471.30.01.00 is in the real schedule).
    internal const string Small = """
    [
      {"htsno": "0101", "indent": "0", "description": "Live horses, asses, mules and hinnies:", "superior": null, "units": [], "general": "", "special": "", "other": "", "footnotes": []},
      {"htsno": "", "indent": "1", "description": "Horses:", "superior": "true", "units": [], "general": "", "special": "", "other": "", "footnotes": null},
      {"htsno": "0101.21.00", "indent": "2", "description": "Purebred breeding animals", "superior": null, "units": [], "general": "Free", "special": "", "other": "Free",
       "footnotes": [{"columns": ["general"], "value": "See 9903.88.15. ", "type": "endnote"}], "quotaQuantity": null, "additionalDuties": null, "addiitionalDuties": null},
      {"htsno": "0101.21.00.10", "indent": "3", "description": "Males", "superior": null, "units": ["No."], "general": "", "special": "", "other": "", "footnotes": []},
      {"htsno": "0101.21.00.20", "indent": 3, "description": "Females", "superior": null, "units": ["No."], "general": "", "special": "", "other": "", "footnotes": []},
      {"htsno": "0101.30.00.00", "indent": "1", "description": "Asses", "superior": null, "units": ["No."], "general": "6.8%", "special": "Free (A+,AU,BH) 3.4% (JO)", "other": "15%", "footnotes": []},
      {"htsno": "8471", "indent": "0", "description": "Automatic data processing machines:", "superior": null, "units": [], "general": "", "special": "", "other": "", "footnotes": []},
      {"htsno": "8471.30.01.00", "indent": "1", "description": "Portable machines", "superior": null, "units": ["No."], "general": "Free", "special": "", "other": "35%", "footnotes": []}
    ]
    """;

    internal static HtsFile Read(string json, string name = "test.json") =>
        HtsJsonReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), name);

    private static HtsFormatException Fails(string json, string name = "bad.json") =>
        Assert.Throws<HtsFormatException>(() => Read(json, name));

    [Fact]
    public void Builds_the_tree_from_indent_and_keeps_group_headings_as_descriptions()
    {
        var file = Read(Small);
        Assert.Equal(8, file.RowCount);
        Assert.Equal(1, file.GroupHeadingCount);
        Assert.Equal(7, file.Lines.Count); // the group heading is not a line

        var rev = file.ToRevision("t", new DateOnly(2025, 1, 1));
        var males = rev.Find(HtsCode.Parse("0101.21.00.10"))!;
        Assert.Equal("0101.21.00", males.Parent!.Code.ToString());
        Assert.Equal("0101", males.Parent.Parent!.Code.ToString());
        // "Horses:" sits between 0101 and 0101.21.00, so it belongs to 0101.21.00, not to its suffix
        Assert.Equal(["Horses:"], rev.Find(HtsCode.Parse("0101.21.00"))!.GroupHeadings.AsEnumerable());
        Assert.Empty(males.GroupHeadings);
        Assert.Equal(["Live horses, asses, mules and hinnies:", "Horses:", "Purebred breeding animals", "Males"],
            rev.Resolve(males.Code)!.DescriptionPath);
        // "Asses" (indent 1) is shallower than the group heading (indent 1 closes it): not a horse
        Assert.Empty(rev.Find(HtsCode.Parse("0101.30.00.00"))!.GroupHeadings);
    }

    [Fact]
    public void A_suffix_takes_its_parents_rates_and_a_ten_digit_rate_line_keeps_its_own()
    {
        var rev = Read(Small).ToRevision("t", new DateOnly(2025, 1, 1));
        var males = rev.Resolve(HtsCode.Parse("0101.21.00.10"))!;
        Assert.Equal("0101.21.00", males.RateLine.Code.ToString());
        Assert.Equal(FreeDuty.Instance, males.General);
        Assert.Equal(["No."], males.Units.AsEnumerable());

        var laptop = rev.Resolve(HtsCode.Parse("8471.30.01.00"))!;
        Assert.Same(laptop.Line, laptop.RateLine);
        Assert.Equal(new AdValoremDuty(0.35m), laptop.Other);
    }

    [Fact]
    public void Reads_special_programmes_clause_by_clause()
    {
        var asses = Read(Small).Lines.Single(l => l.Code.ToString() == "0101.30.00.00");
        Assert.Equal(2, asses.Special.Length);
        Assert.Equal(FreeDuty.Instance, asses.Special[0].Rate);
        Assert.Equal(["A+", "AU", "BH"], asses.Special[0].Programs.AsEnumerable());
        Assert.Equal(new AdValoremDuty(0.034m), asses.Special[1].Rate);
        Assert.Equal(["JO"], asses.Special[1].Programs.AsEnumerable());
    }

    [Fact]
    public void Finds_chapter_99_references_in_notes_and_inherits_them_down_the_tree()
    {
        var rev = Read(Small).ToRevision("t", new DateOnly(2025, 1, 1));
        Assert.Equal([HtsCode.Parse("9903.88.15")], rev.Find(HtsCode.Parse("0101.21.00"))!.Chapter99Refs.AsEnumerable());
        Assert.Empty(rev.Find(HtsCode.Parse("0101.21.00.10"))!.Chapter99Refs);
        Assert.Equal([HtsCode.Parse("9903.88.15")], rev.Resolve(HtsCode.Parse("0101.21.00.10"))!.Chapter99Refs.AsEnumerable());
    }

    [Fact]
    public void A_range_is_expanded_against_the_files_own_chapter_99_lines()
    {
        var json = """
        [
          {"htsno": "0402", "indent": "0", "description": "Milk", "units": [], "general": "", "special": "", "other": "",
           "footnotes": [{"columns": ["desc"], "value": "See subheadings 9904.04.50-9904.05.01.", "type": "endnote"}]},
          {"htsno": "9904.04.49", "indent": "0", "description": "before", "units": [], "general": "", "special": "", "other": "", "footnotes": []},
          {"htsno": "9904.04.50", "indent": "0", "description": "first", "units": [], "general": "", "special": "", "other": "", "footnotes": []},
          {"htsno": "9904.04.60", "indent": "0", "description": "inside", "units": [], "general": "", "special": "", "other": "", "footnotes": []},
          {"htsno": "9904.05.01", "indent": "0", "description": "last", "units": [], "general": "", "special": "", "other": "", "footnotes": []},
          {"htsno": "9904.05.02", "indent": "0", "description": "after", "units": [], "general": "", "special": "", "other": "", "footnotes": []}
        ]
        """;
        var milk = Read(json).Lines[0];
        Assert.Equal(["9904.04.50", "9904.04.60", "9904.05.01"], milk.Chapter99Refs.Select(c => c.ToString()));
    }

    [Fact]
    public void Reads_the_misspelled_additional_duties_field_and_a_numeric_indent()
    {
        var json = """
        [{"htsno": "9904.02.01", "indent": 4, "description": "Valued less than 25¢/kg", "units": [], "general": "", "special": "", "other": "",
          "footnotes": [], "additionalDuties": null, "addiitionalDuties": "66.6¢/kg"}]
        """;
        var line = Read(json).Lines.Single();
        Assert.Equal(4, line.Indent);
        Assert.Equal("66.6¢/kg", line.AdditionalDuties);
    }

    [Fact]
    public void Cleans_markup_and_stray_spaces_so_revisions_compare_equal()
    {
        var json = """
        [{"htsno": "0106.13.00", "indent": "0", "description": "Of camels and other camelids (<i>Camelidae</i>)", "units": ["m<sup style=\"font-size: 9.75px;\">3</sup>"],
          "general": "6.5¢/gross<il></il>", "special": "Free \n(A,AU)", "other": "", "footnotes": [{"columns": ["general"], "value": "See\u00a0 9903.88.03. ", "type": "endnote"}]}]
        """;
        var line = Read(json).Lines.Single();
        Assert.Equal("Of camels and other camelids (Camelidae)", line.Description);
        Assert.Equal(["m3"], line.Units.AsEnumerable());
        Assert.Equal("6.5¢/gross", line.GeneralText);
        Assert.Equal("Free (A,AU)", line.SpecialText);
        Assert.Equal("See 9903.88.03.", line.Footnotes[0].Text);
    }

    [Fact]
    public void Keeps_the_first_of_two_rows_with_the_same_code_and_warns()
    {
        var json = """
        [{"htsno": "0101", "indent": "0", "description": "first", "units": [], "general": "", "special": "", "other": "", "footnotes": []},
         {"htsno": "0101", "indent": "0", "description": "second", "units": [], "general": "", "special": "", "other": "", "footnotes": []}]
        """;
        var file = Read(json);
        Assert.Equal("first", file.Lines.Single().Description);
        var warning = Assert.Single(file.Warnings);
        Assert.Equal(2, warning.Row);
        Assert.Contains("duplicate code 0101 (first at row 1)", warning.Message);
    }

    [Fact]
    public void Detects_gzip_by_its_magic_bytes_whatever_the_name()
    {
        var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(Small));
        packed.Position = 0;
        var file = HtsJsonReader.Read(packed, "export.json");
        Assert.Equal(7, file.Lines.Count);
    }

    [Fact]
    public void A_truncated_file_names_the_row_it_stops_in()
    {
        var cut = Small[..Small.IndexOf("Females", StringComparison.Ordinal)];
        var e = Fails(cut, "hts_cut.json");
        Assert.Equal("hts_cut.json", e.File);
        Assert.Equal(5, e.Row);
        Assert.Contains("hts_cut.json, row 5", e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_truncated_gzip_file_is_refused()
    {
        var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(Small));
        var half = packed.ToArray()[..(int)(packed.Length / 2)];
        var e = Assert.Throws<HtsFormatException>(() => HtsJsonReader.Read(new MemoryStream(half), "half.json.gz"));
        Assert.Equal("half.json.gz", e.File);
    }

    [Theory]
    [InlineData("""[{"htsno": "0101", "indent": "x", "description": "d"}]""", "indent", "\"x\"")]
    [InlineData("""[{"htsno": "0101", "indent": "0", "units": "No."}]""", "units", "\"No.\"")]
    [InlineData("""[{"htsno": "0101", "indent": "0", "units": [1]}]""", "units", "the number 1")]
    [InlineData("""[{"htsno": "01x1", "indent": "0"}]""", "htsno", "\"01x1\"")]
    [InlineData("""[{"htsno": "0101.2", "indent": "0"}]""", "htsno", "\"0101.2\"")]
    [InlineData("""[{"htsno": "0101", "indent": "0", "general": 5}]""", "general", "the number 5")]
    [InlineData("""[{"htsno": "0101", "indent": "0", "footnotes": [{"columns": "general", "value": "x"}]}]""", "footnotes.columns", "\"general\"")]
    [InlineData("""[{"htsno": "0101", "description": "no indent"}]""", "indent", "no indent field")]
    public void A_wrong_type_names_the_row_the_field_and_what_was_expected(string json, string field, string found)
    {
        var e = Fails(json);
        Assert.Equal(1, e.Row);
        Assert.Equal(field, e.Field);
        Assert.Equal(found, e.Found);
        Assert.StartsWith($"bad.json, row 1, field '{field}': expected ", e.Message);
    }

    [Fact]
    public void The_error_counts_rows_from_one()
    {
        var e = Fails("""[{"htsno": "0101", "indent": "0"}, {"htsno": "0102", "indent": "0"}, {"htsno": "0103", "indent": "-1"}]""");
        Assert.Equal(3, e.Row);
        Assert.Equal("indent", e.Field);
    }

    [Theory]
    [InlineData("", "an empty file")]
    [InlineData("""{"htsno": "0101"}""", "an object")]
    [InlineData("""[1]""", "the number 1")]
    public void Something_other_than_an_array_of_rows_is_refused(string json, string found)
    {
        var e = Fails(json);
        Assert.Equal(found, e.Found);
    }

    [Fact]
    public void Broken_json_is_reported_with_the_row()
    {
        var e = Fails("""[{"htsno": "0101", "indent": "0"}, {"htsno": "0102" "indent": "0"}]""");
        Assert.Equal(2, e.Row);
        Assert.Contains("well-formed JSON", e.Message);
    }

    [Fact]
    public void A_missing_file_is_a_format_error_naming_it()
    {
        var e = Assert.Throws<HtsFormatException>(() => HtsJsonReader.Read(Path.Combine(Path.GetTempPath(), "no-such-hts.json")));
        Assert.Equal("no-such-hts.json", e.File);
    }
}
