using Tariffscope.Data.Hts;
using Tariffscope.Data.Policy;
using Tariffscope.Data.Trade;
using Tariffscope.Engine;
using Tariffscope.Nomenclature;
using Tariffscope.Policy;
using Tariffscope.Trade;

namespace Tariffscope.Data;

/// <summary>
/// Everything a question needs, loaded once: the schedules (the built-in record of the HTS with any imported
/// revisions on top; China's built-in sample lines), the actual policy and its scenarios. Engines are built and
/// cached by the questions' rulebook, one cache for every face.
/// </summary>
public sealed class Workspace
{
    public const string ChinaSampleResource = "schedule/cn-sample.json";

    public DataDirectory Directory { get; }
    public ScheduleSource UsSchedule { get; }
    public Schedule ChinaSchedule { get; }
    public ScenarioCatalog Scenarios { get; }
    public IReadOnlyDictionary<string, Schedule> Schedules { get; }

    /// <summary>
    /// Shares of each line's imports entered under a preference claim (USMCA for Canada and Mexico), by month: what
    /// expected duty weighs. Loaded here only, on first use: the record's (USITC rate-provision data, 2024 to the last
    /// month it holds), with the months imported into the data directory (`tariffscope data import-claims`) on top.
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
        _claimShares = new(() =>
        {
            var imported = ClaimShareFile.LoadStored(directory).Tables;
            bool Replaced(ClaimShareTable t) => imported.Any(i => i.Program.Equals(t.Program, StringComparison.OrdinalIgnoreCase)
                && i.Partner == t.Partner && i.From == t.From && i.Annual == t.Annual);
            return new ClaimShares(us.Record.ClaimTables.Where(t => !Replaced(t)).Concat(imported));
        });
    }

    /// <summary>Loads the built-in record with the data directory's imports, policy files and lists on top.</summary>
    public static Workspace Load(DataDirectory directory)
    {
        var schedule = ScheduleSource.Load(directory);
        return new(directory, schedule, LoadChinaSample(), PolicyLoader.Load(directory.Root, OtherThanShipped(schedule.Record)));
    }

    /// <summary>The built-in data only (the record and the shipped policy): no imports, nothing read from disk.</summary>
    public static Workspace BuiltIn()
    {
        var schedule = ScheduleSource.BuiltIn();
        return new(new DataDirectory("(built-in)", "built-in data only"), schedule, LoadChinaSample(), PolicyLoader.Load());
    }

    /// <summary>A record dropped into the data directory's lists (the shipped record's are there already).</summary>
    internal static IReadOnlyList<ProductList>? OtherThanShipped(Record.BuiltInRecord record) =>
        ReferenceEquals(record, Record.BuiltInRecord.BuiltIn()) ? null : record.Lists;

    private static Schedule LoadChinaSample()
    {
        using var stream = BuiltInData.Open(ChinaSampleResource);
        var file = HtsJsonReader.Read(stream, "built-in " + ChinaSampleResource);
        return new Schedule([file.ToRevision("cn-sample", new DateOnly(2025, 1, 1),
            "built-in sample of China's Customs Tariff (a few HS6 lines; see data/schedule/cn-sample.md)", "CN")]);
    }

    /// <summary>
    /// A hash of everything the schedules and the policy are read from: the code that reads and applies them (the
    /// library's build), the record and the revisions held, and the data directory's policy, scenario and list files
    /// (name, size, time written). Derived files (compiled rules) are named by it, so any change of input makes
    /// them stale by name, never by content.
    /// </summary>
    public string InputsFingerprint => _fingerprint ??= Fingerprint();
    private string? _fingerprint;

    private string Fingerprint()
    {
        using var h = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        void Add(string s) => h.AppendData(System.Text.Encoding.UTF8.GetBytes(s + "\n"));
        Add(typeof(TariffEngine).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(typeof(Workspace).Assembly.ManifestModule.ModuleVersionId.ToString());
        Add(UsSchedule.Description);
        var root = Directory.Root;
        if (System.IO.Directory.Exists(root))
        {
            void AddFile(string path)
            {
                var f = new FileInfo(path);
                if (f.Exists) Add($"{Path.GetRelativePath(root, path)}|{f.Length}|{f.LastWriteTimeUtc.Ticks}");
            }
            AddFile(Directory.HtsRevisionsFile);
            AddFile(Record.BuiltInRecord.RecordFile(Directory));
            foreach (var folder in new[] { "policy", "scenarios", "lists" })
            {
                var dir = Path.Combine(root, folder);
                if (!System.IO.Directory.Exists(dir)) continue;
                foreach (var file in System.IO.Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)) AddFile(file);
            }
        }
        return Convert.ToHexStringLower(h.GetHashAndReset());
    }

    /// <summary>Which schedule answers for an importer, in words.</summary>
    public string ScheduleDescription(string importer, DateOnly date) =>
        importer == "CN" ? "built-in sample of China's Customs Tariff (not the full tariff)" : UsSchedule.DescribeOn(date);
}
