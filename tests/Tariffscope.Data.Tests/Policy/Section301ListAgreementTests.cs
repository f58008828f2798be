using Tariffscope.Data.Hts;
using Tariffscope.Tests.Engine;

namespace Tariffscope.Tests.Policy;

/// <summary>
/// Section 301 Lists 1–4A as the shipped lists define them (lines the HTS 2025 Basic Edition footnotes to 9903.88.01,
/// .02, .03, .04, .15) against the Budget Lab's compiled list, at 8 digits. Where they disagree the official HTS is
/// followed; the test names the disagreements so that a new one is seen.
/// </summary>
public class Section301ListAgreementTests
{
    [SkippableFact]
    public void Footnoted_lists_1_to_4A_agree_with_the_compiled_list_but_for_named_lines()
    {
        var hts = HtsJsonReader.Read(SharedData.Require("hts/hts_2025_basic.json.gz")).ToRevision("basic", new DateOnly(2025, 1, 1));
        var compiled = File.ReadLines(SharedData.Require("lists/us/yale-s301_product_lists.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f[1] is "1" or "2" or "3" or "3_addl" or "4A")
            .Select(f => f[0]).ToHashSet(StringComparer.Ordinal);

        var policy = TestWorld.Catalog.Resolve("actual");
        var headings = new[] { "s301-list1", "s301-list2", "s301-list3", "s301-list4a" }
            .SelectMany(n => policy.Lists[n].FootnoteHeadings).Select(h => h.Digits).ToHashSet(StringComparer.Ordinal);
        var lines = hts.Lines.Where(l => l.Code.Length >= 8).ToList();
        var inHts = lines.Select(l => l.Code.Digits[..8]).ToHashSet(StringComparer.Ordinal);
        var footnoted = lines.Where(l => l.Ancestors().Prepend(l).SelectMany(a => a.Chapter99Refs).Any(r => headings.Contains(r.Digits)))
            .Select(l => l.Code.Digits[..8]).ToHashSet(StringComparer.Ordinal);

        // 8507.60.00: the HTS footnotes it to 9903.88.15 (List 4A); the compiled list has it only under the 2024 review.
        Assert.Equal(["85076000"], footnoted.Except(compiled).Order());
        // In the compiled list, not footnoted in the 2025 HTS: 0403.20.50 (footnoted to the dairy quota headings
        // only) and the diodes and transistors of 8541.10, .21, .29, which the 2025 HTS footnotes to 9903.91.05 alone
        // (charged 25% before 2025 by measure us-s301-semis-before-review). The other compiled codes are not 2025 lines.
        Assert.Equal(["04032050", "85411000", "85412100", "85412900"], compiled.Except(footnoted).Where(inHts.Contains).Order());
    }

    [Fact]
    public void List_4B_is_charged_by_no_measure()
    {
        // List 4B (9903.88.16) was suspended before it took effect (84 FR 69447, 18 Dec 2019).
        var policy = TestWorld.Catalog.Resolve("actual");
        Assert.DoesNotContain(policy.Lists.Values, l => l.FootnoteHeadings.Any(h => h.Digits == "99038816"));
    }
}
