using System.Text;
using CsCheck;

namespace Tariffscope.Tests.Batch;

/// <summary>Whatever mix of good and bad lines a file holds, every line is rated or rejected, exactly once.</summary>
public class BatchPropertyTests
{
    private static readonly string[] Good =
    [
        "8507.60.00,CN,2025-08-13,10000,,,", "8471.30.01.00,DE,2025/09/01,\"1,000.00\",,,", "6110.20.20,VN,13.10.2025,2500.5,,,",
        "2204.21.50,FR,2025-05-01,300,500,liters,", "7326.90.86,CN,2026-01-15,800,,,0.4", "8703.23.01,JP,2025-10-01,30000,,,",
        // a specific base without its quantity is rated in part (the EU's 10% that day does not read the base) ...
        "2204.21.50,FR,2025-05-01,300,,,",
    ];
    private static readonly string[] Bad =
    [
        "9999.99.99,CN,2025-08-13,1,,,", "8507.60.00,QQ,2025-08-13,1,,,", "8507.60.00,CN,05/06/2025,1,,,", "8507.60.00,CN,2025-08-13,abc,,,",
        "8507.60.00,CN", "",
        // ... but not under the EU's 15% floor including MFN (2025-09-01), which needs the whole base
        "2204.21.50,FR,2025-09-01,300,,,", "8507.60.00,CN,2025-08-13,1,2,3,4,5,6", "x,y,z,w,,,",
        "8507.60.00,CN,2025-08-13,1,-4,kg", "8507.60.00,CN,2025-08-13,1,,,7",
    ];

    [Fact]
    public void Rated_plus_rejected_equals_input_for_random_files() =>
        Gen.Select(Gen.Int[0, Good.Length + Bad.Length - 1].Array[0, 60], Gen.Int[1, 9]).Sample((picks, chunk) =>
        {
            using var run = new BatchRun();
            var csv = new StringBuilder("id,code,origin,date,value,qty,unit,metal_share\n");
            for (int i = 0; i < picks.Length; i++)
            {
                var line = picks[i] < Good.Length ? Good[picks[i]] : Bad[picks[i] - Good.Length];
                csv.Append(i + 1).Append(line.Length == 0 ? "" : ",").Append(line).Append('\n');
            }
            var r = run.Run(run.Write("in.csv", csv.ToString()), scenarios: ["actual", BatchRun.Lapse], chunk: chunk);
            var ids = BatchRun.ReadCsv(r.OutputPath).Select(x => x["id"])
                .Concat(BatchRun.ReadCsv(r.RejectsPath).Select(x => x["id"])).Select(int.Parse).Order().ToList();
            return r.IsAccounted && r.LinesRead == picks.Length && r.RowsWritten + r.RejectsWritten == picks.Length
                && ids.SequenceEqual(Enumerable.Range(1, picks.Length))
                && r.RejectsWritten == picks.Count(p => p >= Good.Length);
        }, iter: 40);
}
