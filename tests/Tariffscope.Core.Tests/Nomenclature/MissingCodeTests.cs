using Tariffscope.Nomenclature;

namespace Tariffscope.Tests.Nomenclature;

/// <summary>A code that is not a line says what is under it, or which lines replaced it.</summary>
public class MissingCodeTests
{
    /// <summary>A revision of 8542.39.00 with the given 10-digit suffixes under it (and 8542 above it).</summary>
    private static ScheduleRevision Rev(string name, DateOnly date, params (string Suffix, string Text)[] suffixes)
    {
        var heading = new TariffLine { Code = HtsCode.Parse("8542"), Indent = 0, Description = "Electronic integrated circuits" };
        var eight = new TariffLine { Code = HtsCode.Parse("8542.39.00"), Indent = 2, Description = "Other", Parent = heading };
        var lines = new List<TariffLine> { heading, eight };
        lines.AddRange(suffixes.Select(s => new TariffLine { Code = HtsCode.Parse("85423900" + s.Suffix), Indent = 3, Description = s.Text, Parent = eight }));
        return new ScheduleRevision(name, date, "test", lines);
    }

    private static readonly ScheduleRevision Old = Rev("2024_rev_9", new(2024, 7, 1), ("01", "Integrated circuits"), ("90", "Other"));
    private static readonly ScheduleRevision New = Rev("basic", new(2025, 1, 1), ("10", "RF transceivers"), ("20", "Active filters"), ("90", "Other"));

    [Fact]
    public void A_retired_code_names_the_revision_it_left_and_the_new_lines_that_replaced_it()
    {
        var m = MissingCode.Explain(New, HtsCode.Parse("8542.39.00.01"), [Old, New]);
        Assert.Same(Old, m.LastIn);
        // .90 was there before and after: it is not a successor; .10 and .20 are new.
        Assert.Equal(["8542.39.00.10", "8542.39.00.20"], m.ReplacedBy.Select(l => l.Code.ToString()));
        var text = m.Message();
        Assert.Contains("retired after revision 2024_rev_9", text);
        Assert.Contains("8542.39.00.10 (RF transceivers)", text);
        Assert.DoesNotContain("nor anything under its heading", text);
    }

    [Fact]
    public void Without_history_the_lines_under_its_parent_in_force_are_named()
    {
        var m = MissingCode.Explain(New, HtsCode.Parse("8542.39.00.01"));
        Assert.Null(m.LastIn);
        Assert.Equal(["8542.39.00.10", "8542.39.00.20", "8542.39.00.90"], m.ReplacedBy.Select(l => l.Code.ToString()));
        Assert.Contains("under 8542.39.00 \"Other\"", m.Message());
    }

    [Fact]
    public void A_heading_code_lists_the_lines_under_it_and_an_unknown_heading_says_so()
    {
        Assert.Contains("lines under it: 8542.39.00, 8542.39.00.10, 8542.39.00.20", MissingCode.Explain(New, HtsCode.Parse("8542.39")).Message());
        Assert.Contains("nor anything under its heading 9999", MissingCode.Explain(New, HtsCode.Parse("9999.10.00")).Message());
    }
}
