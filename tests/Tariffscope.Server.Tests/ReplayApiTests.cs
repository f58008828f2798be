using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Tariffscope.Server.Tests;

[Collection(ServerCollection.Name)]
public class ReplayApiTests(ServerFixture server)
{
    private static readonly string[] Columns = ["entry_number", "entry_date", "hts", "country_of_origin", "entered_value", "mode", "heading_1", "duty_1", "heading_2", "duty_2", "heading_3", "duty_3"];

    /// <summary>
    /// Worked by hand: 4202.92.31.20 from China entered 2025-05-20, $5,000: Section 301 List 3 25% (9903.88.03) 1,250;
    /// IEEPA fentanyl 20% (9903.01.24, EO 14228) 1,000; IEEPA reciprocal 10% (9903.01.25, EO 14298) 500; MFN 17.6% 880.
    /// Declared right except the base duty (not declared). Refundable: the two IEEPA layers, 1,500. MPF: 0.3464% of
    /// 5,000 = 17.32, below the FY2025 minimum of 32.71 (89 FR 59126).
    /// </summary>
    [Fact]
    public async Task Replay_of_a_china_line_gives_its_refundable_ieepa_duty_its_flag_and_the_mpf_minimum()
    {
        var body = new
        {
            columns = Columns,
            rows = new[] { new[] { "E1", "2025-05-20", "4202.92.31.20", "CN", "5000", "ocean", "9903.88.03", "1250", "9903.01.24", "1000", "9903.01.25", "500" },
                           new[] { "E2", "2025-05-20", "4202.92.31.20", "QQ", "5000", "ocean", "", "", "", "", "", "" } },
            asOf = "2026-05-01",
        };
        var response = await server.Http.PostAsJsonAsync("/api/v1/entries/replay", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var a = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, (long)a["inputLines"]!);
        Assert.Equal(1, (long)a["rated"]!);
        Assert.Equal(1, (long)a["rejected"]!);
        Assert.Equal(1500m, (decimal)a["refundable"]!);
        var line = a["lines"]![0]!;
        Assert.Equal(3630m, (decimal)line["required"]!);
        Assert.Contains(line["layers"]!.AsArray(), l => (string?)l!["flag"] == "NotDeclared" && (decimal)l["required"]! == 880m);
        var entry = a["entries"]![0]!;
        Assert.Equal(32.71m, (decimal)entry["fees"]!.AsArray().Single(f => (string)f!["id"]! == "mpf")!["amount"]!);
    }

    [Fact]
    public async Task Replay_without_rows_is_a_validation_problem()
    {
        var response = await server.Http.PostAsJsonAsync("/api/v1/entries/replay", new { columns = Columns });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
