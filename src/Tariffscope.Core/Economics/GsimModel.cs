namespace Tariffscope.Economics;

/// <summary>
/// The GSIM multi-region partial-equilibrium model (Francois and Hall), linearised form, one product market at a time.
/// The model runs in <c>double</c>, not <c>decimal</c>: its inputs are estimates (elasticities good to a digit or two),
/// its answers are approximations of a demand system, and solving thousands of 52×52 systems fast needs hardware
/// floating point. Money that is owed is decimal elsewhere; economic effects here are estimates in double.
/// </summary>
public static class GsimModel
{
    /// <summary>Scratch buffers, one set per thread, grown to the largest market seen: the solver allocates only its result.</summary>
    [ThreadStatic] private static Workspace? scratch;

    public static GsimResult Solve(GsimMarket market)
    {
        var ws = scratch ??= new Workspace();
        return Solve(market, ws);
    }

    /// <summary>Solves many markets in parallel; results keep the input order, totals are summed by region name.</summary>
    public static GsimBatchResult SolveMany(IEnumerable<GsimMarket> markets)
    {
        var list = markets as IReadOnlyList<GsimMarket> ?? markets.ToArray();
        var results = new GsimResult[list.Count];
        Parallel.For(0, list.Count, () => new Workspace(), (k, _, ws) => { results[k] = Solve(list[k], ws); return ws; }, _ => { });
        return new GsimBatchResult(results);
    }

    private static GsimResult Solve(GsimMarket market, Workspace ws)
    {
        var n = market.Size;
        ws.Ensure(n);
        var m = market.FlowsFlat;
        var t0 = market.BeforeFlat;
        var t1 = market.AfterFlat;
        var em = market.ImportDemandByRegion;
        var es = market.SubstitutionByRegion;
        var ex = market.ExportSupplyByRegion;
        Span<double> theta = ws.Theta.AsSpan(0, n * n), weighted = ws.Weighted.AsSpan(0, n * n), dT = ws.DT.AsSpan(0, n * n),
            a = ws.A.AsSpan(0, n * n), b = ws.B.AsSpan(0, n), x = ws.X.AsSpan(0, n), r0 = ws.R0.AsSpan(0, n),
            x0 = ws.X0.AsSpan(0, n), composite = ws.Composite.AsSpan(0, n);

        // Step 1: expenditure at domestic prices R0_j, exports X0_i, source shares theta (stored transposed:
        // theta[k*n + j] is source k's share in importer j, so one exporter's shares are contiguous).
        r0.Clear(); x0.Clear();
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var ij = i * n + j;
                r0[j] += m[ij] * t0[ij];
                x0[i] += m[ij];
                dT[ij] = t1[ij] / t0[ij] - 1; // step 3: the tariff shock on each route
            }
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
                theta[i * n + j] = r0[j] > 0 ? m[i * n + j] * t0[i * n + j] / r0[j] : 0;

        // Steps 2–4. With N_ij = theta_ij*Em_j - (1-theta_ij)*Es_j = C_ij - Es_j and C_kj = theta_kj*(Em_j+Es_j),
        // the demand change m_ij = N_ij*(x_i+dT_ij) + sum_{k!=i} C_kj*(x_k+dT_kj) is the same as
        //     m_ij = (Em_j+Es_j) * P_j - Es_j*(x_i+dT_ij),   P_j = sum_k theta_kj*(x_k+dT_kj),
        // so market clearing sum_j phi_ij*m_ij = Ex_i*x_i is, in x:
        //     sum_k [sum_j phi_ij*(Em_j+Es_j)*theta_kj] x_k - (sum_j phi_ij*Es_j + Ex_i) x_i
        //         = -sum_j phi_ij*[(Em_j+Es_j)*S_j - Es_j*dT_ij],   S_j = sum_k theta_kj*dT_kj.
        // When Es_j >= -Em_j the matrix is strictly diagonally dominant (margin sum_j phi_ij*(-Em_j) + Ex_i > 0).
        for (var j = 0; j < n; j++)
        {
            double s = 0;
            for (var k = 0; k < n; k++) s += theta[k * n + j] * dT[k * n + j];
            composite[j] = s; // S_j for now; P_j after the solve
        }
        for (var i = 0; i < n; i++)
        {
            var row = a.Slice(i * n, n);
            var w = weighted.Slice(i * n, n);
            if (x0[i] == 0 || double.IsPositiveInfinity(ex[i]))
            {
                // No exports (no clearing equation: nothing to price) or perfectly elastic supply: x_i = 0.
                row.Clear(); row[i] = 1; b[i] = 0; w.Clear();
                continue;
            }
            double rhs = 0, own = 0;
            for (var j = 0; j < n; j++)
            {
                var phi = m[i * n + j] / x0[i];
                w[j] = phi * (em[j] + es[j]);
                own += phi * es[j];
                rhs -= phi * ((em[j] + es[j]) * composite[j] - es[j] * dT[i * n + j]);
            }
            for (var k = 0; k < n; k++) row[k] = DenseSolver.Dot(w, theta.Slice(k * n, n));
            row[i] -= own + ex[i];
            b[i] = rhs;
        }
        if (!DenseSolver.Solve(a, b, x, n))
            throw new InvalidOperationException($"GSIM market '{market.Label}': the market-clearing system is singular; check the elasticities");

        // Step 5: demand changes and new flows at world prices.
        for (var j = 0; j < n; j++)
        {
            double p = 0;
            for (var k = 0; k < n; k++) p += theta[k * n + j] * (x[k] + dT[k * n + j]);
            composite[j] = p;
        }
        var flowsAfter = new double[n * n];
        var warnings = new List<RouteWarning>();
        for (var i = 0; i < n; i++)
            for (var j = 0; j < n; j++)
            {
                var ij = i * n + j;
                if (m[ij] == 0) continue;
                var demand = (em[j] + es[j]) * composite[j] - es[j] * (x[i] + dT[ij]);
                flowsAfter[ij] = m[ij] * (1 + demand) * (1 + x[i]);
                if (1 + demand < 0) warnings.Add(new RouteWarning(i, j, demand));
            }

        // Step 6: welfare pieces, exactly as the GSIM reference writes them.
        var worldPrice = new double[n];
        var domestic = new double[n];
        var consumer = new double[n];
        var producer = new double[n];
        var revenue = new double[n];
        var welfare = new double[n];
        for (var i = 0; i < n; i++) worldPrice[i] = x[i] + 0.0;
        for (var j = 0; j < n; j++)
        {
            double dP = 0, rev = 0;
            for (var i = 0; i < n; i++)
            {
                var ij = i * n + j;
                if (m[ij] == 0) continue;
                dP += theta[ij] * ((1 + x[i]) * (t1[ij] / t0[ij]) - 1);
                rev += flowsAfter[ij] * (t1[ij] - 1) - m[ij] * (t0[ij] - 1);
            }
            domestic[j] = dP + 0.0;
            // The area under the (linearised) import demand curve: the first-order loss less the triangle, whose sign
            // does not depend on the direction of the price change (Em < 0). The reference sheet's
            // "+ 0.5*Em*R0*dP^2*sign(dP)" agrees for price falls but enlarges the loss for price rises.
            consumer[j] = -r0[j] * dP - 0.5 * em[j] * r0[j] * dP * dP + 0.0;
            revenue[j] = rev + 0.0;
        }
        for (var i = 0; i < n; i++)
        {
            producer[i] = x[i] == 0 ? 0 : x[i] * x0[i] * (1 + 0.5 * ex[i] * x[i]);
            welfare[i] = consumer[i] + producer[i] + revenue[i] + 0.0;
        }
        return new GsimResult(market, worldPrice, domestic, consumer, producer, revenue, welfare, flowsAfter, warnings.ToArray());
    }

    private sealed class Workspace
    {
        public double[] Theta = [], Weighted = [], DT = [], A = [], B = [], X = [], R0 = [], X0 = [], Composite = [];

        public void Ensure(int n)
        {
            if (B.Length >= n) return;
            Theta = new double[n * n]; Weighted = new double[n * n]; DT = new double[n * n]; A = new double[n * n];
            B = new double[n]; X = new double[n]; R0 = new double[n]; X0 = new double[n]; Composite = new double[n];
        }
    }
}
