using Tariffscope.Cli.Common;
using Tariffscope.Engine;
using Tariffscope.Policy;
using Tariffscope.Questions.Feeds;

namespace Tariffscope.Cli.Time;

/// <summary>`deadlines --ics FILE`: the events listed, as an iCalendar file.</summary>
internal static class IcsFile
{
    public static void Write(string path, string text)
    {
        try { File.WriteAllText(path, text, new System.Text.UTF8Encoding(false)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            throw new UserInputException($"--ics: cannot write {path}: {e.Message}");
        }
    }
}
