using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using Tariffscope.Data.Hts;

namespace Tariffscope.Cli.Common;

/// <summary>How commands write: JSON for machines (camelCase, indented), one plain line on stderr for errors.</summary>
public static class CommandOutput
{
    public static readonly JsonSerializerOptions Json = AnswerJson.Indented;

    /// <summary>Writes <paramref name="value"/> as JSON, unwrapped (Spectre would wrap long lines).</summary>
    public static void WriteJson(IAnsiConsole console, object value)
    {
        var writer = console.Profile.Out.Writer;
        writer.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Json));
        writer.Flush();
    }

    /// <summary>
    /// Runs a command's body: an error the user can act on (bad file, missing data, bad option) becomes one line
    /// on stderr and exit code 1; anything else is a bug, reported in one line with exit code 70, never a stack trace.
    /// </summary>
    public static int Guard(Func<int> body) => GuardAsync(() => Task.FromResult(body())).GetAwaiter().GetResult();

    /// <inheritdoc cref="Guard"/>
    public static async Task<int> GuardAsync(Func<Task<int>> body)
    {
        try { return await body(); }
        catch (Exception e) when (IsUserError(e))
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"internal error ({e.GetType().Name}): {e.Message}");
            return 70;
        }
    }

    // A scenario name or file, a policy or control data file, a model input: each names what the user gave and
    // what is wrong with it, so it is the user's to fix (exit 1), not a bug (70).
    private static bool IsUserError(Exception e) => e is HtsFormatException or HtsImportException or IOException
        or UnauthorizedAccessException or ArgumentException or FormatException or UserInputException
        or Tariffscope.Policy.ScenarioException or Tariffscope.Controls.ControlScenarioException
        or Tariffscope.Data.Policy.PolicyFileException or Tariffscope.Data.Controls.ControlDataException
        or Tariffscope.Data.Economics.InputFileException;
}

/// <summary>A request the command cannot answer as asked (an unknown code, a date before the first revision).</summary>
public sealed class UserInputException(string message) : Exception(message);
