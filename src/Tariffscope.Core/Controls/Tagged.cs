namespace Tariffscope.Controls;

/// <summary>
/// An identifier in a control's data (an HS code, a control number, a country in a group) with a flag saying
/// whether it was confirmed. Data files mark an unconfirmed identifier with a trailing "?" ("1C913?"); an answer
/// that matched through it carries a warning.
/// </summary>
public readonly record struct Tagged(string Value, bool Unconfirmed = false)
{
    public static Tagged Parse(string text)
    {
        var t = text.Trim();
        return t.EndsWith('?') ? new Tagged(t[..^1].Trim(), true) : new Tagged(t);
    }

    public override string ToString() => Unconfirmed ? Value + "?" : Value;
}
