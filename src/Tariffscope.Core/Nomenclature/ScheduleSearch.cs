using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Tariffscope.Nomenclature;

/// <summary>A line found by <see cref="ScheduleSearch"/>, with its score (higher is better).</summary>
public sealed record SearchHit(TariffLine Line, double Score);

/// <summary>
/// Finds lines in everyday words. A full-text index (Lucene, in memory, built once per revision) holds each line's
/// own text (its description and the group headings just above it), the text of its 4-digit heading and the text
/// it inherits from every line above it, each stemmed ("suits" finds "suit", "men" finds "Men's"). Every word
/// asked for must occur somewhere on the line's path; a word in the line's own text counts most, then one in its
/// heading, then one inherited. Everyday names the schedule does not use ("laptop") also look for its wording
/// (<see cref="EverydayWords"/>). A query that is a code ("8471.30") lists the lines under it.
/// </summary>
public static class ScheduleSearch
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Own = "own", Heading = "heading", Path = "path", Index = "i";
    private const float OwnBoost = 3f, HeadingBoost = 2f, PathBoost = 1f, WordingBoost = 4f;

    private static readonly ConditionalWeakTable<ScheduleRevision, LineIndex> Indexes = new();

    public static IReadOnlyList<SearchHit> Search(ScheduleRevision revision, string query, int limit = 20)
    {
        if (limit <= 0) return [];
        if (HtsCode.TryParse(query) is { } prefix && query.Any(char.IsAsciiDigit) && !query.Any(char.IsLetter))
            return revision.Lines.Where(l => l.Code.StartsWith(prefix)).Take(limit).Select(l => new SearchHit(l, 0)).ToList();

        var index = Indexes.GetValue(revision, r => new LineIndex(r.Lines));
        var q = index.Query(query);
        if (q is null) return [];
        var lines = revision.Lines;
        return index.Run(q, limit)
            .Select(h => new SearchHit(lines[h.Line], h.Score + lines[h.Line].Indent * 0.001)) // among equals, the deeper line
            .OrderByDescending(h => h.Score).ThenBy(h => h.Line.Code)
            .ToList();
    }

    /// <summary>The index of one revision's lines; searches are thread-safe (the server shares it).</summary>
    private sealed class LineIndex
    {
        private readonly Analyzer _analyzer = new EnglishAnalyzer(Version);
        private readonly IndexSearcher _searcher;

        public LineIndex(IReadOnlyList<TariffLine> lines)
        {
            var dir = new RAMDirectory();
            using (var writer = new IndexWriter(dir, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE }))
            {
                for (int i = 0; i < lines.Count; i++)
                {
                    var line = lines[i];
                    var doc = new Document
                    {
                        new StoredField(Index, i),
                        new TextField(Own, OwnText(line), Field.Store.NO),
                        new TextField(Path, string.Join(" ; ", line.Ancestors().Select(OwnText)), Field.Store.NO),
                    };
                    var heading = line.Ancestors().LastOrDefault(a => a.Code.Length == 4);
                    if (heading is not null) doc.Add(new TextField(Heading, OwnText(heading), Field.Store.NO));
                    writer.AddDocument(doc);
                }
                writer.Commit();
            }
            _searcher = new IndexSearcher(DirectoryReader.Open(dir));
        }

        private static string OwnText(TariffLine l) => string.Join(" ; ", l.GroupHeadings.Append(l.Description));

        /// <summary>Every word must match in some field; null when the query has no searchable word.</summary>
        public Query? Query(string text)
        {
            var all = new BooleanQuery();
            foreach (var word in Words(text))
            {
                var wording = EverydayWords.Wording(word);
                // each stem must match ("lithium-ion" needs "ion" too); a word counts once, in the best field it
                // matches ("men" in the line and in its heading is not twice as good), with a little for the others
                var groups = Analyze(word).Select(stem =>
                {
                    var either = new DisjunctionMaxQuery(0.1f);
                    either.Add(new TermQuery(new Term(Own, stem)) { Boost = OwnBoost });
                    either.Add(new TermQuery(new Term(Heading, stem)) { Boost = HeadingBoost });
                    either.Add(new TermQuery(new Term(Path, stem)) { Boost = PathBoost });
                    return either;
                }).ToList();
                if (wording is not null)
                {
                    // the schedule's wording, as a phrase, is as good as the word itself
                    if (groups.Count == 0) groups.Add(new DisjunctionMaxQuery(0.1f));
                    foreach (var field in new[] { Own, Path })
                    {
                        var phrase = new PhraseQuery { Slop = 2, Boost = field == Own ? WordingBoost * OwnBoost : WordingBoost };
                        foreach (var stem in Analyze(wording)) phrase.Add(new Term(field, stem));
                        groups[0].Add(phrase);
                    }
                }
                foreach (var g in groups) all.Add(g, Occur.MUST); // none for a stop word ("of", "for")
            }
            return all.Clauses.Count == 0 ? null : all;
        }

        public IEnumerable<(int Line, double Score)> Run(Query q, int limit)
        {
            var top = _searcher.Search(q, limit);
            foreach (var sd in top.ScoreDocs)
                yield return (_searcher.Doc(sd.Doc).GetField(Index).GetInt32Value()!.Value, sd.Score);
        }

        private List<string> Analyze(string text)
        {
            var stems = new List<string>();
            using var ts = _analyzer.GetTokenStream(Own, text);
            var term = ts.AddAttribute<ICharTermAttribute>();
            ts.Reset();
            while (ts.IncrementToken()) stems.Add(term.ToString());
            ts.End();
            return stems;
        }

        /// <summary>The words of a query, split on what is not a letter, digit, hyphen or apostrophe.</summary>
        private static IEnumerable<string> Words(string text)
        {
            int start = -1;
            for (int i = 0; i <= text.Length; i++)
            {
                bool inWord = i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '\'');
                if (inWord && start < 0) start = i;
                else if (!inWord && start >= 0) { yield return text[start..i]; start = -1; }
            }
        }
    }
}

/// <summary>
/// Names people use for goods that the schedule words otherwise: each maps to the schedule's own phrase, searched as
/// a phrase beside the word itself. A short list of the common cases, not a thesaurus.
/// </summary>
public static class EverydayWords
{
    private static readonly Dictionary<string, string> Map = new(StringComparer.OrdinalIgnoreCase)
    {
        ["laptop"] = "portable automatic data processing machines",
        ["computer"] = "automatic data processing machines",
        ["smartphone"] = "telephones for cellular networks",
        ["cellphone"] = "telephones for cellular networks",
        ["tv"] = "television receivers",
        ["fridge"] = "refrigerators",
        ["sneaker"] = "footwear with outer soles of rubber or plastics",
        ["solar"] = "photovoltaic",
        ["ev"] = "motor vehicles with only electric motor",
    };

    /// <summary>The schedule's wording for <paramref name="word"/> (singular or plural), or null.</summary>
    public static string? Wording(string word)
    {
        if (Map.TryGetValue(word, out var w)) return w;
        return word.Length > 3 && word.EndsWith('s') && Map.TryGetValue(word[..^1], out w) ? w : null;
    }
}
