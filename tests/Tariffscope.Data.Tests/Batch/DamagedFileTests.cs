using System.Buffers.Binary;
using System.IO.Compression;
using Parquet;
using Parquet.Schema;
using Tariffscope.Data.Entries;
using Tariffscope.Data.Hts;

namespace Tariffscope.Tests.Batch;

/// <summary>Damaged and hostile files: a clear error naming the file, in bounded memory; never a crash.</summary>
public class DamagedFileTests
{
    private static async Task<byte[]> Parquet(int lines)
    {
        var code = new DataField<string>("code");
        var origin = new DataField<string>("origin");
        var date = new DataField<string>("date");
        var value = new DataField<string>("value");
        using var ms = new MemoryStream();
        await using (var w = await ParquetWriter.CreateAsync(new ParquetSchema(code, origin, date, value), ms))
        {
            using var g = w.CreateRowGroup();
            await g.WriteAsync(code, Enumerable.Range(0, lines).Select(i => $"8507.60.00{i % 7}").ToArray(), null);
            await g.WriteAsync(origin, Enumerable.Repeat("CN", lines).ToArray(), null);
            await g.WriteAsync(date, Enumerable.Repeat("2025-08-13", lines).ToArray(), null);
            await g.WriteAsync(value, Enumerable.Range(0, lines).Select(i => (100 + i).ToString()).ToArray(), null);
        }
        return ms.ToArray();
    }

    [Fact]
    public async Task A_footer_length_past_the_file_is_a_clear_error_not_an_out_of_memory()
    {
        using var run = new BatchRun();
        var bytes = await Parquet(50);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), int.MaxValue - 5);
        var e = Assert.Throws<EntryFileException>(() => run.Run(run.WriteBytes("bad.parquet", bytes)));
        Assert.Contains("bad.parquet: damaged Parquet file: its footer claims", e.Message);
    }

    [Fact]
    public async Task Damaged_data_pages_give_a_clear_error_or_lines_that_add_up_never_a_crash()
    {
        // Bytes overwritten through the data pages (snappy-compressed): Parquet.Net and snappy throw "Invalid copy
        // offset", index errors and the like, which used to escape as a crash of the whole run (exit 70).
        using var run = new BatchRun();
        var good = await Parquet(400);
        var footer = BinaryPrimitives.ReadInt32LittleEndian(good.AsSpan(good.Length - 8));
        int dataEnd = good.Length - 8 - footer;
        var rnd = new Random(16);
        int clear = 0;
        for (int i = 0; i < 60; i++)
        {
            var bad = (byte[])good.Clone();
            int at = 4 + rnd.Next(dataEnd - 4);
            for (int k = 0; k < 8 && at + k < dataEnd; k++) bad[at + k] = (byte)rnd.Next(256);
            try
            {
                var r = run.Run(run.WriteBytes($"d{i}.parquet", bad), $"o{i}.csv");
                Assert.True(r.IsAccounted);
            }
            catch (EntryFileException e)
            {
                Assert.Contains($"d{i}.parquet", e.Message);
                clear++;
            }
        }
        Assert.True(clear > 0, "no corruption was detected at all: the test did not reach the data pages");
    }

    [Fact]
    public void A_gzip_bomb_stops_at_the_limit_with_a_clear_error()
    {
        // 300 MB of spaces compress to about 300 KB: inflated whole, they would take the memory the limit protects
        using var packed = new MemoryStream();
        using (var gz = new GZipStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gz.Write("["u8);
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (int i = 0; i < 300; i++) gz.Write(spaces);
            gz.Write("]"u8);
        }
        packed.Position = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<HtsFormatException>(() => HtsJsonReader.Read(packed, "bomb.json.gz"));
        Assert.Contains("bomb.json.gz", e.Message);
        Assert.Contains("decompresses to more than 256 MB", e.Message);
        // bounded: about the limit (the buffer grows by doubling), not the whole inflated text and a copy of it
        // (counted on this thread, where the reading runs: other tests allocate in parallel)
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 700L * 1024 * 1024);
    }
}

public class WorkbookLimitTests
{
    private static Dictionary<string, object> Row(string note) => new()
    {
        ["code"] = "8471.30.01.00", ["origin"] = "CN", ["date"] = "2025-08-13", ["value"] = "100", ["note"] = note,
    };

    [Fact]
    public void A_cell_longer_than_excel_allows_is_refused_before_it_is_read_whole()
    {
        // 2 MB of one letter compress to a few KB; MiniExcel would hold the cell's text whole (a 300 MB one took 3.6 GB)
        using var run = new BatchRun();
        var path = run.PathOf("big.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(path, new[] { Row("ok"), Row(new string('x', 2_000_000)) });
        Assert.True(new FileInfo(path).Length < 200_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<EntryFileException>(() => run.Run(path));
        Assert.Contains("big.xlsx", e.Message);
        Assert.Contains("more than 32,767 characters", e.Message);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 4_000_000 * 2, "the check read the cell whole");
    }

    [Fact]
    public void An_empty_first_sheet_says_where_the_data_may_be()
    {
        using var run = new BatchRun();
        var path = run.PathOf("two.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(path, new Dictionary<string, object>
        {
            ["Notes"] = new List<Dictionary<string, object>>(),
            ["Entries"] = new[] { Row("ok") },
        });
        var e = Assert.Throws<EntryFileException>(() => run.Run(path));
        Assert.Contains("only the first sheet, 'Notes', is read; the data may be on 'Entries'", e.Message);
    }
}
