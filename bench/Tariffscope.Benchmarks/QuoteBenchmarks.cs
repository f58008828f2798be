using BenchmarkDotNet.Attributes;
using Tariffscope.Data;
using Tariffscope.Data.Hts;
using Tariffscope.Data.Policy;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;

namespace Tariffscope.Benchmarks;

/// <summary>
/// One quote once the engine is loaded: the full 2026 basic HTS and the shipped policy, on lines that exercise the
/// stacking rules (Section 301 + IEEPA on China, a steel derivative with a metal share, the EU 15% floor).
/// </summary>
[MemoryDiagnoser]
public class QuoteBenchmarks
{
    private TariffEngine _engine = null!;
    private EntryLine _list3 = null!, _steel = null!, _eu = null!;

    [GlobalSetup]
    public void Setup()
    {
        var file = Environment.GetEnvironmentVariable(HtsLoadBenchmarks.FileVariable)!;
        var revision = HtsJsonReader.Read(file).ToRevision("2026_basic", new DateOnly(2025, 1, 1));
        var schedules = new Dictionary<string, Schedule> { ["US"] = new([revision]) };
        _engine = new TariffEngine(schedules, PolicyLoader.Load().ActualPolicy, "USITC HTS 2026 basic");
        _list3 = new EntryLine { Code = HtsCode.Parse("9403.60.80.93"), Origin = "CN", Date = new(2025, 8, 20), CustomsValue = 12_345.67m };
        _steel = new EntryLine { Code = HtsCode.Parse("7326.90.86.88"), Origin = "CN", Date = new(2025, 8, 20), CustomsValue = 12_345.67m, MetalShare = 0.6m };
        _eu = new EntryLine { Code = HtsCode.Parse("8481.80.50.90"), Origin = "DE", Date = new(2025, 9, 1), CustomsValue = 12_345.67m };
        foreach (var e in new[] { _list3, _steel, _eu }) _engine.Quote(e); // resolve lines once, as any long run does
    }

    [Benchmark] public Quote List3FromChina() => _engine.Quote(_list3);
    [Benchmark] public Quote SteelDerivativeWithMetalShare() => _engine.Quote(_steel);
    [Benchmark] public Quote EuFloor() => _engine.Quote(_eu);
}
