using MiniExcelLibs;
using Parquet;
using Parquet.Schema;

namespace Tariffscope.Tests.Batch;

/// <summary>Excel and Parquet inputs and outputs, written and read back with the same libraries.</summary>
public class FormatRoundTripTests
{
    // By hand (built-in sample, 2025-08-13, actual policy):
    //  8507.60.00 CN $10,000: base 3.4% = 340 + s301 25% = 2,500 + fentanyl 20% = 2,000 + reciprocal 10% = 1,000 → $5,840.00
    //  8471.30.01.00 CN $2,500.50: free; fentanyl 20% = 500.10; no reciprocal (Annex II electronics) → $500.10
    //  6110.20.20 AU $1,000: base 16.5% = 165 + baseline reciprocal 10% (EO 14257) = 100 → $265.00
    private static readonly (string Code, string Origin, decimal Value, decimal Expected)[] Lines =
    [
        ("8507.60.00", "CN", 10000m, 5840.00m),
        ("8471.30.01.00", "CN", 2500.50m, 500.10m),
        ("6110.20.20", "AU", 1000m, 265.00m),
    ];

    [Fact]
    public void Xlsx_in_and_xlsx_out()
    {
        using var run = new BatchRun();
        var input = run.PathOf("in.xlsx");
        var rows = Lines.Select(l => new Dictionary<string, object>
        {
            ["HTS"] = l.Code, ["Country"] = l.Origin, ["Entry Date"] = new DateTime(2025, 8, 13), ["Customs Value"] = (double)l.Value,
        }).Append(new Dictionary<string, object> { ["HTS"] = "8507.60.00", ["Country"] = "CN", ["Entry Date"] = "yesterday", ["Customs Value"] = 5d });
        MiniExcel.SaveAs(input, rows);
        var r = run.Run(input, "out.xlsx");
        Assert.True(r.IsAccounted);
        Assert.Equal(3, r.RowsWritten);
        Assert.Equal(1, r.RejectsWritten);
        Assert.EndsWith("out.rejects.xlsx", r.RejectsPath);
        var back = MiniExcel.Query(r.OutputPath, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, back.Count);
        for (int i = 0; i < Lines.Length; i++)
        {
            Assert.Equal(Lines[i].Code, back[i]["HTS"]);
            Assert.Equal(Lines[i].Expected, Convert.ToDecimal(back[i]["actual_total_duty"]));
        }
        var rej = MiniExcel.Query(r.RejectsPath, useHeaderRow: true).Cast<IDictionary<string, object>>().Single();
        Assert.Equal("Entry Date", rej["reject_field"]);
        Assert.Equal(4d, Convert.ToDouble(rej[Data.Entries.ResultFiles.LineColumn]));
    }

    [Fact]
    public void Input_numbers_stay_numbers_in_an_xlsx_result_and_codes_stay_text()
    {
        using var run = new BatchRun();
        var input = run.PathOf("in.csv");
        // codes with dots and dates stay text; the values are numbers
        File.WriteAllText(input, "HTS,Country,Entry Date,Customs Value\n8507.60.00,CN,2025-08-13,10000\n8471.30.01.00,CN,2025-08-13,2500.50\n");
        var r = run.Run(input, "out.xlsx");
        Assert.True(r.IsAccounted);
        var back = MiniExcel.Query(r.OutputPath, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(10000d, Assert.IsType<double>(back[0]["Customs Value"]));
        Assert.Equal(2500.5d, Assert.IsType<double>(back[1]["Customs Value"]));
        Assert.Equal("8507.60.00", Assert.IsType<string>(back[0]["HTS"]));
        Assert.Equal("2025-08-13", Assert.IsType<string>(back[0]["Entry Date"]));
    }

    [Theory]
    [InlineData("10000", 10000.0)]
    [InlineData("-12.50", -12.5)]
    [InlineData("0.6", 0.6)]
    public void A_plain_number_is_a_number(string text, double expected) =>
        Assert.Equal((decimal)expected, Assert.IsType<decimal>(Data.Entries.XlsxTableWriter.InputCell(text)));

    [Theory]
    [InlineData("0101210010")]
    [InlineData("8471.30.01.00")]
    [InlineData("2025-08-13")]
    [InlineData("1e5")]
    [InlineData("")]
    public void Codes_dates_and_other_text_stay_text(string text) =>
        Assert.Equal(text, Assert.IsType<string>(Data.Entries.XlsxTableWriter.InputCell(text)));

    [Fact]
    public async Task Parquet_in_and_parquet_out()
    {
        using var run = new BatchRun();
        var input = run.PathOf("in.parquet");
        var code = new DataField<string>("hts10");
        var origin = new DataField<string>("coo");
        var date = new DataField<DateTime>("entry_date");
        var value = new DecimalDataField("entered_value", 18, 2);
        await using (var fs = File.Create(input))
        await using (var w = await ParquetWriter.CreateAsync(new ParquetSchema(code, origin, date, value), fs))
        using (var g = w.CreateRowGroup())
        {
            await g.WriteAsync(code, Lines.Select(l => l.Code).ToArray(), null);
            await g.WriteAsync(origin, Lines.Select(l => l.Origin).ToArray(), null);
            await g.WriteAsync<DateTime>(date, Lines.Select(_ => new DateTime(2025, 8, 13)).ToArray(), null);
            await g.WriteAsync<decimal>(value, Lines.Select(l => l.Value).ToArray(), null);
        }
        var r = run.Run(input, "out.parquet", scenarios: ["actual", BatchRun.Lapse]);
        Assert.True(r.IsAccounted);
        Assert.Equal(3, r.RowsWritten);

        await using var reader = await ParquetReader.CreateAsync(r.OutputPath, null);
        var fields = reader.Schema.GetDataFields();
        using var rg = reader.OpenRowGroupReader(0);
        var codes = new string[3];
        await rg.ReadAsync(fields.Single(f => f.Name == "hts10"), codes, null);
        var totals = new decimal[3];
        await rg.ReadAsync<decimal>(fields.Single(f => f.Name == "actual_total_duty"), totals, null);
        var lapsed = new decimal[3];
        await rg.ReadAsync<decimal>(fields.Single(f => f.Name == "truce_lapses_aug_2025_total_duty"), lapsed, null);
        Assert.Equal(Lines.Select(l => l.Code), codes);
        Assert.Equal(Lines.Select(l => l.Expected), totals);
        // the lapse adds 24 points of reciprocal duty on the Chinese battery only (0.24 × 10,000 = 2,400)
        Assert.Equal([5840.00m + 2400m, 500.10m, 265.00m], lapsed);
    }
}
