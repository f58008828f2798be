namespace Tariffscope.Economics;

/// <summary>Which form of the GSIM model solves a market: the linearised one or the exact CES one.</summary>
public enum GsimForm { Linear, Ces }

/// <summary>
/// The GSIM market solved exactly, without linearising: CES (Armington) demand across sources in each importer,
/// constant-elasticity composite import demand, constant-elasticity export supply per exporter. For importer j with
/// substitution σ_j, import demand Em_j and route price ratio τ_ij = T1_ij/T0_ij, and exporter prices p_i (1 before):
/// <code>
///   P_j  = (Σ_k θ_kj·(p_k·τ_kj)^(1−σ_j))^(1/(1−σ_j))          composite domestic price (1 before)
///   q_ij = M_ij·(p_i·τ_ij / P_j)^(−σ_j)·P_j^(Em_j)            quantity bought (in base-value units)
///   Σ_j q_ij = X0_i·p_i^(Ex_i)                               market clearing, one equation per exporter
/// </code>
/// Linearised at p = 1 these are exactly the GSIM equations of <see cref="GsimModel"/>, so the linear model is the
/// first-order approximation of this one. Solved by Newton's method in y = ln p (prices stay positive whatever the
/// step), from the linear solution or from no change, whichever clears better, with step halving when a full step
/// does not reduce the residual. Welfare is measured on the curves themselves: dCS_j = −R0_j·(P_j^(Em+1) − 1)/(Em+1),
/// dPS_i = X0_i·(p_i^(Ex+1) − 1)/(Ex+1), revenue on the new flows at world prices p_i·q_ij.
/// </summary>
public static class CesModel
{
    public const int MaxIterations = 200;

    /// <summary>Solves one market; throws when Newton's method does not converge (the message names the market).</summary>
    public static GsimResult Solve(GsimMarket market)
    {
        var n = market.Size;
        var m = market.FlowsFlat;
        var t0 = market.BeforeFlat;
        var t1 = market.AfterFlat;
        var em = market.ImportDemandByRegion;
        var sigma = market.SubstitutionByRegion;
        var ex = market.ExportSupplyByRegion;
        var e = new Equations(n, m, t0, t1, em, sigma, ex);

        // Start from the linear solution where it is a valid point and clears better than no change.
        var y = new double[n];
        var linear = GsimModel.Solve(market);
        var start = new double[n];
        for (var i = 0; i < n; i++) start[i] = e.Fixed[i] ? 0 : Math.Log(Math.Max(1 + linear.WorldPriceChange(i), 0.05));
        var f = new double[n];
        var norm0 = e.Residual(y, f);
        var normStart = e.Residual(start, f);
        if (normStart < norm0) Array.Copy(start, y, n);

        var jac = new double[n * n];
        var step = new double[n];
        var rhs = new double[n];
        var trial = new double[n];
        var norm = e.Residual(y, f);
        var iterations = 0;
        while (norm > 1e-13 && iterations < MaxIterations)
        {
            iterations++;
            e.Jacobian(y, jac);
            for (var i = 0; i < n; i++) rhs[i] = -f[i];
            if (!DenseSolver.Solve(jac, rhs, step, n))
                throw new InvalidOperationException($"CES market '{market.Label}': singular Jacobian at iteration {iterations}; check the elasticities");
            // Damped: no log-price move beyond 2 (a factor of e² ≈ 7.4) at once, then halve until the residual falls.
            var largest = 0.0;
            for (var i = 0; i < n; i++) largest = Math.Max(largest, Math.Abs(step[i]));
            var alpha = largest > 2 ? 2 / largest : 1.0;
            double next = double.PositiveInfinity;
            for (var halvings = 0; halvings < 40; halvings++, alpha /= 2)
            {
                for (var i = 0; i < n; i++) trial[i] = y[i] + alpha * step[i];
                next = e.Residual(trial, f);
                if (next < (1 - 1e-4 * alpha) * norm) break;
            }
            if (!(next < norm))
            {
                if (norm < 1e-10) break; // at working precision already: nothing left to gain
                throw new InvalidOperationException($"CES market '{market.Label}': Newton's method stalled at residual {norm:E2}");
            }
            Array.Copy(trial, y, n);
            norm = next;
        }
        if (norm > 1e-10)
            throw new InvalidOperationException($"CES market '{market.Label}': no convergence in {MaxIterations} iterations (residual {norm:E2})");
        return e.Result(market, y, iterations);
    }

    /// <summary>Solves many markets in parallel; results keep the input order.</summary>
    public static GsimBatchResult SolveMany(IEnumerable<GsimMarket> markets)
    {
        var list = markets as IReadOnlyList<GsimMarket> ?? markets.ToArray();
        var results = new GsimResult[list.Count];
        Parallel.For(0, list.Count, k => results[k] = Solve(list[k]));
        return new GsimBatchResult(results);
    }

    /// <summary>Solves with the chosen form.</summary>
    public static GsimResult Solve(GsimMarket market, GsimForm form) => form == GsimForm.Ces ? Solve(market) : GsimModel.Solve(market);

    /// <summary>Solves many with the chosen form.</summary>
    public static GsimBatchResult SolveMany(IEnumerable<GsimMarket> markets, GsimForm form) =>
        form == GsimForm.Ces ? SolveMany(markets) : GsimModel.SolveMany(markets);

    /// <summary>The market-clearing system of one market, evaluated at log prices y.</summary>
    private sealed class Equations
    {
        private readonly int n;
        private readonly double[] m, t0, t1, em, sigma, ex, r0, x0, theta, tau;
        public readonly bool[] Fixed;
        // scratch, per evaluation
        private readonly double[] p, price, share, q, demand;

        public Equations(int n, double[] m, double[] t0, double[] t1, double[] em, double[] sigma, double[] ex)
        {
            this.n = n; this.m = m; this.t0 = t0; this.t1 = t1; this.em = em; this.sigma = sigma; this.ex = ex;
            r0 = new double[n]; x0 = new double[n]; theta = new double[n * n]; tau = new double[n * n]; Fixed = new bool[n];
            p = new double[n]; price = new double[n]; share = new double[n * n]; q = new double[n * n]; demand = new double[n];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < n; j++)
                {
                    var ij = i * n + j;
                    r0[j] += m[ij] * t0[ij];
                    x0[i] += m[ij];
                    tau[ij] = t1[ij] / t0[ij];
                }
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++) theta[i * n + j] = r0[j] > 0 ? m[i * n + j] * t0[i * n + j] / r0[j] : 0;
                // No exports: nothing to price. Infinite supply: the world price cannot move.
                Fixed[i] = x0[i] == 0 || double.IsPositiveInfinity(ex[i]);
            }
        }

        /// <summary>Composite prices, shares at new prices, quantities and demand per exporter at y.</summary>
        private void Evaluate(double[] y)
        {
            for (var i = 0; i < n; i++) p[i] = Fixed[i] ? 1 : Math.Exp(y[i]);
            for (var j = 0; j < n; j++)
            {
                if (r0[j] == 0) { price[j] = 1; continue; }
                var s = sigma[j];
                if (Math.Abs(1 - s) < 1e-12)
                {
                    // Cobb-Douglas across sources: ln P = Σ θ·ln(p·τ), shares fixed.
                    double lnP = 0;
                    for (var k = 0; k < n; k++) if (theta[k * n + j] > 0) lnP += theta[k * n + j] * Math.Log(p[k] * tau[k * n + j]);
                    price[j] = Math.Exp(lnP);
                    for (var k = 0; k < n; k++) share[k * n + j] = theta[k * n + j];
                    continue;
                }
                double a = 0;
                for (var k = 0; k < n; k++)
                {
                    var kj = k * n + j;
                    share[kj] = theta[kj] > 0 ? theta[kj] * Math.Pow(p[k] * tau[kj], 1 - s) : 0;
                    a += share[kj];
                }
                price[j] = Math.Pow(a, 1 / (1 - s));
                for (var k = 0; k < n; k++) share[k * n + j] /= a;
            }
            for (var i = 0; i < n; i++)
            {
                double d = 0;
                for (var j = 0; j < n; j++)
                {
                    var ij = i * n + j;
                    q[ij] = m[ij] == 0 ? 0 : m[ij] * Math.Pow(p[i] * tau[ij] / price[j], -sigma[j]) * Math.Pow(price[j], em[j]);
                    d += q[ij];
                }
                demand[i] = d;
            }
        }

        /// <summary>F_i = ln(demand_i) − ln(supply_i) into f; returns the largest |D_i − S_i| / X0_i.</summary>
        public double Residual(double[] y, double[] f)
        {
            Evaluate(y);
            double worst = 0;
            for (var i = 0; i < n; i++)
            {
                if (Fixed[i]) { f[i] = 0; continue; }
                var supply = x0[i] * Math.Exp(ex[i] * y[i]);
                f[i] = Math.Log(demand[i]) - Math.Log(x0[i]) - ex[i] * y[i];
                var r = Math.Abs(demand[i] - supply) / x0[i];
                if (!double.IsFinite(f[i])) return double.PositiveInfinity;
                worst = Math.Max(worst, r);
            }
            return worst;
        }

        /// <summary>∂F_i/∂y_k = Σ_j (q_ij/D_i)·(−σ_j·δ_ik + (σ_j + Em_j)·s_kj) − Ex_i·δ_ik (evaluated at the last y).</summary>
        public void Jacobian(double[] y, double[] jac)
        {
            Evaluate(y);
            Array.Clear(jac);
            for (var i = 0; i < n; i++)
            {
                if (Fixed[i]) { jac[i * n + i] = 1; continue; }
                for (var j = 0; j < n; j++)
                {
                    var ij = i * n + j;
                    if (q[ij] == 0) continue;
                    var w = q[ij] / demand[i];
                    jac[i * n + i] -= w * sigma[j];
                    var c = w * (sigma[j] + em[j]);
                    for (var k = 0; k < n; k++) if (!Fixed[k]) jac[i * n + k] += c * share[k * n + j];
                }
                jac[i * n + i] -= ex[i];
            }
        }

        public GsimResult Result(GsimMarket market, double[] y, int iterations)
        {
            var f = new double[n];
            var residual = Residual(y, f);
            var flowsAfter = new double[n * n];
            var worldPrice = new double[n];
            var domestic = new double[n];
            var consumer = new double[n];
            var producer = new double[n];
            var revenue = new double[n];
            var welfare = new double[n];
            for (var i = 0; i < n; i++)
            {
                worldPrice[i] = p[i] - 1;
                for (var j = 0; j < n; j++) flowsAfter[i * n + j] = p[i] * q[i * n + j];
            }
            for (var j = 0; j < n; j++)
            {
                domestic[j] = price[j] - 1;
                var e1 = em[j] + 1;
                consumer[j] = r0[j] == 0 ? 0
                    : Math.Abs(e1) < 1e-12 ? -r0[j] * Math.Log(price[j])
                    : -r0[j] * (Math.Pow(price[j], e1) - 1) / e1;
                double rev = 0;
                for (var i = 0; i < n; i++)
                {
                    var ij = i * n + j;
                    if (m[ij] == 0) continue;
                    rev += flowsAfter[ij] * (t1[ij] - 1) - m[ij] * (t0[ij] - 1);
                }
                revenue[j] = rev;
            }
            for (var i = 0; i < n; i++)
            {
                producer[i] = Fixed[i] ? 0 : x0[i] * (Math.Pow(p[i], ex[i] + 1) - 1) / (ex[i] + 1);
                welfare[i] = consumer[i] + producer[i] + revenue[i];
            }
            return new GsimResult(market, worldPrice, domestic, consumer, producer, revenue, welfare, flowsAfter, [])
                { Form = GsimForm.Ces, ClearingResidual = residual, Iterations = iterations };
        }
    }
}
