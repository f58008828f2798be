using Tariffscope.Controls;
using Tariffscope.Data.Controls;

namespace Tariffscope.Tests.Controls;

/// <summary>
/// An NdFeB magnet declared as Nd: the April 2025 magnet rule (Announcement No. 18) covers magnets with Dy or Tb,
/// which sintered NdFeB magnets usually hold. The answer may not clear it without saying so.
/// </summary>
public class NdFeBMagnetTests
{
    private static readonly ControlScreener Actual = new(ControlData.LoadBuiltIn());

    [Fact]
    public void A_magnet_declared_as_Nd_warns_about_Dy_and_Tb()
    {
        var a = Actual.Check(new ControlQuery("CN", "US", new DateOnly(2025, 8, 1), Hs: "8505.11", Element: "Nd"));
        Assert.Contains(a.Warnings, w => w.Contains("cn-ann18-magnets") && w.Contains("Dy") && w.Contains("Tb"));
    }

    [Fact]
    public void The_same_magnet_declared_with_Dy_needs_a_licence_and_no_such_warning()
    {
        var a = Actual.Check(new ControlQuery("CN", "US", new DateOnly(2025, 8, 1), Hs: "8505.11", Element: "Dy"));
        Assert.Equal(ControlOutcome.LicenceRequired, a.Outcome);
        Assert.DoesNotContain(a.Warnings, w => w.Contains("usually also contain"));
    }

    [Fact]
    public void Before_the_April_2025_rule_there_is_nothing_to_warn_about()
    {
        var a = Actual.Check(new ControlQuery("CN", "US", new DateOnly(2025, 3, 1), Hs: "8505.11", Element: "Nd"));
        Assert.DoesNotContain(a.Warnings, w => w.Contains("cn-ann18-magnets"));
    }

    [Fact]
    public void An_item_outside_the_magnet_heading_is_not_warned()
    {
        var a = Actual.Check(new ControlQuery("CN", "US", new DateOnly(2025, 8, 1), Hs: "2805.30", Element: "Nd"));
        Assert.DoesNotContain(a.Warnings, w => w.Contains("cn-ann18-magnets"));
    }
}
