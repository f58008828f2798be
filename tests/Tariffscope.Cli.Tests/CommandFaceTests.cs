using System.Text.RegularExpressions;

namespace Tariffscope.Tests;

/// <summary>The command line as a user meets it: help on every command, output in a pipe, exit codes.</summary>
public class CommandFaceTests
{
    /// <summary>Every command path under the root, found by reading each branch's own help (so a new command is walked too).</summary>
    private static List<string[]> CommandTree()
    {
        var found = new List<string[]>();
        var queue = new Queue<string[]>([[]]);
        while (queue.Count > 0)
        {
            var path = queue.Dequeue();
            var r = Cli.Run([.. path, "--help"]);
            Assert.True(r.ExitCode == 0, $"`tariffscope {string.Join(' ', path)} --help` exited {r.ExitCode}: {r.Output}");
            var commands = Regex.Match(r.Output, @"^COMMANDS:\s*\n(?<body>(?:.*\n?)*)", RegexOptions.Multiline);
            if (!commands.Success) { found.Add(path); continue; }
            // Command lines are indented by four spaces; a wrapped description is indented further.
            foreach (Match m in Regex.Matches(commands.Groups["body"].Value, @"^    (?<name>[a-z][a-z0-9-]*)\b", RegexOptions.Multiline))
                queue.Enqueue([.. path, m.Groups["name"].Value]);
        }
        return found;
    }

    [Fact]
    public void Every_command_prints_its_help_and_options_and_exits_0()
    {
        var leaves = CommandTree();
        Assert.True(leaves.Count >= 20, $"only {leaves.Count} commands found: the walk is not reading the tree");
        Assert.Contains(leaves, p => string.Join(' ', p) == "controls screen");
        Assert.Contains(leaves, p => string.Join(' ', p) == "data import-trade");
        Assert.Contains(leaves, p => string.Join(' ', p) == "schedule search");
        foreach (var path in leaves)
        {
            var r = Cli.Process([.. path, "--help"]); // a real process: exit code and stderr as a user sees them
            var name = string.Join(' ', path);
            Assert.True(r.ExitCode == 0, $"`tariffscope {name} --help` exited {r.ExitCode}: {r.Stderr}{r.Stdout}");
            Assert.Contains("OPTIONS:", r.Stdout);
            Assert.Contains("--help", r.Stdout);
        }
    }

    [Fact]
    public void Help_shows_square_brackets_in_descriptions_as_text()
    {
        var r = Cli.Process("data", "import-trade", "--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("duty[,quantity,unit]", r.Stdout);
        Assert.Contains("iso2[,name]", r.Stdout);
    }

    private static readonly Dictionary<string, string?> NoColumns = new() { ["COLUMNS"] = null };

    [Fact]
    public void Piped_output_is_not_wrapped_at_80_columns()
    {
        var r = Cli.ProcessWith(Environment.CurrentDirectory, NoColumns, "quote", "7326.90.86", "--origin", "CN", "--date", "2025-08-01", "--metal-share", "0.6");
        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n');
        // Whole cells and whole URLs, each on one line.
        Assert.Contains(lines, l => l.Contains("Section 232 steel and derivatives (50%, on steel content)"));
        Assert.Contains(lines, l => l.Contains("https://www.federalregister.gov/documents/2025/06/09/2025-10524"));
        Assert.Contains(lines, l => l.Length > 80);
    }

    [Fact]
    public void Piped_output_honours_COLUMNS()
    {
        var env = new Dictionary<string, string?> { ["COLUMNS"] = "60" };
        var r = Cli.ProcessWith(Environment.CurrentDirectory, env, "quote", "7326.90.86", "--origin", "CN", "--date", "2025-08-01", "--metal-share", "0.6");
        Assert.Equal(0, r.ExitCode);
        Assert.All(r.Stdout.Split('\n'), l => Assert.True(l.TrimEnd('\r').Length <= 60, $"longer than 60: {l}"));
    }

    [Theory]
    [InlineData("quote", "8481.80.50", "--origin", "CN", "--date", "2025-08-20", "--scenario", "no-such-scenario")]
    [InlineData("timeline", "8481.80.50", "--origin", "CN", "--scenario", "no-such-scenario")]
    [InlineData("deadlines", "--scenario", "no-such-scenario")]
    public void An_unknown_scenario_is_a_user_error(params string[] args)
    {
        var r = Cli.Process(args);
        Assert.Equal(1, r.ExitCode);
        Assert.DoesNotContain("internal error", r.Stderr);
        Assert.Contains("unknown scenario 'no-such-scenario'", r.Stderr);
    }
}

/// <summary>A retired code, on the real HTS: the refusal names the lines that replaced it.</summary>
public class RetiredCodeTests : IDisposable
{
    private readonly TempDir _t = new();
    public void Dispose() => _t.Dispose();

    private string ImportBasics()
    {
        var data = _t.File("data");
        foreach (var (file, rev, date) in new[] { ("hts_2025_basic.json.gz", "basic", "2025-01-01"), ("hts_2026_basic.json.gz", "2026_basic", "2026-01-01") })
        {
            var path = SharedData.Require("hts/" + file);
            Assert.Equal(0, Cli.Run("data", "import-hts", path, "--revision", rev, "--effective", date, "--data-dir", data).ExitCode);
        }
        return data;
    }

    [SkippableFact]
    public void A_code_traded_in_2024_and_retired_names_its_successors_in_quote_show_and_history()
    {
        var data = ImportBasics();
        // 8542.39.00.01 is in the 2024 import statistics; the 2025 HTS splits 8542.39.00 into RF transceivers (.10) and others.
        foreach (var args in new[]
        {
            new[] { "quote", "8542.39.00.01", "--origin", "CN", "--date", "2025-08-01" },
            new[] { "schedule", "show", "8542.39.00.01", "--date", "2026-02-01" },
            new[] { "schedule", "history", "8542.39.00.01" },
        })
        {
            var r = Cli.Process([.. args, "--data-dir", data]);
            Assert.Equal(1, r.ExitCode);
            Assert.Contains("8542.39.00.10 (RF transceivers)", r.Stderr);
            Assert.DoesNotContain("nor anything under its heading", r.Stderr);
        }
    }
}

/// <summary>`schedule search` in everyday words, on the full 2025 HTS.</summary>
public class EverydaySearchTests : IDisposable
{
    private readonly TempDir _t = new();
    public void Dispose() => _t.Dispose();

    [SkippableTheory]
    [InlineData("laptop", "8471.30")]          // the HTS says "portable automatic data processing machines"
    [InlineData("wool suits men", "6203.11")]  // men's suits of wool, not ski-suit parts
    [InlineData("lithium-ion batteries", "8507.60")]
    public void The_first_line_found_is_the_one_a_person_means(string query, string expected)
    {
        var path = SharedData.Require("hts/hts_2025_basic.json.gz");
        var data = _t.File("data");
        Assert.Equal(0, Cli.Run("data", "import-hts", path, "--revision", "basic", "--effective", "2025-01-01", "--data-dir", data).ExitCode);
        var r = Cli.Run("schedule", "search", query, "--date", "2025-06-01", "--json", "--data-dir", data);
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Output);
        var first = doc.RootElement.GetProperty("lines")[0];
        Assert.StartsWith(expected, first.GetProperty("code").GetString());
        Assert.NotEmpty(first.GetProperty("path").EnumerateArray()); // the headings above it
    }
}

/// <summary>`rate --out x.xlsx`: the workbook carries the summary as a sheet.</summary>
public class RateWorkbookTests
{
    [Fact]
    public void An_xlsx_result_has_a_summary_sheet_with_the_totals_as_numbers()
    {
        using var dir = new TempDir();
        // 7326.90.86 from China on 2025-08-01 with 60% steel: $8,190.00 (the README's quote, worked by hand there)
        File.WriteAllText(dir.File("in.csv"), "code,origin,date,value,metal_share\n7326.90.86,CN,2025-08-01,10000,0.6\n");
        var r = Cli.Run("rate", dir.File("in.csv"), "--out", dir.File("out.xlsx"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("summary", MiniExcelLibs.MiniExcel.GetSheetNames(dir.File("out.xlsx")));
        var cells = MiniExcelLibs.MiniExcel.Query(dir.File("out.xlsx"), sheetName: "summary").Cast<IDictionary<string, object>>()
            .SelectMany(row => row.Values).ToList();
        Assert.Contains(cells, v => v is string s && s.Contains("1 rated"));
        Assert.Contains(cells, v => v is double d && d == 8190d);
    }
}
