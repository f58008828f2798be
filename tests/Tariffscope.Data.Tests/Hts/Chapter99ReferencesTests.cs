using Tariffscope.Data.Hts;

namespace Tariffscope.Tests.Hts;

public class Chapter99ReferencesTests
{
    private static string Found(string text) =>
        string.Join(" ", Chapter99References.Extract(text).Select(r => r.To is { } to ? $"{r.From}-{to}" : r.From.ToString()));

    [Theory]
    [InlineData("See 9903.88.15.", "9903.88.15")]
    [InlineData("See 9903.88.15 and 9903.91.01. ", "9903.88.15 9903.91.01")]
    [InlineData("See headings 9903.88.01 and 9903.88.02", "9903.88.01 9903.88.02")]
    [InlineData("See subheadings 9904.04.50-9904.05.01.", "9904.04.50-9904.05.01")]
    [InlineData("See 9903.52.00 through 9903.52.26 and 9904.52.35 through 9904.52.50.", "9903.52.00-9903.52.26 9904.52.35-9904.52.50")]
    [InlineData("See 9903.45.21, 9903.45.22, 9903.45.27 and 9903.91.02.", "9903.45.21 9903.45.22 9903.45.27 9903.91.02")]
    [InlineData("See 9903.88.03 and  U.S. note 19 to subchapter III, chapter 99.", "9903.88.03")]
    public void Finds_headings_and_ranges(string text, string expected) => Assert.Equal(expected, Found(text));

    [Theory]
    [InlineData("See chapter 99 statistical note 1.")]
    [InlineData("See U.S. note 20 to subchapter III, chapter 99.")]
    [InlineData("See 9822.04.10 (AU)")] // chapter 98, a special provision, not an additional duty
    [InlineData("Imports under this subheading may be subject to Federal Excise Tax (26 U.S.C. 5041).")]
    [InlineData("Report 19903.88.15 units")] // part of a longer number
    public void Ignores_notes_without_a_chapter_99_heading(string text) => Assert.Equal("", Found(text));

    [Fact]
    public void A_range_the_file_does_not_hold_keeps_its_two_ends()
    {
        var range = Chapter99References.Extract("See 9904.04.09-9904.04.21.").Single();
        Assert.Equal(["9904.04.09", "9904.04.21"], Chapter99References.Expand(range, []).Select(c => c.ToString()));
    }
}
