using System.Net;
using System.Net.Sockets;
using System.Text;
using Tariffscope.Data;
using Tariffscope.Data.Hts;

namespace Tariffscope.Tests.Hts;

public class HtsImporterTests
{
    private const string Dates = "revision,effective_date,note\nbasic,2025-01-01,x\nrev_17,2025-07-01,\"copper, Canada\"\n2026_basic,2026-01-01,x\n";

    private static DataDirectory Dir(TempDir t) => new(t.File("data"), "test");

    [Fact]
    public async Task Imports_a_local_file_with_the_revision_given_and_records_it()
    {
        using var t = new TempDir();
        var export = t.File("export.json");
        File.WriteAllText(export, HtsJsonReaderTests.Small);
        var dir = Dir(t);

        var result = await HtsImporter.ImportAsync(dir, new HtsImportRequest(export, "mine", new DateOnly(2025, 3, 1), Partial: true));

        Assert.Equal(dir.RevisionFile("mine"), result.StoredAt);
        Assert.Equal(8, result.Revision.Rows);
        Assert.Equal(7, result.Lines);
        Assert.False(result.Replaced);
        using (var f = File.OpenRead(result.StoredAt)) Assert.Equal(0x1F, f.ReadByte()); // stored compressed
        var listed = Assert.Single(ImportedRevisions.Read(dir));
        Assert.Equal(("mine", new DateOnly(2025, 3, 1), 8), (listed.Name, listed.EffectiveDate, listed.Rows));
        Assert.Equal(64, listed.Sha256.Length);
        Assert.Empty(Directory.EnumerateFiles(dir.HtsFolder, "*.tmp*")); // no leftovers

        // and the schedule source now answers from it
        var source = ScheduleSource.Load(dir);
        Assert.Contains($"1 imported, last on {listed.ImportedAt.UtcDateTime:yyyy-MM-dd}", source.Description);
        Assert.Equal(7, source.Schedule.On(new DateOnly(2025, 3, 1))!.Lines.Count);
        Assert.Contains("imported", source.DescribeOn(new DateOnly(2025, 3, 1)));
        Assert.Contains("built-in record", source.DescribeOn(new DateOnly(2025, 3, 4))); // the record's next revision takes over
    }

    [Fact]
    public async Task Infers_the_revision_from_the_file_name_and_a_revisions_list_in_the_data_directory()
    {
        using var t = new TempDir();
        var dir = Dir(t);
        Directory.CreateDirectory(dir.HtsFolder);
        File.WriteAllText(dir.KnownRevisionDatesFile, Dates);
        var export = t.File("hts_2025_rev_17.json");
        File.WriteAllText(export, HtsJsonReaderTests.Small);

        var result = await HtsImporter.ImportAsync(dir, new HtsImportRequest(export, Partial: true));
        Assert.Equal(("rev_17", new DateOnly(2025, 7, 1), "2025 Revision 17"), (result.Revision.Name, result.Revision.EffectiveDate, result.Revision.Title));

        var again = await HtsImporter.ImportAsync(dir, new HtsImportRequest(export, Partial: true));
        Assert.True(again.Replaced);
        Assert.Single(ImportedRevisions.Read(dir));
    }

    [Fact]
    public async Task Without_a_way_to_date_the_file_it_asks_for_the_options()
    {
        using var t = new TempDir();
        var export = t.File("tariff.json");
        File.WriteAllText(export, HtsJsonReaderTests.Small);
        var e = await Assert.ThrowsAsync<HtsImportException>(() => HtsImporter.ImportAsync(Dir(t), new HtsImportRequest(export, Partial: true)));
        Assert.Contains("cannot tell which revision it is and when it takes effect from the file name 'tariff.json'", e.Message);
        Assert.Contains("--revision NAME and --effective YYYY-MM-DD", e.Message);
        Assert.False(File.Exists(Dir(t).HtsRevisionsFile));
    }

    [Fact]
    public async Task A_revision_the_record_does_not_know_asks_for_its_date()
    {
        using var t = new TempDir();
        var export = t.File("hts_2027_rev_3.json");
        File.WriteAllText(export, HtsJsonReaderTests.Small);
        var e = await Assert.ThrowsAsync<HtsImportException>(() => HtsImporter.ImportAsync(Dir(t), new HtsImportRequest(export, Partial: true)));
        Assert.Contains("when revision 2027_rev_3 takes effect", e.Message);
    }

    [Fact]
    public async Task A_revision_the_record_knows_takes_the_record_s_date()
    {
        // revision_list_2026.csv: 2026 revision 11 took effect on 2026-07-01; the record knows it but holds no export
        using var t = new TempDir();
        var export = t.File("hts_2026_rev_11.json");
        File.WriteAllText(export, HtsJsonReaderTests.Small);
        var r = await HtsImporter.ImportAsync(Dir(t), new HtsImportRequest(export, Partial: true));
        Assert.Equal(("2026_rev_11", new DateOnly(2026, 7, 1)), (r.Revision.Name, r.Revision.EffectiveDate));
    }

    [Fact]
    public async Task A_broken_file_is_never_installed()
    {
        using var t = new TempDir();
        var export = t.File("broken.json");
        File.WriteAllText(export, HtsJsonReaderTests.Small[..200]);
        var dir = Dir(t);
        var e = await Assert.ThrowsAsync<HtsFormatException>(() => HtsImporter.ImportAsync(dir, new HtsImportRequest(export, "x", new DateOnly(2025, 1, 1), Partial: true)));
        Assert.Equal("broken.json", e.File);
        Assert.False(File.Exists(dir.RevisionFile("x")));
        Assert.Empty(Directory.EnumerateFiles(dir.HtsFolder));
    }

    [Fact]
    public async Task Two_revisions_cannot_take_effect_the_same_day()
    {
        using var t = new TempDir();
        var export = t.File("e.json");
        File.WriteAllText(export, HtsJsonReaderTests.Small);
        var dir = Dir(t);
        await HtsImporter.ImportAsync(dir, new HtsImportRequest(export, "a", new DateOnly(2025, 1, 1), Partial: true));
        var e = await Assert.ThrowsAsync<HtsImportException>(() => HtsImporter.ImportAsync(dir, new HtsImportRequest(export, "b", new DateOnly(2025, 1, 1), Partial: true)));
        Assert.Contains("revision a already takes effect on 2025-01-01", e.Message);
    }

    [Theory]
    [InlineData("ftp://example.org/hts.json", "only http and https")]
    [InlineData("no/such/file.json", "no such file")]
    public async Task Refuses_sources_it_cannot_read(string source, string message)
    {
        using var t = new TempDir();
        var e = await Assert.ThrowsAsync<HtsImportException>(() => HtsImporter.ImportAsync(Dir(t), new HtsImportRequest(source, "x", new DateOnly(2025, 1, 1), Partial: true)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public async Task A_revision_name_that_is_not_a_safe_file_name_is_refused()
    {
        using var t = new TempDir();
        var export = t.File("e.json");
        File.WriteAllText(export, HtsJsonReaderTests.Small);
        var e = await Assert.ThrowsAsync<HtsImportException>(() => HtsImporter.ImportAsync(Dir(t), new HtsImportRequest(export, "../evil", new DateOnly(2025, 1, 1), Partial: true)));
        Assert.Contains("revision name '../evil'", e.Message);
    }

    /// <summary>Downloads a real export from an HTTP server on 127.0.0.1 and dates it from its URL's file name.</summary>
    [SkippableFact]
    public async Task Downloads_a_real_export_over_http()
    {
        var real = SharedData.Require("hts/hts_2025_rev_17.json.gz");
        using var t = new TempDir();
        var dir = Dir(t);
        var datesFile = t.File("revision_dates.csv");
        File.WriteAllText(datesFile, Dates);
        await using var server = LocalServer.Serve(("/exports/hts_2025_rev_17.json.gz", File.ReadAllBytes(real)));

        var result = await HtsImporter.ImportAsync(dir, new HtsImportRequest(server.Url("/exports/hts_2025_rev_17.json.gz"), RevisionDatesFile: datesFile)); // a whole schedule: no --partial needed

        Assert.Equal("rev_17", result.Revision.Name);
        Assert.Equal(new DateOnly(2025, 7, 1), result.Revision.EffectiveDate);
        Assert.Equal(36009, result.Revision.Rows); // the 2025 Revision 17 export has 36,009 rows
        Assert.Equal(server.Url("/exports/hts_2025_rev_17.json.gz"), result.Revision.Source);
        // stored as served (already gzip): same bytes
        Assert.Equal(File.ReadAllBytes(real), File.ReadAllBytes(result.StoredAt));
    }

    [Fact]
    public async Task An_http_error_is_reported_with_its_status()
    {
        using var t = new TempDir();
        await using var server = LocalServer.Serve();
        var e = await Assert.ThrowsAsync<HtsImportException>(() =>
            HtsImporter.ImportAsync(Dir(t), new HtsImportRequest(server.Url("/missing.json"), "x", new DateOnly(2025, 1, 1), Partial: true)));
        Assert.Contains("HTTP 404", e.Message);
    }
}

/// <summary>A small HTTP server on 127.0.0.1 and a free port, serving fixed files; stops when disposed.</summary>
internal sealed class LocalServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly int _port;

    private LocalServer(Dictionary<string, byte[]> files)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            for (int served = 0; served < 20 && _listener.IsListening; served++) // bounded: a test asks a few times at most
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); } catch (Exception) { return; }
                var body = files.GetValueOrDefault(ctx.Request.Url!.AbsolutePath);
                ctx.Response.StatusCode = body is null ? 404 : 200;
                body ??= Encoding.UTF8.GetBytes("not found");
                ctx.Response.ContentLength64 = body.Length;
                await ctx.Response.OutputStream.WriteAsync(body);
                ctx.Response.Close();
            }
        });
    }

    public static LocalServer Serve(params (string Path, byte[] Body)[] files) => new(files.ToDictionary(f => f.Path, f => f.Body));

    public string Url(string path) => $"http://127.0.0.1:{_port}{path}";

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await Task.WhenAny(_loop, Task.Delay(2000));
    }
}
