using System.Runtime.CompilerServices;
using Tariffscope.Data;
using Tariffscope.Engine;
using Tariffscope.Policy;
using Tariffscope.Questions;

namespace Tariffscope.Tests;

/// <summary>One rulebook per loaded workspace, so tests ask for engines as the faces do (one cache).</summary>
internal static class WorkspaceRules
{
    private static readonly ConditionalWeakTable<Workspace, Rulebook> Books = new();

    public static Rulebook Rules(this Workspace w) => Books.GetValue(w, x => new Rulebook(x));

    public static TariffEngine Engine(this Workspace w, string scenario = ScenarioCatalog.Actual, DateOnly? asKnownOn = null) =>
        w.Rules().Engine(scenario, asKnownOn);
}
