using System.Globalization;

namespace Tariffscope.Duties;

/// <summary>How rate parts print: the canonical spellings that <see cref="DutyExpression.Parse"/> reads back.</summary>
internal static class DutyFormat
{
    private const string AllDigits = "0.############################";

    public static string Number(decimal value) => value.ToString(AllDigits, CultureInfo.InvariantCulture);

    /// <summary>Dollars per unit as the schedule prints them: cents below one dollar ("2.4¢"), dollars from one ("$1.035").</summary>
    public static string Money(decimal dollars) => dollars < 1m ? Number(dollars * 100m) + "¢" : "$" + Number(dollars);

    /// <summary>A fraction as a percentage; a third-like rate that no decimal holds exactly prints as "33 1/3%".</summary>
    public static string Percent(decimal rate)
    {
        var percent = rate * 100m;
        if (Scale(percent) > 12)
        {
            for (var den = 2; den <= 16; den++)
            {
                var total = Math.Round(percent * den);
                if (total / (den * 100m) != rate) continue;
                var whole = decimal.Truncate(total / den);
                var num = total - whole * den;
                return num == 0 ? Number(whole) + "%" : $"{Number(whole)} {Number(num)}/{den}%";
            }
        }
        return Number(percent) + "%";
    }

    /// <summary>The fraction a mixed percentage stands for, computed the one way <see cref="Percent"/> checks it.</summary>
    public static decimal MixedPercent(decimal whole, decimal num, decimal den) => (whole * den + num) / (den * 100m);

    private static int Scale(decimal d) => (decimal.GetBits(d)[3] >> 16) & 0xFF;
}
