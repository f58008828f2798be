using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tariffscope.Data;
using Tariffscope.Engine;

namespace Tariffscope.Cli.Common;

/// <summary>Options of every command that asks the engine: the scenario and the "as known on" view.</summary>
public class EngineSettings : DatedDataSettings
{
    [CommandOption("--scenario <NAME>")]
    [Description("Scenario to answer under (default: actual). `tariffscope scenario list` shows them")]
    public string Scenario { get; set; } = "actual";

    [CommandOption("--as-known-on <DATE>")]
    [Description("Answer with the rules as published up to this date (no hindsight), YYYY-MM-DD")]
    public string? AsKnownOn { get; set; }

    public DateOnly? ResolveAsKnownOn() => AsKnownOn is null ? null : DateOnly.ParseExact(AsKnownOn.Trim(), "yyyy-MM-dd");

    public override ValidationResult Validate()
    {
        var v = base.Validate();
        return v.Successful ? ValidateDate(AsKnownOn, "--as-known-on") : v;
    }

    public Workspace LoadWorkspace() => Workspace.Load(ResolveDataDirectory());

    /// <summary>The rules every question of this command is asked against (the data directory's, today in US Eastern).</summary>
    public Rulebook Rules() => new(LoadWorkspace());

    public TariffEngine Engine(Rulebook rules) => rules.Engine(Scenario, ResolveAsKnownOn());
}

/// <summary>Engine options plus the importer and origin that narrow a list of policy events.</summary>
public class EventFilterSettings : EngineSettings
{
    [CommandOption("--importer <COUNTRY>")]
    [Description("Only this importer's measures (US or CN)")]
    public string? Importer { get; set; }

    [CommandOption("--origin <COUNTRY>")]
    [Description("Only measures that reach goods of this origin")]
    public string? Origin { get; set; }
}
