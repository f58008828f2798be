using Tariffscope.Data;

namespace Tariffscope.Tests.Hts;

public class DataDirectoryTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_data_dir_option_comes_first()
    {
        // What a person types on the command line beats what the environment says.
        var d = DataDirectory.Resolve("/opt/cli", Env(("TARIFFSCOPE_DATA_DIR", "/srv/ts"), ("XDG_DATA_HOME", "/xdg")), "/home/u");
        Assert.Equal(Path.GetFullPath("/opt/cli"), d.Root);
        Assert.Equal("--data-dir", d.Origin);
    }

    [Fact]
    public void Then_the_environment_variable()
    {
        var d = DataDirectory.Resolve(null, Env(("TARIFFSCOPE_DATA_DIR", "/srv/ts"), ("XDG_DATA_HOME", "/xdg")), "/home/u");
        Assert.Equal(Path.GetFullPath("/srv/ts"), d.Root);
        Assert.Equal("$TARIFFSCOPE_DATA_DIR", d.Origin);
    }

    [Fact]
    public void Then_xdg_data_home()
    {
        var d = DataDirectory.Resolve(null, Env(("XDG_DATA_HOME", "/xdg"), ("TARIFFSCOPE_DATA_DIR", "  ")), "/home/u");
        Assert.Equal(Path.GetFullPath("/xdg/tariffscope"), d.Root);
    }

    [Fact]
    public void Then_the_home_folder()
    {
        var d = DataDirectory.Resolve("", Env(), "/home/u");
        Assert.Equal(Path.GetFullPath("/home/u/.local/share/tariffscope"), d.Root);
        Assert.Equal(Path.GetFullPath("/home/u/.local/share/tariffscope/hts/rev_17.json.gz"), d.RevisionFile("rev_17"));
        Assert.Equal(Path.GetFullPath("/home/u/.local/share/tariffscope/hts/revisions.csv"), d.HtsRevisionsFile);
    }

    [Fact]
    public void Without_any_of_them_it_says_what_to_set()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => DataDirectory.Resolve(null, Env(), ""));
        Assert.Contains("TARIFFSCOPE_DATA_DIR", e.Message);
    }
}
