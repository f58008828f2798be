using Tariffscope.Cli.Serve;

namespace Tariffscope.Tests;

/// <summary>`serve`'s options are read, not dropped; the API key can stay out of the process list.</summary>
public class ServeOptionsTests : IDisposable
{
    private readonly TempDir _t = new();
    public void Dispose() => _t.Dispose();

    [Fact]
    public void An_unknown_log_level_is_refused_before_the_server_starts()
    {
        // before: --log-level was no option at all, dropped without a word, and the server ran at Information
        var r = Cli.Process("serve", "--urls", "http://127.0.0.1:0", "--log-level", "loud");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--log-level: expected trace, debug, information", r.Stdout + r.Stderr);
    }

    [Theory]
    [InlineData("debug", Microsoft.Extensions.Logging.LogLevel.Debug)]
    [InlineData("Warning", Microsoft.Extensions.Logging.LogLevel.Warning)]
    [InlineData("info", Microsoft.Extensions.Logging.LogLevel.Information)]
    [InlineData("none", Microsoft.Extensions.Logging.LogLevel.None)]
    public void Log_levels_are_read(string text, Microsoft.Extensions.Logging.LogLevel level) =>
        Assert.Equal(level, ServeSettings.ParseLevel(text));

    [Fact]
    public void An_option_no_command_knows_is_an_error()
    {
        var r = Cli.Process("quote", "7326.90.86", "--origin", "CN", "--date", "2025-08-01", "--bogus-option", "1");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("bogus-option", r.Stdout + r.Stderr);
    }

    [Fact]
    public void An_api_key_file_that_is_missing_or_empty_is_a_clear_error()
    {
        var r = Cli.Process("serve", "--urls", "http://127.0.0.1:0", "--api-key-file", _t.File("none.txt"));
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("--api-key-file:", r.Stderr);
        Assert.Contains("no such file", r.Stderr);
        File.WriteAllText(_t.File("empty.txt"), "\n");
        var e = Cli.Process("serve", "--urls", "http://127.0.0.1:0", "--api-key-file", _t.File("empty.txt"));
        Assert.Equal(1, e.ExitCode);
        Assert.Contains("the first line is empty", e.Stderr);
    }
}
