using System.Globalization;
using CsCheck;
using nietras.SeparatedValues;
using Tariffscope.Data.Entries;

namespace Tariffscope.Tests.Entries;

/// <summary>The CSV writer formats rows itself (so a batch's workers can do it): its bytes must be those Sep writes
/// with escaping on, for any text (delimiters, quotes, line breaks, formula signs) and any number.</summary>
public class CsvTableWriterTests
{
    private static readonly TableColumn[] Columns =
    [
        new("text, with comma", CellKind.Text), new("input", CellKind.Input), new("money", CellKind.Money), new("rate", CellKind.Rate),
        new("count", CellKind.Integer), new("cents", CellKind.Cents), new("millionths", CellKind.Millionths),
    ];

    private static readonly Gen<string> Text = Gen.OneOf(Gen.String[Gen.Char["a,;\"\r\n\t =+-@'.0123456789é"], 0, 12], Gen.String.AlphaNumeric);

    private static byte[] BySep(IReadOnlyList<Cell[]> rows, string path)
    {
        using (var w = Sep.New(',').Writer(o => o with { Escape = true, WriteHeader = false, CultureInfo = CultureInfo.InvariantCulture }).ToFile(path))
        {
            using (var h = w.NewRow()) for (int i = 0; i < Columns.Length; i++) h[i].Set(SpreadsheetText.Safe(Columns[i].Name));
            foreach (var cells in rows)
            {
                using var r = w.NewRow();
                r[0].Set(SpreadsheetText.Safe(cells[0].Text!));
                r[1].Set(SpreadsheetText.Safe(cells[1].Text!));
                r[2].Format(cells[2].Number, "0.00");
                r[3].Format(cells[3].Number, "0.######");
                r[4].Format(cells[4].Integer);
                r[5].Format(cells[5].Integer / 100m, "0.00");
                r[6].Format(cells[6].Integer / 1_000_000m, "0.######");
            }
        }
        return File.ReadAllBytes(path);
    }

    [Fact]
    public void Rows_are_the_bytes_Sep_writes() =>
        Gen.Select(Text, Text, Gen.Long[-10_000_000_000, 10_000_000_000], Gen.Int[0, 3_000_000], Gen.Long, Gen.Long[-100_000_000_000, 100_000_000_000], Gen.Long[0, 5_000_000])
            .Select((a, b, m, r, n, c, u) => new[]
            {
                new Cell { Text = a }, new Cell { Text = b }, new Cell { Number = m / 100m }, new Cell { Number = r / 1_000_000m },
                new Cell { Integer = n }, new Cell { Integer = c }, new Cell { Integer = u },
            }).List[0, 30].Sample(rows =>
            {
                var dir = Directory.CreateTempSubdirectory("tariffscope-csv-").FullName;
                try
                {
                    var mine = Path.Combine(dir, "mine.csv");
                    using (var w = new CsvTableWriter(mine, Columns))
                    {
                        foreach (var cells in rows) w.WriteRow(cells);
                        w.Commit();
                    }
                    Assert.Equal(BySep(rows, Path.Combine(dir, "sep.csv")), File.ReadAllBytes(mine));
                }
                finally { Directory.Delete(dir, true); }
            }, iter: 200);
}
