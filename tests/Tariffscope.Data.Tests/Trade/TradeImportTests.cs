using System.Net;
using System.Text;
using Tariffscope.Data;
using Tariffscope.Data.Trade;

namespace Tariffscope.Tests.Trade;

public sealed class TradeImportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "tariffscope-trade-" + Guid.NewGuid().ToString("N"));
    private DataDirectory Dir => new(_root, "test");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private string WriteFile(string name, string text)
    {
        Directory.CreateDirectory(_root);
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [SkippableFact]
    public async Task A_real_Census_parquet_file_imports_whole()
    {
        var file = SharedData.Require("trade/us-imports-2024-hs10/5700.parquet");
        var result = await TradeImporter.ImportAsync(Dir, new TradeImportRequest(file));
        // The data's manifest: China alone 14,422 rows, $429.4 billion of imports, $46.7 billion of duty.
        Assert.Equal(14_422, result.Rows);
        Assert.Equal(2024, result.Year);
        Assert.Equal("CN", Assert.Single(result.Partners).Partner);
        Assert.Equal(429.4m, Math.Round(result.Value / 1e9m, 1));
        Assert.Equal(46.7m, Math.Round(result.DutyCollected!.Value / 1e9m, 1));

        using var store = TradeStore.Open(Dir);
        var flows = store.Read("US", 2024);
        Assert.Equal(14_422, flows.Count);
        Assert.All(flows, f => Assert.Equal(10, f.Code.Length));
        // The first row of the file: dogs, live, 0106.19.91.20, $17,300 and $1,299 of duty (CON_VAL_YR, CAL_DUT_YR).
        var dogs = flows.Single(f => f.Code.Digits == "0106199120");
        Assert.Equal((17_300m, 1_299m), (dogs.Value, dogs.DutyCollected!.Value));

        // Importing it again replaces the partner's year rather than adding to it.
        await TradeImporter.ImportAsync(Dir, new TradeImportRequest(file));
        using var again = TradeStore.Open(Dir);
        Assert.Equal(14_422, again.Read("US", 2024).Count);
    }

    [Fact]
    public async Task A_csv_in_the_documented_layout_imports_and_replaces()
    {
        var path = WriteFile("flows.csv", "importer,partner,hs10,year,value,duty\nUS,CN,9403.60.80.93,2024,100,25\nUS,CN,8481805090,2024,300,\nUS,JP,9403608093,2024,200,0\n");
        var result = await TradeImporter.ImportAsync(Dir, new TradeImportRequest(path));
        Assert.Equal(3, result.Rows);
        Assert.Equal(600m, result.Value);
        WriteFile("flows2.csv", "importer,partner,hs10,year,value,duty,quantity,unit\nUS,CN,2204215005,2024,200,63,1000,liters\n");
        await TradeImporter.ImportAsync(Dir, new TradeImportRequest(Path.Combine(_root, "flows2.csv")));
        using var store = TradeStore.Open(Dir);
        var flows = store.Read("US");
        // CN was replaced by the second file (one line); JP stays.
        Assert.Equal(["CN", "JP"], flows.Select(f => f.Partner).Order().ToArray());
        var wine = flows.Single(f => f.Partner == "CN");
        Assert.Equal((1000m, "liters"), (wine.Quantity!.Value.Amount, wine.Quantity.Value.Unit));
    }

    [Theory]
    [InlineData("US,CN,9403.60.80,2024,100,1", "line 2, field hs10: expected a 10-digit tariff code")]
    [InlineData("US,CHN,9403608093,2024,100,1", "line 2, field partner: expected a two-letter country code")]
    [InlineData("US,CN,9403608093,2024,-5,1", "line 2, field value: expected a customs value")]
    [InlineData("US,CN,9403608093,24x,100,1", "line 2, field year: expected a year")]
    public async Task A_bad_csv_row_names_file_line_and_field(string row, string expected)
    {
        var path = WriteFile("bad.csv", "importer,partner,hs10,year,value,duty\n" + row + "\n");
        var e = await Assert.ThrowsAsync<TradeDataException>(() => TradeImporter.ImportAsync(Dir, new TradeImportRequest(path)));
        Assert.Contains("bad.csv, " + expected, e.Message);
        Assert.False(TradeStore.Exists(Dir) && new Func<bool>(() => { using var s = TradeStore.Open(Dir); return s.Holdings().Count > 0; })());
    }

    [Fact]
    public async Task The_Census_API_answer_is_downloaded_and_mapped_to_iso_codes()
    {
        // A hand-made answer in the API's shape: header row, then rows of strings; CTY_CODE repeated as the API
        // does when it is also a predicate. 5700 is China, 5880 Japan (Census Schedule C).
        const string answer = """
            [["CTY_CODE","I_COMMODITY","CON_VAL_YR","CAL_DUT_YR","CON_QY1_YR","UNIT_QY1","time","CTY_CODE"],
             ["5700","9403608093","1000","250","0","X","2024-12","5700"],
             ["5880","2204215005","2000","126","1000","L","2024-12","5880"]]
            """;
        using var server = new LocalServer(answer);
        var result = await TradeImporter.ImportAsync(Dir, new TradeImportRequest(server.Url + "data/timeseries/intltrade/imports/hs?get=CTY_CODE,I_COMMODITY&time=2024-12"));
        Assert.Equal("census-api", result.Kind);
        Assert.Equal(2024, result.Year);
        Assert.Equal(3000m, result.Value);
        Assert.Equal(376m, result.DutyCollected);
        using var store = TradeStore.Open(Dir);
        var flows = store.Read("US", 2024);
        Assert.Equal(["CN", "JP"], flows.Select(f => f.Partner).Order().ToArray());
        Assert.Null(flows.Single(f => f.Partner == "CN").Quantity);          // unit X: no quantity
        Assert.Equal(1000m, flows.Single(f => f.Partner == "JP").Quantity!.Value.Amount);
        Assert.StartsWith("/data/timeseries/intltrade/imports/hs", server.LastPath);
    }

    [Fact]
    public async Task An_unmapped_Census_country_is_refused_with_the_row()
    {
        using var server = new LocalServer("""[["CTY_CODE","I_COMMODITY","CON_VAL_YR","time"],["9999","9403608093","1","2024-12"]]""");
        var e = await Assert.ThrowsAsync<TradeDataException>(() => TradeImporter.ImportAsync(Dir, new TradeImportRequest(server.Url + "x")));
        Assert.Contains("row 2, field CTY_CODE", e.Message);
        Assert.Contains("--countries", e.Message);
    }

    [SkippableFact]
    public void Every_built_in_country_code_is_a_Census_code()
    {
        var path = SharedData.Require("trade/census-country-codes.csv");
        var known = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        var ours = CensusCountries.BuiltIn().ByCode;
        Assert.Equal(51, ours.Count);
        // 0003 is the API's European Union grouping, not a Schedule C country: the only one absent.
        Assert.Equal(["0003"], ours.Keys.Where(k => !known.Contains(k)).ToArray());
    }

    /// <summary>An HTTP server on 127.0.0.1 answering every GET with one body.</summary>
    private sealed class LocalServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        public string Url { get; }
        public string? LastPath { get; private set; }

        public LocalServer(string body)
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext ctx;
                    try { ctx = await _listener.GetContextAsync(); } catch { return; }
                    LastPath = ctx.Request.Url!.AbsolutePath;
                    var bytes = Encoding.UTF8.GetBytes(body);
                    ctx.Response.ContentType = "application/json";
                    await ctx.Response.OutputStream.WriteAsync(bytes);
                    ctx.Response.Close();
                }
            });
        }

        private static int FreePort()
        {
            var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
        }
    }
}
