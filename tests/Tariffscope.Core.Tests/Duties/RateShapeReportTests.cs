using Tariffscope.Duties;

namespace Tariffscope.Tests.Duties;

public class RateShapeReportTests
{
    [Fact]
    public void Counts_occurrences_by_shape_and_lists_the_unparsed()
    {
        string?[] texts = ["Free", "6.5%", "6.5%", "2.4¢/kg", "25¢/kg + 3.1%", "", null, "5 bananas", "5 bananas", "No change"];
        var report = RateShapeReport.Build(texts);
        // 10 texts, 2 empty: 8 read; 2 of them ("5 bananas" twice) not understood.
        Assert.Equal(8, report.Total);
        Assert.Equal(6, report.Parsed);
        Assert.Equal(2, report.Empty);
        Assert.Equal(2, report.UnparsedCount);
        Assert.Equal(0.75m, report.ParsedShare);
        Assert.Equal(2, report.ByShape["ad valorem"]);
        Assert.Equal(1, report.ByShape["free"]);
        Assert.Equal(1, report.ByShape["specific"]);
        Assert.Equal(1, report.ByShape["compound"]);
        Assert.Equal(1, report.ByShape["reference"]);
        Assert.Equal(2, report.ByShape["unparsed"]);
        Assert.Equal(2, Assert.Single(report.Unparsed).Value);
    }

    [Fact]
    public void Special_texts_count_each_clause()
    {
        var report = RateShapeReport.BuildSpecial(["Free (AU,KR) 3.2% (CO)", "Free (KR) 5 bananas (PA)", ""]);
        // Clauses: Free, 3.2%, Free, "5 bananas" → 4 read, 3 parsed.
        Assert.Equal(4, report.Total);
        Assert.Equal(3, report.Parsed);
        Assert.Equal(1, report.Empty);
        Assert.Equal("5 bananas", Assert.Single(report.Unparsed).Key);
    }

    [Fact]
    public void Nothing_to_read_is_fully_parsed() => Assert.Equal(1m, RateShapeReport.Build([]).ParsedShare);
}
