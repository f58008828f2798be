using System.Text;
using CsCheck;
using Tariffscope.Data;
using Tariffscope.Data.Fees;
using Tariffscope.Engine;
using Tariffscope.Engine.Replay;
using Tariffscope.Fees;
using Tariffscope.Questions;
using Tariffscope.Questions.Replay;

namespace Tariffscope.Tests.Replay;

/// <summary>
/// Hand-worked entries, each checked against the legal rules of its date (not against the code's own output).
/// The China line is 4202.92.31.20 (travel bags, outer surface of man-made fibres): MFN 17.6% (HTS 2025),
/// Section 301 List 3 25% (9903.88.03; 83 FR 47974, 84 FR 20459); on 2025-05-20 also IEEPA fentanyl 20%
/// (9903.01.24; EO 14195 as raised by EO 14228) and IEEPA reciprocal 10% (9903.01.25; EO 14257, EO 14298: 34% with
/// 24 points suspended from 2025-05-14). IEEPA collection ended 2026-02-24; from then to 2026-07-23 the Section 122
/// surcharge of 10% (9903.03.01; Proc. 11012) applies instead.
/// </summary>
public class EntryReplayTests
{
    private static readonly Rulebook Rules = new(Workspace.BuiltIn());
    private static readonly DateOnly AsOf = new(2026, 5, 1);

    private const string Header = "entry_number,line_number,entry_date,liquidation_date,importer,mode,hts,country_of_origin,entered_value,program,heading_1,duty_1,heading_2,duty_2,heading_3,duty_3,heading_4,duty_4";

    private static EntryReplayAnswer Ask(params string[] rows)
    {
        var lines = rows.Select(r => (IReadOnlyList<string?>)r.Split(',')).ToList();
        return new EntryReplayQuestion(Rules).Inline(new EntryReplayRequest { Columns = Header.Split(','), Rows = lines, AsOf = AsOf });
    }

    [Fact]
    public void China_list_3_line_of_2025_05_20_declared_right_refunds_its_ieepa_layers_and_pays_the_mpf_minimum()
    {
        // 5,000 × 25% = 1,250 (S301); × 20% = 1,000 (fentanyl); × 10% = 500 (reciprocal); × 17.6% = 880 (MFN)
        var a = Ask("E1,1,2025-05-20,,Acme,ocean,4202.92.31.20,CN,5000,,9903.88.03,1250.00,9903.01.24,1000.00,9903.01.25,500.00,4202.92.31.20,880.00");
        var line = Assert.Single(a.Lines);
        Assert.Equal(3630.00m, line.Required);
        Assert.Equal(0m, line.Difference);
        Assert.Equal(1500.00m, line.Refundable); // the two IEEPA layers
        Assert.All(line.Layers, l => Assert.Null(l.Flag));
        var e = Assert.Single(a.Entries);
        // MPF: 0.3464% × 5,000 = 17.32, below the FY2025 minimum of 32.71 (89 FR 59126); HMF 0.125% × 5,000 = 6.25
        Assert.Equal(32.71m, e.Fees.Single(f => f.Id == "mpf").Amount);
        Assert.Equal(6.25m, e.Fees.Single(f => f.Id == "hmf").Amount);
        // liquidation not given: 2025-05-20 + 314 days = 2026-03-30; protest deadline + 180 days = 2026-09-26 (19 U.S.C. 1514)
        Assert.Equal(new DateOnly(2026, 3, 30), e.Liquidation);
        Assert.True(e.LiquidationEstimated);
        Assert.Equal(new DateOnly(2026, 9, 26), e.ProtestDeadline);
        // on 2026-05-01 it was liquidated 32 days before: CAPE phase 1 (within 80 days of liquidation)
        Assert.Equal("liquidated", e.Status);
        Assert.StartsWith("CAPE", e.RefundRoute);
    }

    [Fact]
    public void Reciprocal_duty_declared_under_the_pre_Geneva_heading_is_flagged_as_a_wrong_heading_and_still_refundable()
    {
        // 9903.01.63 carried China's reciprocal duty only until 2025-05-13; from 2025-05-14 it is 9903.01.25 (EO 14298)
        var a = Ask("E2,1,2025-05-20,,Acme,ocean,4202.92.31.20,CN,10000,,9903.88.03,2500.00,9903.01.24,2000.00,9903.01.63,1000.00,4202.92.31.20,1760.00");
        var line = Assert.Single(a.Lines);
        var wrong = Assert.Single(line.Layers, l => l.Flag is not null);
        Assert.Equal(nameof(FlagKind.WrongHeading), wrong.Flag);
        Assert.Equal("9903.01.63", wrong.DeclaredAs);
        Assert.Equal("ieepa-reciprocal", wrong.Authority);
        Assert.Equal(3000.00m, line.Refundable);
        // MPF 0.3464% × 10,000 = 34.64, between the FY2025 minimum and maximum
        Assert.Equal(34.64m, Assert.Single(a.Entries).Fees.Single(f => f.Id == "mpf").Amount);
    }

    [Fact]
    public void Mexican_usmca_line_charged_the_ieepa_duty_is_a_missed_exemption_refundable_in_full_with_no_mpf()
    {
        // EO 14227 (from 2025-03-07): goods claimed under USMCA owe no IEEPA duty on Mexico (9903.01.01, 25%);
        // 8708.99.81 is free under S; USMCA-originating goods owe no MPF (19 U.S.C. 58c(b)(10))
        var a = Ask("M3,1,2025-05-20,2026-04-03,Norte,truck,8708.99.81.80,MX,10000,S,9903.01.01,2500.00,8708.99.81.80,0.00,,,,");
        var line = Assert.Single(a.Lines);
        Assert.Equal(0m, line.Required);
        var flagged = Assert.Single(line.Layers, l => l.Flag is not null);
        Assert.Equal(nameof(FlagKind.MissedExemption), flagged.Flag);
        Assert.Equal(2500.00m, line.Refundable);
        var e = Assert.Single(a.Entries);
        Assert.Equal(0m, e.Fees.Single(f => f.Id == "mpf").Amount);
        Assert.DoesNotContain(e.Fees, f => f.Id == "hmf"); // truck
        Assert.False(e.LiquidationEstimated);
        Assert.Equal(new DateOnly(2026, 9, 30), e.ProtestDeadline); // 2026-04-03 + 180 days
    }

    [Fact]
    public void Mexican_line_without_a_usmca_claim_is_flagged_as_a_missed_claim_with_no_amount()
    {
        // without a claim the IEEPA duty on Mexico (25%, 9903.01.01) applies and was declared right; MFN on 8708.99.81 is
        // 2.5%, free under S: claiming USMCA would have saved 2,500 + 250 if the goods qualify (EO 14227)
        var a = Ask("M9,1,2025-05-20,,Norte,truck,8708.99.81.80,MX,10000,,9903.01.01,2500.00,8708.99.81.80,250.00,,,,");
        var line = Assert.Single(a.Lines);
        Assert.Equal(0m, line.Difference);
        var flag = Assert.Single(line.Layers, l => l.Flag is not null);
        Assert.Equal(nameof(FlagKind.MissedClaim), flag.Flag);
        Assert.Equal(0m, flag.Declared);
        Assert.Contains("$2,750.00", flag.Reason);
        Assert.Equal(2500.00m, line.Refundable); // the IEEPA duty paid is refundable all the same
    }

    [Fact]
    public void Line_entered_after_2026_02_24_has_no_ieepa_and_pays_the_mpf_maximum()
    {
        // 250,000 × 25% = 62,500 (S301); × 10% = 25,000 (S122); × 17.6% = 44,000 (MFN). No IEEPA after 2026-02-24.
        var a = Ask("E4,1,2026-03-20,,Acme,ocean,4202.92.31.20,CN,250000,,9903.88.03,62500.00,9903.03.01,25000.00,4202.92.31.20,44000.00,,");
        var line = Assert.Single(a.Lines);
        Assert.Equal(131500.00m, line.Required);
        Assert.Equal(0m, line.Refundable);
        Assert.DoesNotContain(line.Layers, l => l.Authority.StartsWith("ieepa", StringComparison.Ordinal));
        var e = Assert.Single(a.Entries);
        // 0.3464% × 250,000 = 866.00, above the FY2026 maximum of 651.50 (90 FR 34665); HMF 312.50
        Assert.Equal(651.50m, e.Fees.Single(f => f.Id == "mpf").Amount);
        Assert.Equal(312.50m, e.Fees.Single(f => f.Id == "hmf").Amount);
        Assert.Null(e.RefundRoute);
    }

    [Fact]
    public void Mpf_is_charged_on_the_entry_not_per_line()
    {
        // two lines of 4,000: per line each would be at the minimum (2 × 32.71); on the entry, 0.3464% × 8,000 = 27.71 → 32.71 once
        var a = Ask("E5,1,2025-05-20,,Acme,air,4202.92.31.20,CN,4000,,,,,,,,,",
                    "E5,2,2025-05-20,,Acme,air,4202.92.31.20,CN,4000,,,,,,,,,");
        var e = Assert.Single(a.Entries);
        Assert.Equal(2, e.Lines);
        Assert.Equal(32.71m, e.FeesTotal); // air: no HMF
    }

    [Fact]
    public void De_minimis_is_offered_until_its_suspension_and_refused_after()
    {
        var fees = FeeFile.BuiltIn().Fees;
        // EO 14256: no de minimis for goods of China from 2025-05-02; EO 14324: none for any country from 2025-08-29
        Assert.True(fees.Compute(new(2025, 5, 1), TransportMode.Postal, [new FeeLine(500m, "CN", null)]).DeMinimis);
        Assert.False(fees.Compute(new(2025, 5, 2), TransportMode.Postal, [new FeeLine(500m, "CN", null)]).DeMinimis);
        Assert.True(fees.Compute(new(2025, 8, 28), TransportMode.Air, [new FeeLine(500m, "VN", null)]).DeMinimis);
        Assert.False(fees.Compute(new(2025, 8, 29), TransportMode.Air, [new FeeLine(500m, "VN", null)]).DeMinimis);
        Assert.False(fees.Compute(new(2025, 5, 1), TransportMode.Air, [new FeeLine(800.01m, "VN", null)]).DeMinimis);
    }

    [Fact]
    public void A_bad_line_is_rejected_with_its_field_and_the_counts_add_up()
    {
        var a = Ask("E6,1,2025-05-20,,Acme,ocean,4202.92.31.20,ZZ,100,,,,,,,,,",
                    ",1,2025-05-20,,Acme,ocean,4202.92.31.20,CN,100,,,,,,,,,",
                    "E8,1,2025-05-20,,Acme,ship,4202.92.31.20,CN,100,,,,,,,,,",
                    "E9,1,2025-05-20,,Acme,ocean,4202.92.31.20,CN,100,,,5,,,,,,");
        Assert.Equal(4, a.InputLines);
        Assert.Equal(0, a.Rated);
        Assert.True(a.Balanced);
        Assert.Contains(a.Rejects, r => r.Field == "country_of_origin");
        Assert.Contains(a.Rejects, r => r.Field == "entry_number");
        Assert.Contains(a.Rejects, r => r.Field == "mode");
        Assert.Contains(a.Rejects, r => r.Field == "heading_1");
    }

    [Fact]
    public void Heading_text_ranges_and_lists_are_read()
    {
        Assert.True(Headings.Matches("9903.85.02–9903.85.08", "9903.85.05"));
        Assert.False(Headings.Matches("9903.85.02–9903.85.08", "9903.85.09"));
        Assert.True(Headings.Matches("9903.88.69; 9903.88.70", "9903.88.70"));
        Assert.True(Headings.Matches("9903.03.01 (exemptions 9903.03.02–.11)", "9903.03.01"));
        Assert.False(Headings.Matches("9903.03.01 (exemptions 9903.03.02–.11)", "9903.03.05"));
    }

    private static readonly string[] Goods = ["4202.92.31.20,CN", "8471.30.01.00,CN", "6110.20.20,VN", "8708.99.81.80,MX", "9403.20.00.50,CN", "8703.23.01,JP"];
    private static readonly string[] Dates = ["2025-03-10", "2025-05-20", "2025-08-13", "2025-11-15", "2026-01-15", "2026-03-20", "2026-08-01"];

    [Fact]
    public void Every_line_of_a_random_file_is_replayed_or_rejected_and_the_refundable_total_is_the_ieepa_layers_rated()
    {
        var engine = Rules.Engine();
        var refunds = FeeFile.BuiltIn().Refunds;
        Gen.Select(Gen.Int[0, Goods.Length - 1], Gen.Int[0, Dates.Length - 1], Gen.Int[0, 50_000], Gen.Int[0, 5]).Array[0, 40].Sample(picks =>
        {
            var rows = new List<IReadOnlyList<string?>>();
            decimal expected = 0m;
            int bad = 0;
            for (int i = 0; i < picks.Length; i++)
            {
                var (g, d, v, kind) = picks[i];
                var good = Goods[g].Split(',');
                var code = good[0]; var origin = good[1]; var date = Dates[d];
                if (kind == 0) { origin = "QQ"; bad++; }              // unknown country: rejected
                else if (kind == 1) { date = "2025-13-01"; bad++; }   // no such date: rejected
                var row = new List<string?> { $"E{i % 7}", "1", date, "", "Imp" + (i % 3), "ocean", code, origin, v.ToString(), "" };
                // declare what the rules charge, layer by layer, from a quote of the engine itself (independent of the replay)
                if (kind > 1)
                {
                    var q = engine.Quote(new EntryLine { Code = Nomenclature.HtsCode.Parse(code), Origin = origin, Date = DateOnly.Parse(date), CustomsValue = v });
                    foreach (var l in q.Layers.Take(4)) { row.Add(l.IsBase ? code : Headings.Parse(l.Heading)[0].Lo.ToString().Insert(4, ".").Insert(7, ".")); row.Add(l.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)); }
                    expected += q.Layers.Take(4).Where(l => refunds.ForFamily(l.Family) is not null).Sum(l => l.Amount);
                }
                while (row.Count < 18) row.Add("");
                rows.Add(row);
            }
            var a = new EntryReplayQuestion(Rules).Inline(new EntryReplayRequest { Columns = Header.Split(','), Rows = rows, AsOf = AsOf });
            Assert.Equal(picks.Length, a.InputLines);
            Assert.Equal(a.InputLines, a.Rated + a.Rejected);
            Assert.Equal(bad, a.Rejected);
            Assert.Equal(a.Rated, a.Lines.Length);
            Assert.Equal(expected, a.Refundable);
            Assert.Equal(a.Refundable, a.Lines.Sum(l => l.Refundable));
            Assert.Equal(a.Refundable, a.Entries.Sum(e => e.Refundable));
        }, iter: 40);
    }
}
