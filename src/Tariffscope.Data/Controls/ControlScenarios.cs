using Tariffscope.Controls;
using YamlDotNet.RepresentationModel;

namespace Tariffscope.Data.Controls;

/// <summary>
/// Scenario files (data/scenarios/NAME.yaml, shared with the tariff engine). This reader uses only
/// <c>name</c>, <c>inherits</c>, <c>controls</c> and <c>controlSuspensions</c>, and ignores the rest.
/// A scenario applies its overrides on top of the scenario it inherits from; "actual" is the data unchanged.
/// </summary>
public static class ControlScenarios
{
    public const string Actual = "actual";

    /// <summary>
    /// The control data under a scenario: a built-in name (data/scenarios/NAME.yaml) or a path to a .yaml file.
    /// Unknown ids, unknown fields and inheritance loops are refused with <see cref="ControlDataException"/>.
    /// </summary>
    public static ControlSet Apply(ControlSet actual, string nameOrPath) => Apply(actual, nameOrPath, null, []);

    private static ControlSet Apply(ControlSet actual, string nameOrPath, string? baseDir, List<string> chain)
    {
        if (nameOrPath == Actual) return actual;
        var (file, text) = Locate(nameOrPath, baseDir);
        if (chain.Contains(file)) throw new ControlDataException(file, 1, 1, "inherits", $"inheritance loop: {string.Join(" → ", chain.Append(file))}");
        chain.Add(file);

        var y = new YamlNodes(file);
        var root = YamlNodes.LoadRoot(file, text) ?? throw new ControlDataException(file, 1, 1, "(document)", "the scenario file is empty");
        var name = y.OptText(root, "name", "scenario") ?? Path.GetFileNameWithoutExtension(file);
        var inherits = y.OptText(root, "inherits", "scenario") ?? Actual;
        var parent = Apply(actual, inherits, Path.GetDirectoryName(Path.GetFullPath(file)) is var d && File.Exists(file) ? d : baseDir, chain);

        var reader = new ControlFileReader();
        var overrides = Overrides(y, root, reader);
        reader.CheckReferences(parent);
        try { return parent.With(overrides, name); }
        catch (ControlScenarioException e) { throw new ControlDataException(file, 1, 1, "scenario", e.Message); }
    }

    /// <summary>Names of the scenarios shipped in the assembly.</summary>
    public static IReadOnlyList<string> BuiltInNames() =>
        typeof(ControlScenarios).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("builtin/scenarios/", StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
            .Select(n => n["builtin/scenarios/".Length..^".yaml".Length]).Order(StringComparer.Ordinal).ToList();

    private static (string File, string Text) Locate(string nameOrPath, string? baseDir)
    {
        if (nameOrPath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || nameOrPath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            var path = baseDir is not null && !Path.IsPathRooted(nameOrPath) && !File.Exists(nameOrPath) ? Path.Combine(baseDir, nameOrPath) : nameOrPath;
            if (!File.Exists(path)) throw new ControlDataException(nameOrPath, 0, 0, "scenario", "file not found");
            return (path, File.ReadAllText(path));
        }
        if (baseDir is not null && File.Exists(Path.Combine(baseDir, nameOrPath + ".yaml")))
            return (Path.Combine(baseDir, nameOrPath + ".yaml"), File.ReadAllText(Path.Combine(baseDir, nameOrPath + ".yaml")));
        var builtIn = ControlData.TryReadBuiltIn($"scenarios/{nameOrPath}.yaml");
        return builtIn is not null
            ? ($"data/scenarios/{nameOrPath}.yaml", builtIn)
            : throw new ControlDataException(nameOrPath, 0, 0, "scenario",
                $"unknown scenario (built-in: {string.Join(", ", BuiltInNames().Prepend(Actual))}; or give a path to a .yaml file)");
    }

    private static ControlOverrides Overrides(YamlNodes y, YamlMappingNode root, ControlFileReader reader)
    {
        var removeControls = new List<string>();
        var changeControls = new List<ControlChange>();
        var addControls = new List<Control>();
        var removeSusp = new List<string>();
        var changeSusp = new List<ControlSuspensionChange>();
        var addSusp = new List<ControlSuspension>();

        if (y.Get(root, "controls") is { } cn)
        {
            var m = y.Map(cn, "controls");
            y.OnlyFields(m, "controls", "remove", "change", "add");
            foreach (var (id, node) in y.Strings(m, "remove", "controls")) { reader.ReferTo("control", id, y, node, "controls.remove"); removeControls.Add(id); }
            foreach (var n in y.Items(m, "change", "controls"))
            {
                var c = y.Map(n, "controls.change[]");
                y.RefuseExclusiveTo(c, "controls.change");
                y.OnlyFields(c, "controls.change", "id", "from", "through", "outcome", "policy");
                var idNode = y.Need(c, "id", "controls.change");
                var id = y.Scalar(idNode, "controls.change.id");
                reader.ReferTo("control", id, y, idNode, "controls.change.id");
                ControlOutcome? outcome = null;
                if (y.Get(c, "outcome") is { } on)
                    outcome = ControlOutcomeText.FromCode(y.Scalar(on, "controls.change.outcome"))
                              ?? throw y.Error(on, "controls.change.outcome", "expected no-licence-required, licence-required, presumption-of-denial or prohibited");
                changeControls.Add(new ControlChange(id, y.OptDate(c, "from", "controls.change"), y.OptDate(c, "through", "controls.change"),
                    ClearsThrough(y, c), outcome, y.OptText(c, "policy", "controls.change")));
            }
            foreach (var n in y.Items(m, "add", "controls")) addControls.Add(reader.ControlOf(y, y.Map(n, "controls.add[]"), null));
        }
        if (y.Get(root, "controlSuspensions") is { } sn)
        {
            var m = y.Map(sn, "controlSuspensions");
            y.OnlyFields(m, "controlSuspensions", "remove", "change", "add");
            foreach (var (id, node) in y.Strings(m, "remove", "controlSuspensions")) { reader.ReferTo("suspension", id, y, node, "controlSuspensions.remove"); removeSusp.Add(id); }
            foreach (var n in y.Items(m, "change", "controlSuspensions"))
            {
                var c = y.Map(n, "controlSuspensions.change[]");
                y.RefuseExclusiveTo(c, "controlSuspensions.change");
                y.OnlyFields(c, "controlSuspensions.change", "id", "from", "through");
                var idNode = y.Need(c, "id", "controlSuspensions.change");
                var id = y.Scalar(idNode, "controlSuspensions.change.id");
                reader.ReferTo("suspension", id, y, idNode, "controlSuspensions.change.id");
                changeSusp.Add(new ControlSuspensionChange(id, y.OptDate(c, "from", "controlSuspensions.change"), y.OptDate(c, "through", "controlSuspensions.change"), ClearsThrough(y, c)));
            }
            foreach (var n in y.Items(m, "add", "controlSuspensions")) addSusp.Add(reader.SuspensionOf(y, y.Map(n, "controlSuspensions.add[]")));
        }
        return new ControlOverrides(removeControls, changeControls, addControls, removeSusp, changeSusp, addSusp);
    }

    /// <summary>"through: ~" (present but null) makes the record open-ended.</summary>
    private static bool ClearsThrough(YamlNodes y, YamlMappingNode m) => y.Has(m, "through") && y.Get(m, "through") is null;
}
