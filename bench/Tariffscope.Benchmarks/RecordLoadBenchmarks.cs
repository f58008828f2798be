using BenchmarkDotNet.Attributes;
using Tariffscope.Data;
using Tariffscope.Data.Record;
using Tariffscope.Nomenclature;

namespace Tariffscope.Benchmarks;

/// <summary>
/// What a fresh process pays to answer from the built-in record: reading the resource (decompressing it, its string
/// table, every line of every revision and the lists), then the schedule in force on one date, indexed for lookups.
/// Beside it, the same revision read from its USITC export (see <see cref="HtsLoadBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
[MinColumn, MedianColumn]
public class RecordLoadBenchmarks
{
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        using var s = BuiltInData.Open(BuiltInRecord.ResourceName);
        using var m = new MemoryStream();
        s.CopyTo(m);
        _bytes = m.ToArray();
    }

    [Benchmark(Description = "read the record (43 revisions, 55+ lists, claim shares)")]
    public int ReadRecord() => BuiltInRecord.Read(_bytes, "bench").Revisions.Count;

    [Benchmark(Description = "read the record + the schedule in force on 2026-03-01, indexed")]
    public TariffLine? ScheduleOnOneDate()
    {
        var record = BuiltInRecord.Read(_bytes, "bench");
        return record.Schedule.On(new DateOnly(2026, 3, 1))!.Find(HtsCode.Parse("8471.30.01.00"));
    }
}
