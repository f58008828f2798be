using System.Globalization;
using Tariffscope.Data;
using Tariffscope.Data.Economics;
using Tariffscope.Data.Trade;
using Tariffscope.Questions.Trade;
using Tariffscope.Economics;
using Tariffscope.Nomenclature;

namespace Tariffscope.Questions.Economics;

/// <summary>What the game was built from: per side, the flows, how much of them the instrument covers, the markets.</summary>
public sealed record GameSideInput(string Importer, string Exporter, string Source, int Lines, double Value, double CoveredValue, int Markets, double BaseLevel);

/// <summary>The game ready to solve, with a description of its inputs.</summary>
public sealed record GameSetup(TariffGame Game, GamePlayer Us, GamePlayer China, GameSideInput UsImports, GameSideInput ChinaImports, DateOnly Date, ElasticityTable Elasticities);

/// <summary>
/// Builds the US–China tariff game on a date from the workspace: US imports from the trade store rated by the engine
/// under the actual policy (China's route and one rest-of-world region, per HS2 chapter, the reciprocal duty's
/// coverage from the rated families), and China's imports from the US from a flow file (the lists' format:
/// <c>exports,description,hs-code,tariff</c>, or <c>hs6,value</c>), plus optionally one aggregate market for the US
/// exports the file does not hold. The instruments' levels and moves come from the policy record.
/// </summary>
public static class GameQuestion
{
    public static GameSetup Build(Rulebook rules, DateOnly date, string instrument, IReadOnlyList<string> chinaImportFiles,
        double chinaOtherImports = 0, GsimForm form = GsimForm.Ces, double producerWeight = 1, ElasticityTable? elasticities = null,
        CancellationToken ct = default)
    {
        var w = rules.Workspace;
        var table = elasticities ?? ElasticityFile.LoadBuiltIn();
        var policy = rules.Catalog.Resolve("actual");
        var usInstrument = GameInstruments.Find("US", instrument);
        var cnInstrument = GameInstruments.Find("CN", instrument);
        var (usLevel, usMoves) = GameInstruments.LevelsOn(policy, usInstrument, date);
        var (cnLevel, cnMoves) = GameInstruments.LevelsOn(policy, cnInstrument, date);

        var (usMarkets, usInput) = UsImports(rules, date, usInstrument, usLevel, table, ct);
        var (cnMarkets, cnInput) = chinaImportFiles.Count == 0 && StoredChinaFlows(w) is { Count: > 0 } stored
            ? ChinaImports(policy, date, [], chinaOtherImports, cnLevel, table, stored)
            : ChinaImports(policy, date, chinaImportFiles, chinaOtherImports, cnLevel, table);
        var us = new GamePlayer("US", usInstrument.MeasureId, usLevel, usMoves, usMarkets);
        var cn = new GamePlayer("CN", cnInstrument.MeasureId, cnLevel, cnMoves, cnMarkets);
        return new GameSetup(new TariffGame(us, cn, form, producerWeight), us, cn, usInput, cnInput, date, table);
    }

    private static (IReadOnlyList<GameMarket>, GameSideInput) UsImports(Rulebook rules, DateOnly date, GameInstrument instrument, double level,
        ElasticityTable table, CancellationToken ct)
    {
        var w = rules.Workspace;
        if (!TradeStore.Exists(w.Directory))
            throw new InvalidOperationException($"no trade data in {w.Directory.Root}: load US imports first with `tariffscope data import-trade`");
        IReadOnlyList<Tariffscope.Trade.TradeFlow> flows;
        using (var store = TradeStore.Open(w.Directory))
            flows = store.Read("US", store.LatestYear("US"));
        if (flows.Count == 0) throw new InvalidOperationException("the trade store holds no flows into US");
        var revision = w.Schedules.TryGetValue("US", out var full) ? full.On(date) : null;
        if (revision is null) throw new InvalidOperationException($"no US schedule revision is in force on {date:yyyy-MM-dd}");
        var rater = IndicatorSetup.Rater(rules, "actual", "US", new Schedule([revision]));
        var claims = Tariffscope.Trade.ClaimBasis.Expected(w.ClaimShares);
        // per HS2: [0] CN value, [1] CN value × power, [2] CN covered value, [3] ROW value, [4] ROW value × power
        var groups = new SortedDictionary<string, double[]>(StringComparer.Ordinal);
        int lines = 0; double value = 0, covered = 0;
        foreach (var f in flows)
        {
            if ((lines & 1023) == 0) ct.ThrowIfCancellationRequested();
            var perValue = f.Quantity is { } q && f.Value > 0 ? q with { Amount = q.Amount / f.Value } : (Tariffscope.Duties.Quantity?)null;
            var r = claims.Rate(rater, f.Partner, f.Partner, f.Code, date, perValue);
            if (!r.IsRated) continue; // as in the impact runs: a line the engine cannot rate is left out
            var key = f.Code.Digits[..2];
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = new double[5];
            var v = (double)f.Value;
            var power = 1 + (double)r.Total;
            if (f.Partner == instrument.Rival)
            {
                var fam = (double)r.Families.Where(x => x.Family == instrument.Family).Sum(x => x.Rate);
                var cover = level > 0 ? Math.Min(1, fam / level) : 1;
                g[0] += v; g[1] += v * power; g[2] += v * cover;
                lines++; value += v; covered += v * cover;
            }
            else { g[3] += v; g[4] += v * power; }
        }
        var markets = new List<GameMarket>();
        foreach (var (key, g) in groups)
        {
            if (g[0] <= 0) continue;
            var t0 = new double[,] { { 1, 1, 1 }, { g[1] / g[0], 1, 1 }, { g[3] > 0 ? g[4] / g[3] : 1, 1, 1 } };
            var market = new GsimMarket(["US", instrument.Rival, "ROW"],
                new double[,] { { 0, 0, 0 }, { g[0], 0, 0 }, { g[3], 0, 0 } }, t0, (double[,])t0.Clone(),
                table.Lookup(key).Values, key);
            markets.Add(new GameMarket(market, 0, 1, g[2] / g[0]));
        }
        return (markets, new GameSideInput("US", instrument.Rival, $"trade store, US imports {flows[0].Year}, rated under the actual policy on {date:yyyy-MM-dd}",
            lines, value, covered, markets.Count, level));
    }

    /// <summary>China's imports from the US held in the trade store (imported as importer CN), or null.</summary>
    private static IReadOnlyList<(string Hs, double Value, double ListRate)>? StoredChinaFlows(Workspace w)
    {
        if (!TradeStore.Exists(w.Directory)) return null;
        using var store = TradeStore.Open(w.Directory);
        if (store.LatestYear("CN") is not { } year) return null;
        return store.Read("CN", year, ["US"]).Select(f => (f.Code.Digits, (double)f.Value, 0.0)).ToArray();
    }

    private static (IReadOnlyList<GameMarket>, GameSideInput) ChinaImports(Tariffscope.Policy.PolicySet policy, DateOnly date,
        IReadOnlyList<string> files, double other, double level, ElasticityTable table,
        IReadOnlyList<(string Hs, double Value, double ListRate)>? stored = null)
    {
        if (files.Count == 0 && other <= 0 && stored is null)
            throw new ArgumentException("China's imports from the US: give a flow file (the lists' format, hs-code and exports columns), import them into the trade store as importer CN, or give an aggregate value");
        // The farm-goods lists' own duties count only while TC 2025 No. 2 is in force on the date.
        var farmInForce = policy.Measures.Any(m => m.Family == "cn-tc-2025-2" && m.RateOn(date) is not null);
        var groups = new SortedDictionary<string, double[]>(StringComparer.Ordinal); // [0] value, [1] value × power
        int lines = 0; double value = 0;
        var paths = files.SelectMany(f => Directory.Exists(f) ? Directory.GetFiles(f, "*.csv").Order(StringComparer.Ordinal).ToArray() : new[] { f }).ToArray();
        foreach (var (hs, v, listRate) in stored ?? paths.SelectMany(ReadFlows))
            {
                if (v <= 0) continue;
                var key = hs[..2];
                if (!groups.TryGetValue(key, out var g)) groups[key] = g = new double[2];
                g[0] += v; g[1] += v * (1 + level + (farmInForce ? listRate : 0));
                lines++; value += v;
            }
        if (other > 0) groups["other"] = [other, other * (1 + level)];
        var markets = groups.Select(kv =>
        {
            var t0 = new double[,] { { 1, 1 }, { kv.Value[1] / kv.Value[0], 1 } };
            var market = new GsimMarket(["CN", "US"], new double[,] { { 0, 0 }, { kv.Value[0], 0 } }, t0, (double[,])t0.Clone(),
                kv.Key == "other" ? table.Defaults : table.Lookup(kv.Key).Values, kv.Key);
            return new GameMarket(market, 0, 1, 1);
        }).ToArray();
        var source = (stored is not null ? "trade store, China's imports from the US (the store's rows carry no list duties)" : string.Join("; ", paths.Select(Path.GetFileName))) + (other > 0 ? $"{(paths.Length > 0 || stored is not null ? "; " : "")}plus {other / 1e9:N1} bn of other US exports as one market" : "");
        return (markets, new GameSideInput("CN", "US", source, lines, value + other, value + other, markets.Length, level));
    }

    /// <summary>Rows of a flow file: (HS code, value in US$, the list's own additional rate as a fraction).</summary>
    public static IEnumerable<(string Hs, double Value, double ListRate)> ReadFlows(string path)
    {
        if (!File.Exists(path)) throw new InputFileException(path, 0, 0, "file", "not found");
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new InputFileException(path, 1, 1, "header", "empty file; expected a header");
        var cols = Csv.Split(header).Select(c => c.Trim().ToLowerInvariant()).ToList();
        int hsCol = cols.FindIndex(c => c is "hs-code" or "hs6" or "hs"), valueCol = cols.FindIndex(c => c is "exports" or "value"), rateCol = cols.IndexOf("tariff");
        if (hsCol < 0 || valueCol < 0)
            throw new InputFileException(path, 1, 1, "header", $"header '{header}': expected an hs-code (or hs6) column and an exports (or value) column");
        var lineNo = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0) continue;
            var f = Csv.Split(line);
            if (f.Count <= Math.Max(hsCol, valueCol)) throw new InputFileException(path, lineNo, 1, "row", $"{f.Count} fields, expected at least {Math.Max(hsCol, valueCol) + 1}");
            var hs = f[hsCol].Trim();
            if (hs.Length < 2 || !hs.All(char.IsAsciiDigit)) throw new InputFileException(path, lineNo, hsCol + 1, "hs-code", $"hs code '{hs}' is not digits");
            if (!double.TryParse(f[valueCol], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0 || !double.IsFinite(v))
                throw new InputFileException(path, lineNo, valueCol + 1, "exports", $"value '{f[valueCol]}' must be a number >= 0");
            var rate = 0.0;
            if (rateCol >= 0 && rateCol < f.Count && f[rateCol].Trim().Length > 0 &&
                (!double.TryParse(f[rateCol], NumberStyles.Float, CultureInfo.InvariantCulture, out rate) || rate < 0))
                throw new InputFileException(path, lineNo, rateCol + 1, "tariff", $"tariff '{f[rateCol]}' must be a percentage >= 0");
            yield return (hs, v, rate / 100);
        }
    }

    /// <summary>Minimal CSV field splitting with double-quoted fields.</summary>
    private static class Csv
    {
        public static List<string> Split(string line)
        {
            var fields = new List<string>();
            var sb = new System.Text.StringBuilder();
            var quoted = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                    else if (c == '"') quoted = false;
                    else sb.Append(c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
                else sb.Append(c);
            }
            fields.Add(sb.ToString());
            return fields;
        }
    }
}
