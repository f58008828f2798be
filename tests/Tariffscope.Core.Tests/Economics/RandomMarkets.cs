using CsCheck;
using Tariffscope.Economics;

namespace Tariffscope.Tests.Economics;

/// <summary>Random GSIM markets for property tests: a quarter of the routes empty, tariffs 0–60%, shocks -15%…+40%.</summary>
internal static class RandomMarkets
{
    public sealed record Spec(int N, double[] Flows, double[] Before, double[] Shock, double[] Em, double[] Es, double[] Ex)
    {
        public GsimMarket Build(bool shocked = true, double scale = 1)
        {
            var regions = Enumerable.Range(0, N).Select(k => "R" + k).ToArray();
            var flows = new double[N, N];
            var before = new double[N, N];
            var after = new double[N, N];
            for (var i = 0; i < N; i++)
                for (var j = 0; j < N; j++)
                {
                    var k = i * N + j;
                    flows[i, j] = Flows[k] * scale;
                    before[i, j] = Before[k];
                    after[i, j] = shocked ? Math.Max(1, Before[k] * (1 + Shock[k])) : Before[k];
                }
            return new GsimMarket(regions, flows, before, after, Em, Es, Ex);
        }
    }

    /// <summary>Markets of 1 to <paramref name="maxRegions"/> regions. Substitution exceeds |import demand| (the usual case).</summary>
    public static Gen<Spec> Markets(int maxRegions = 7) =>
        from n in Gen.Int[1, maxRegions]
        from flows in Gen.Double[1, 1000].Array[n * n]
        from empty in Gen.Int[0, 3].Array[n * n]
        from before in Gen.Double[0, 0.6].Array[n * n]
        from shock in Gen.Double[-0.15, 0.4].Array[n * n]
        from em in Gen.Double[0.2, 3].Array[n]
        from extra in Gen.Double[0.1, 8].Array[n]
        from ex in Gen.Double[0.3, 10].Array[n]
        select new Spec(n,
            flows.Select((f, k) => empty[k] == 0 ? 0 : f).ToArray(),
            before.Select(t => 1 + t).ToArray(),
            shock,
            em.Select(e => -e).ToArray(),
            em.Select((e, k) => e + extra[k]).ToArray(),
            ex);
}
