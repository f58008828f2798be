using System.Text.Json;

namespace Tariffscope.Tests;

/// <summary>`data import-hts|status|check-hts`, end to end through the command line.</summary>
public class DataCommandTests : IDisposable
{
    private readonly TempDir _t = new();
    public void Dispose() => _t.Dispose();

    // Two headings, a group heading and a rate line with a Section 301 note: enough to import and query.
    private const string Export = """
    [
      {"htsno": "0101", "indent": "0", "description": "Live horses, asses, mules and hinnies:", "superior": null, "units": [], "general": "", "special": "", "other": "", "footnotes": []},
      {"htsno": "", "indent": "1", "description": "Horses:", "superior": "true", "units": [], "general": "", "special": "", "other": "", "footnotes": null},
      {"htsno": "0101.21.00", "indent": "2", "description": "Purebred breeding animals", "superior": null, "units": [], "general": "Free", "special": "", "other": "Free",
       "footnotes": [{"columns": ["general"], "value": "See 9903.88.15.", "type": "endnote"}]},
      {"htsno": "0101.21.00.10", "indent": "3", "description": "Males", "superior": null, "units": ["No."], "general": "", "special": "", "other": "", "footnotes": []}
    ]
    """;

    [Fact]
    public void Status_of_an_empty_directory_names_the_built_in_record()
    {
        var r = Cli.Run("data", "status", "--json", "--date", "2025-06-01", "--data-dir", _t.Path);
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Output);
        Assert.Equal(0, doc.RootElement.GetProperty("imported").GetArrayLength());
        Assert.Equal("--data-dir", doc.RootElement.GetProperty("chosenBy").GetString());
        Assert.StartsWith("USITC HTS, 43 revisions from 2025 Basic Edition to 2026 Revision 10 (built-in record ", doc.RootElement.GetProperty("schedule").GetString());
        // on 2025-06-01 revision 15 (from 2025-05-14) is in force, per the revision list
        Assert.StartsWith("USITC HTS 2025 Revision 15 (in force from 2025-05-14; built-in record ", doc.RootElement.GetProperty("answersOn").GetString());
    }

    [Fact]
    public void Import_then_status_then_show_answer_from_the_imported_revision()
    {
        var file = _t.File("hts_2025_basic.json");
        File.WriteAllText(file, Export);
        var data = _t.File("data");

        var import = Cli.Run("data", "import-hts", file, "--revision", "basic", "--effective", "2025-01-01", "--partial", "--data-dir", data);
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Imported 2025 Basic Edition (basic), in force from 2025-01-01: 4 rows, 3 numbered lines.", import.Output);

        var status = Cli.Run("data", "status", "--json", "--date", "2025-01-15", "--data-dir", data);
        using (var doc = JsonDocument.Parse(status.Output))
        {
            var rev = doc.RootElement.GetProperty("imported")[0];
            Assert.Equal("basic", rev.GetProperty("revision").GetString());
            Assert.Equal(4, rev.GetProperty("rows").GetInt32());
            // the import replaces the record's basic edition, which answered until revision 1 (2025-01-27)
            Assert.StartsWith("USITC HTS 2025 Basic Edition (in force from 2025-01-01; imported ", doc.RootElement.GetProperty("answersOn").GetString());
            Assert.Contains(doc.RootElement.GetProperty("record").GetProperty("revisions").EnumerateArray(),
                r => r.GetProperty("revision").GetString() == "basic" && r.GetProperty("replacedByImport").GetBoolean());
        }

        var show = Cli.Run("schedule", "show", "0101.21.00.10", "--date", "2025-01-15", "--data-dir", data);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Horses:", show.Output);
        Assert.Contains("Chapter 99: 9903.88.15", show.Output);
        Assert.Contains("USITC HTS 2025 Basic Edition", show.Output);
    }

    [Fact]
    public async Task Parallel_imports_from_separate_processes_all_end_up_listed()
    {
        // the writer lock holds across processes: before, the read-modify-write of hts/revisions.csv lost revisions
        var file = _t.File("export.json");
        File.WriteAllText(file, Export);
        var data = _t.File("data");
        const int n = 5;
        var runs = await Task.WhenAll(Enumerable.Range(1, n).Select(i => Task.Run(() =>
            Cli.Process("data", "import-hts", file, "--revision", $"p{i}", "--effective", $"2025-0{i}-01", "--partial", "--data-dir", data))));
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Stderr));
        var status = Cli.Run("data", "status", "--json", "--date", "2025-06-01", "--data-dir", data);
        using var doc = JsonDocument.Parse(status.Output);
        var names = doc.RootElement.GetProperty("imported").EnumerateArray().Select(r => r.GetProperty("revision").GetString()).Order().ToList();
        Assert.Equal(Enumerable.Range(1, n).Select(i => $"p{i}"), names);
    }

    [Fact]
    public void Import_of_an_extract_needs_partial()
    {
        var file = _t.File("export.json");
        File.WriteAllText(file, Export);
        var r = Cli.Process("data", "import-hts", file, "--revision", "basic", "--effective", "2025-01-01", "--data-dir", _t.File("data"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("does not look like a whole schedule: 4 rows, 3 numbered lines", r.Stderr);
        Assert.Contains("--partial", r.Stderr);
        Assert.False(File.Exists(Path.Combine(_t.File("data"), "hts", "revisions.csv")));
    }

    [Fact]
    public void Import_without_a_date_tells_what_to_give()
    {
        var file = _t.File("export.json");
        File.WriteAllText(file, Export);
        var r = Cli.Process("data", "import-hts", file, "--data-dir", _t.File("data"));
        Assert.Equal(1, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("give --revision NAME and --effective YYYY-MM-DD", line);
    }

    [Fact]
    public void Check_hts_on_a_bad_file_names_file_row_and_field_on_stderr()
    {
        var file = _t.File("bad.json");
        File.WriteAllText(file, """[{"htsno": "0101", "indent": "0"}, {"htsno": "0102", "indent": "x"}]""");
        var r = Cli.Process("data", "check-hts", file);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("error: bad.json, row 2, field 'indent': expected a whole number of 0 or more (e.g. 2 or \"2\"), found \"x\"", r.Stderr.Trim());
        Assert.DoesNotContain(" at ", r.Stderr); // no stack trace
    }

    [Fact]
    public void Check_hts_counts_lines_and_rate_shapes()
    {
        var file = _t.File("small.json");
        File.WriteAllText(file, Export);
        var r = Cli.Run("data", "check-hts", file, "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Output);
        var root = doc.RootElement;
        Assert.Equal(4, root.GetProperty("rows").GetInt32());
        Assert.Equal(3, root.GetProperty("numberedLines").GetInt32());
        Assert.Equal(1, root.GetProperty("groupHeadings").GetInt32());
        var general = root.GetProperty("columns")[0];
        Assert.Equal(("general", 1, 1), (general.GetProperty("column").GetString(), general.GetProperty("texts").GetInt32(), general.GetProperty("parsed").GetInt32()));
    }

    [SkippableFact]
    public void Check_hts_reads_the_real_2026_basic_edition()
    {
        var real = SharedData.Require("hts/hts_2026_basic.json.gz");
        var r = Cli.Run("data", "check-hts", real);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("hts_2026_basic.json.gz: 35,571 rows = 29,675 numbered lines + 5,896 group headings", r.Output);
    }
}
