using System.Runtime.CompilerServices;
namespace Tariffscope.Engine;

/// <summary>
/// Amounts of duty as whole cents. Every amount the engine charges is rounded to the cent, so a batch can add and
/// store them as integers (exactly, and far faster than decimals) and turn them back only to print or report.
/// </summary>
public static class Money
{
    /// <summary>The cents of an amount already rounded to the cent; an amount with a fraction of a cent is a bug
    /// upstream, not something to round away silently.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long ToCents(decimal amount)
    {
        var cents = amount * 100m;
        var whole = decimal.Truncate(cents);
        if (cents != whole) throw new InvalidOperationException($"{amount} is not a whole number of cents");
        return decimal.ToInt64(whole);
    }

    /// <summary>Cents as an amount with two decimals (built from its digits: no division).</summary>
    public static decimal FromCents(long cents)
    {
        ulong a = cents < 0 ? 0UL - (ulong)cents : (ulong)cents;
        return new decimal((int)a, (int)(a >> 32), 0, cents < 0, 2);
    }

    /// <summary>A value's whole cents, when it has at most two decimals and fits; false otherwise (the caller then
    /// computes with decimals).</summary>
    public static bool TryWholeCents(decimal value, out long cents)
    {
        cents = 0;
        int scale = value.Scale;
        if (scale > 2) return false;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        if (bits[2] != 0) return false;
        ulong mantissa = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        if (mantissa > long.MaxValue / 100) return false;
        cents = (long)mantissa * (scale == 2 ? 1 : scale == 1 ? 10 : 100);
        if (value < 0) cents = -cents;
        return true;
    }

    /// <summary>A rate as an integer and a power of ten (0.075 → 75, 3), when its digits fit in 18.</summary>
    public static bool TryScaled(decimal rate, out long mantissa, out int scale)
    {
        mantissa = 0;
        scale = rate.Scale;
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(rate, bits);
        if (bits[2] != 0 || scale > 18) return false;
        ulong m = (uint)bits[0] | ((ulong)(uint)bits[1] << 32);
        if (m > 999_999_999_999_999_999UL) return false;
        mantissa = rate < 0 ? -(long)m : (long)m;
        return true;
    }

    private static readonly long[] Powers64 = [.. Enumerable.Range(0, 19).Select(p => { long x = 1; for (int i = 0; i < p; i++) x *= 10; return x; })];
    private static readonly Int128[] Powers = [.. Enumerable.Range(0, 19).Select(p => { Int128 x = 1; for (int i = 0; i < p; i++) x *= 10; return x; })];

    /// <summary>cents × (mantissa / 10^scale), rounded half away from zero to the cent: what
    /// <c>Math.Round(value × rate, 2, MidpointRounding.AwayFromZero)</c> gives when both are exact decimals.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long TimesRate(long cents, long mantissa, int scale)
    {
        // the usual case fits in 64 bits (a value under $10^12 at a rate of a few digits): no 128-bit division
        long high = Math.BigMul(cents, mantissa, out long prod);
        if (high == prod >> 63 && prod != long.MinValue)
        {
            long p64 = Powers64[scale];
            long q64 = prod / p64, r64 = prod - q64 * p64;
            if (Math.Abs(r64) * 2 >= p64) q64 += prod < 0 ? -1 : 1;
            return q64;
        }
        Int128 product = (Int128)cents * mantissa, p = Powers[scale];
        var (q, r) = Int128.DivRem(product, p);
        if (Int128.Abs(r) * 2 >= p) q += product < 0 ? -1 : 1;
        return (long)q;
    }

    /// <summary>Total ÷ value to six decimals (half away from zero), in millionths; 0 for a zero value.</summary>
    public static long RateMillionths(long totalCents, decimal value)
    {
        if (value == 0) return 0;
        // in integers when the value is whole cents: the decimal quotient carries 28 digits, far more than needed to
        // land on the same side of every half-millionth as the exact one (a quotient of integers below 10^16 is never
        // that close to a midpoint without being on it)
        if (TryWholeCents(value, out var cents) && cents > 0)
        {
            long high = Math.BigMul(totalCents, 1_000_000, out long num);
            if (high == num >> 63 && num != long.MinValue)
            {
                long q = num / cents, r = num - q * cents;
                if (Math.Abs(r) * 2 >= cents) q += num < 0 ? -1 : 1;
                return q;
            }
        }
        return decimal.ToInt64(Math.Round(FromCents(totalCents) / value, 6, MidpointRounding.AwayFromZero) * 1_000_000m);
    }
}
