using System.Collections.Immutable;
using Tariffscope.Duties;
using Tariffscope.Nomenclature;

namespace Tariffscope.Engine;

/// <summary>
/// What is rated: a code, its origin, the importer, the entry date, the customs value (USD) and quantities, plus
/// the facts some rules need (metal content share, a special programme claimed).
/// </summary>
public sealed record EntryLine
{
    /// <summary>
    /// The largest customs value (USD) or quantity a line may carry: a trillion, beyond any real entry, and far enough
    /// below decimal's range (7.9e28) that value × rate, quantity × specific rate and sums over millions of lines
    /// cannot overflow.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000m;

    public required HtsCode Code { get; init; }
    /// <summary>ISO 3166-1 alpha-2 country of origin ("CN", "DE").</summary>
    public required string Origin { get; init; }
    public required DateOnly Date { get; init; }
    public required decimal CustomsValue { get; init; }
    public ImmutableArray<Quantity> Quantities { get; init; } = [];
    public string Importer { get; init; } = "US";
    /// <summary>Share of the value that is steel, aluminium or copper content (0–1); null when not declared.</summary>
    public decimal? MetalShare { get; init; }
    /// <summary>A special programme claimed ("S" for USMCA, "KR", "AU", …), or a Chapter 99 heading that excepts
    /// the goods from a measure ("9903.88.69", a Section 301 exclusion).</summary>
    public string? Program { get; init; }
    /// <summary>End uses declared for the goods ("vehicle-part"), for measures that charge some headings only for a use.</summary>
    public ImmutableArray<string> Uses { get; init; } = [];
    /// <summary>Share of the value that is US content (0–1), for measures charged on non-US content when a programme
    /// is claimed (USMCA vehicles under Section 232); null when not declared.</summary>
    public decimal? UsContentShare { get; init; }

    public DutyBasis Basis => new(CustomsValue, Quantities);
}

/// <summary>Why a line could not be rated.</summary>
public enum RatingProblem { UnknownCode, NoSchedule, MissingQuantity, UnreadableRate, BadInput }

/// <summary>A line the engine cannot rate, with the field at fault and a reason a person can act on.</summary>
public sealed class RatingException(RatingProblem problem, string field, string message) : Exception(message)
{
    public RatingProblem Problem { get; } = problem;
    public string Field { get; } = field;
}
