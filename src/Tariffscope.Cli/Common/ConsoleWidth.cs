using Spectre.Console;

namespace Tariffscope.Cli.Common;

/// <summary>
/// How wide the output is when it is not a terminal. Spectre assumes 80 columns there, which splits URLs, dates
/// and table cells in a pipe or a file; a reader of a file wants each line whole. `COLUMNS` still wins when set.
/// </summary>
public static class ConsoleWidth
{
    /// <summary>Wide enough that nothing wraps; tables still size to their content, not to this.</summary>
    public const int Unwrapped = 4096;

    /// <summary>The width to use, or null to keep the terminal's own.</summary>
    public static int? For(bool outputRedirected, string? columns)
    {
        if (int.TryParse(columns, out var n) && n > 0) return n;
        return outputRedirected ? Unwrapped : null;
    }

    public static void Apply(IAnsiConsole console)
    {
        if (For(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("COLUMNS")) is { } width)
            console.Profile.Width = width;
    }
}
