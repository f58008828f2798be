using System.Runtime.CompilerServices;
namespace Tariffscope.Data.Entries;

/// <summary>
/// An integer count of hundredths or millionths written as a decimal number, the way the format strings "0.00" and
/// "0.######" write the same amount: cents with two decimals always; a rate with up to six, trailing zeros and a
/// bare point dropped. Integers print without the cost of formatting a decimal.
/// </summary>
public static class ScaledText
{
    /// <summary>Writes <paramref name="value"/> ÷ 10^<paramref name="decimals"/> into <paramref name="buffer"/> (at
    /// least 24 characters) and returns the part written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReadOnlySpan<char> Format(long value, int decimals, bool trim, Span<char> buffer)
    {
        ulong a = value < 0 ? 0UL - (ulong)value : (ulong)value;
        ulong scale = 1;
        for (int i = 0; i < decimals; i++) scale *= 10;
        ulong whole = a / scale, fraction = a % scale;
        int at = 0;
        // "0.00" keeps the sign of a negative amount; a negative that rounds to zero is not made here (integers)
        if (value < 0) buffer[at++] = '-';
        whole.TryFormat(buffer[at..], out int written);
        at += written;
        if (trim && fraction == 0) return buffer[..at];
        buffer[at++] = '.';
        for (int d = decimals - 1; d >= 0; d--)
        {
            buffer[at + d] = (char)('0' + (int)(fraction % 10));
            fraction /= 10;
        }
        at += decimals;
        if (trim) while (buffer[at - 1] == '0') at--;
        return buffer[..at];
    }
}
