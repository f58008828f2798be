using System.Reflection;

namespace Tariffscope.Cli.Common;

/// <summary>What `tariffscope --version` prints: the informational version the build stamped (with its commit when
/// the build knows it), else the assembly version.</summary>
public static class VersionText
{
    public static string Current { get; } =
        typeof(VersionText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionText).Assembly.GetName().Version?.ToString() ?? "unknown";
}
