using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Tariffscope.Nomenclature;

namespace Tariffscope.Duties;

/// <summary>A special-programme rate found for one programme code.</summary>
/// <param name="Program">The code as the schedule prints it, marker included: "A+", "A*", "KR".</param>
public sealed record ProgramRate(string Program, DutyExpression Rate)
{
    /// <summary>The programme without its marker: "A" for "A+" and "A*".</summary>
    public string Bare => SpecialRates.BareProgram(Program);

    /// <summary>'*' (some beneficiaries excluded for this line), '+' (least-developed beneficiaries only), or null.</summary>
    public char? Marker => Program.Length > Bare.Length ? Program[^1] : null;
}

/// <summary>
/// Reads the special column of the schedule: clauses of a rate followed by the programme codes it applies to,
/// "Free (A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG) 3.2% (KR) See 9823.04.01-9823.04.54 (S+)".
/// A clause whose rate cannot be read keeps its programmes, with the rate as <see cref="UnparsedDuty"/>.
/// </summary>
public static class SpecialRates
{
    // As for single rates: a revision repeats a few hundred distinct special texts over ~10,000 lines.
    private static readonly ConcurrentDictionary<string, ImmutableArray<SpecialRate>> Cache = new(StringComparer.Ordinal);
    private const int CacheLimit = 50_000;
    private static int CacheSize; // ConcurrentDictionary.Count takes every lock: a plain counter bounds it

    /// <summary>The clauses of a special-column text; empty for an empty text. Never throws.</summary>
    public static ImmutableArray<SpecialRate> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        if (Cache.TryGetValue(text, out var cached)) return cached;
        var clauses = Read(DutyText.Clean(text));
        if (CacheSize < CacheLimit && Cache.TryAdd(text, clauses)) Interlocked.Increment(ref CacheSize);
        return clauses;
    }

    private static ImmutableArray<SpecialRate> Read(string t)
    {
        var clauses = ImmutableArray.CreateBuilder<SpecialRate>();
        var clauseStart = 0;
        for (var i = 0; i < t.Length; i++)
        {
            if (t[i] != '(') continue;
            var close = t.IndexOf(')', i + 1);
            if (close < 0) break;
            if (!TryReadPrograms(t.AsSpan(i + 1, close - i - 1), out var programs)) continue;
            var rateText = t[clauseStart..i].Trim();
            if (rateText.Length == 0 && clauses.Count > 0)
            {
                // "(PA (PA)": a repeated list belongs to the clause before it.
                var last = clauses[^1];
                clauses[^1] = last with { Programs = last.Programs.AddRange(programs.Except(last.Programs)) };
            }
            else clauses.Add(new SpecialRate(ReadClause(rateText), programs));
            clauseStart = close + 1;
            i = close;
        }
        var tail = t[clauseStart..].Trim();
        if (tail.Length > 0) clauses.Add(new SpecialRate(ReadClause(tail), []));
        return clauses.ToImmutable();
    }

    private static DutyExpression ReadClause(string text) =>
        DutyExpression.Parse(text) ?? new UnparsedDuty(text, "no rate before the programme list");

    /// <summary>A list of programme codes: one or two capitals with an optional '*' or '+', separated by commas
    /// (a stray period, a missing comma "E IL", an empty item or an opening parenthesis is tolerated).</summary>
    private static bool TryReadPrograms(ReadOnlySpan<char> content, out ImmutableArray<string> programs)
    {
        var list = ImmutableArray.CreateBuilder<string>();
        foreach (var range in content.SplitAny(",( "))
        {
            var code = content[range].Trim().Trim('.').Trim();
            if (code.IsEmpty) continue;
            if (!IsProgramCode(code)) { programs = []; return false; }
            var s = code.ToString();
            if (!list.Contains(s)) list.Add(s);
        }
        programs = list.ToImmutable();
        return list.Count > 0;
    }

    private static bool IsProgramCode(ReadOnlySpan<char> code)
    {
        var letters = code.Length > 0 && code[^1] is '*' or '+' ? code[..^1] : code;
        if (letters.Length is < 1 or > 2) return false;
        foreach (var c in letters) if (!char.IsAsciiLetterUpper(c)) return false;
        return true;
    }

    /// <summary>"A" for "A+" or "A*"; the code itself when it carries no marker.</summary>
    public static string BareProgram(string program) =>
        program.Length > 1 && program[^1] is '*' or '+' ? program[..^1] : program;

    /// <summary>The programmes of a clause without their markers.</summary>
    public static ImmutableArray<string> BarePrograms(this SpecialRate rate) =>
        rate.Programs.Select(BareProgram).Distinct().ToImmutableArray();

    /// <summary>
    /// The rate for a programme. The code as printed wins ("A+" finds the clause listing "A+"); otherwise the bare
    /// programme is matched ("A" finds "A+" or "A*", and "A+" finds "A"), and <see cref="ProgramRate.Program"/>
    /// says which spelling was found so the caller can honour the marker. Null when the line grants none.
    /// </summary>
    public static ProgramRate? For(this ImmutableArray<SpecialRate> rates, string programme)
    {
        if (rates.IsDefaultOrEmpty || string.IsNullOrWhiteSpace(programme)) return null;
        var wanted = programme.Trim();
        foreach (var r in rates)
            foreach (var p in r.Programs)
                if (string.Equals(p, wanted, StringComparison.OrdinalIgnoreCase)) return new ProgramRate(p, r.Rate);
        var bare = BareProgram(wanted);
        foreach (var r in rates)
            foreach (var p in r.Programs)
                if (string.Equals(BareProgram(p), bare, StringComparison.OrdinalIgnoreCase)) return new ProgramRate(p, r.Rate);
        return null;
    }

    /// <summary>The canonical text of a special column, which <see cref="Parse"/> reads back.</summary>
    public static string Format(IEnumerable<SpecialRate> rates)
    {
        var sb = new StringBuilder();
        foreach (var r in rates)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(r.Rate);
            if (!r.Programs.IsDefaultOrEmpty) sb.Append(" (").AppendJoin(',', r.Programs).Append(')');
        }
        return sb.ToString();
    }
}
