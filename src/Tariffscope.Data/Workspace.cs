using System.Collections.Concurrent;
using Tariffscope.Data.Hts;
using Tariffscope.Data.Policy;
using Tariffscope.Data.Trade;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using Tariffscope.Trade;

namespace Tariffscope.Data;

/// <summary>
/// Everything a question needs, loaded once: the schedules (the imported HTS or the built-in sample; China's
/// built-in sample lines), the actual policy and its scenarios, and one compiled engine per scenario. The command
/// line, the server and batch rating all start here.
/// </summary>
public sealed class Workspace
{
    public const string ChinaSampleResource = "schedule/cn-sample.json";
    private readonly ConcurrentDictionary<(string Scenario, DateOnly? AsKnownOn), TariffEngine> _engines = new();

    public DataDirectory Directory { get; }
    public ScheduleSource UsSchedule { get; }
    public Schedule ChinaSchedule { get; }
    public ScenarioCatalog Scenarios { get; }
    public IReadOnlyDictionary<string, Schedule> Schedules { get; }

    /// <summary>
    /// Shares of each line's imports entered under a preference claim (USMCA for Canada and Mexico), by month: what
    /// expected duty weighs. Loaded here only, on first use; today from the claim shares imported into the data
    /// directory (`tariffscope data import-claims`), empty when none are.
    /// </summary>
    public ClaimShares ClaimShares => _claimShares.Value;
    private readonly Lazy<ClaimShares> _claimShares;

    private Workspace(DataDirectory directory, ScheduleSource us, Schedule cn, ScenarioCatalog scenarios)
    {
        Directory = directory;
        UsSchedule = us;
        ChinaSchedule = cn;
        Scenarios = scenarios;
        Schedules = new Dictionary<string, Schedule> { ["US"] = us.Schedule, ["CN"] = cn };
        _claimShares = new(() => ClaimShareFile.LoadStored(directory));
    }

    /// <summary>Loads the data directory's schedule and policy files (falling back to the built-in data).</summary>
    public static Workspace Load(DataDirectory directory) =>
        new(directory, ScheduleSource.Load(directory), LoadChinaSample(), PolicyLoader.Load(directory.Root));

    /// <summary>The built-in data only: no imports, nothing read from disk.</summary>
    public static Workspace BuiltIn() =>
        new(new DataDirectory("(built-in)", "built-in data only"), ScheduleSource.BuiltIn(), LoadChinaSample(), PolicyLoader.Load());

    private static Schedule LoadChinaSample()
    {
        using var stream = BuiltInData.Open(ChinaSampleResource);
        var file = HtsJsonReader.Read(stream, "built-in " + ChinaSampleResource);
        return new Schedule([file.ToRevision("cn-sample", new DateOnly(2025, 1, 1),
            "built-in sample of China's Customs Tariff (a few HS6 lines; see data/schedule/cn-sample.md)", "CN")]);
    }

    /// <summary>The engine for a scenario, optionally with only the rules published by <paramref name="asKnownOn"/>.</summary>
    public TariffEngine Engine(string scenario = ScenarioCatalog.Actual, DateOnly? asKnownOn = null) =>
        _engines.GetOrAdd((scenario.ToLowerInvariant(), asKnownOn), key =>
        {
            var policy = Scenarios.Resolve(scenario);
            if (asKnownOn is { } d) policy = policy.AsKnownOn(d);
            return new TariffEngine(Schedules, policy, UsSchedule.Description);
        });

    /// <summary>Which schedule answers for an importer, in words.</summary>
    public string ScheduleDescription(string importer, DateOnly date) =>
        importer == "CN" ? "built-in sample of China's Customs Tariff (not the full tariff)" : UsSchedule.DescribeOn(date);
}
