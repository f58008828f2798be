using System.Numerics;

namespace Tariffscope.Economics;

/// <summary>Small dense linear algebra for the models: in place, on row-major arrays, no allocation.</summary>
internal static class DenseSolver
{
    /// <summary>
    /// Solves A·x = b by Gaussian elimination with partial pivoting. A (n×n, row-major) and b are overwritten.
    /// Returns false when A is singular to working precision.
    /// </summary>
    public static bool Solve(Span<double> a, Span<double> b, Span<double> x, int n)
    {
        double scale = 0;
        for (var k = 0; k < n * n; k++) scale = Math.Max(scale, Math.Abs(a[k]));
        if (scale == 0) return n == 0;
        var tiny = scale * 1e-13;

        for (var k = 0; k < n; k++)
        {
            var pivotRow = k;
            var best = Math.Abs(a[k * n + k]);
            for (var r = k + 1; r < n; r++)
            {
                var v = Math.Abs(a[r * n + k]);
                if (v > best) { best = v; pivotRow = r; }
            }
            if (best <= tiny) return false;
            if (pivotRow != k)
            {
                for (var c = k; c < n; c++) (a[k * n + c], a[pivotRow * n + c]) = (a[pivotRow * n + c], a[k * n + c]);
                (b[k], b[pivotRow]) = (b[pivotRow], b[k]);
            }
            var pivot = a[k * n + k];
            var pivotTail = a.Slice(k * n + k + 1, n - k - 1);
            for (var r = k + 1; r < n; r++)
            {
                var f = a[r * n + k] / pivot;
                if (f == 0) continue;
                AddScaled(a.Slice(r * n + k + 1, n - k - 1), pivotTail, -f);
                b[r] -= f * b[k];
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            var s = b[i] - Dot(a.Slice(i * n + i + 1, n - i - 1), x.Slice(i + 1, n - i - 1));
            // s == 0 gives +0 rather than -0, so that "no change" prints as 0.
            x[i] = s == 0 ? 0 : s / a[i * n + i];
        }
        return true;
    }

    public static double Dot(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        double sum = 0;
        var k = 0;
        if (Vector.IsHardwareAccelerated && u.Length >= Vector<double>.Count)
        {
            var acc = Vector<double>.Zero;
            for (; k <= u.Length - Vector<double>.Count; k += Vector<double>.Count)
                acc += new Vector<double>(u[k..]) * new Vector<double>(v[k..]);
            sum = Vector.Sum(acc);
        }
        for (; k < u.Length; k++) sum += u[k] * v[k];
        return sum;
    }

    /// <summary>target += factor · source.</summary>
    public static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double factor)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated && target.Length >= Vector<double>.Count)
        {
            var f = new Vector<double>(factor);
            for (; k <= target.Length - Vector<double>.Count; k += Vector<double>.Count)
                (new Vector<double>(target[k..]) + f * new Vector<double>(source[k..])).CopyTo(target[k..]);
        }
        for (; k < target.Length; k++) target[k] += factor * source[k];
    }
}
