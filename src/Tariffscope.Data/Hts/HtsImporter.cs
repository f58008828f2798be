using System.IO.Compression;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Tariffscope.Data.Hts;

/// <summary>What to import: a local file or an http(s) URL of a USITC JSON export, and optionally which revision it is.</summary>
/// <param name="Partial">Accept an export that is not a whole schedule (a few chapters, a test file); without it such a file is refused.</param>
public sealed record HtsImportRequest(string FileOrUrl, string? Revision = null, DateOnly? Effective = null, string? RevisionDatesFile = null,
    bool Partial = false);

public sealed record HtsImportResult(ImportedRevision Revision, string StoredAt, bool Replaced, int Lines, IReadOnlyList<HtsWarning> Warnings);

/// <summary>An import that cannot go ahead: the message says what to give or fix.</summary>
public sealed class HtsImportException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Puts a USITC export into the data directory: copies or downloads it to a temporary file beside its final
/// place, reads it whole (a file that does not read is never installed), stores it gzip-compressed as
/// <c>hts/&lt;revision&gt;.json.gz</c> with one move, and records it in <c>hts/revisions.csv</c>.
/// </summary>
public static class HtsImporter
{
    public static async Task<HtsImportResult> ImportAsync(DataDirectory dir, HtsImportRequest request, HttpClient? http = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(dir.HtsFolder);
        var temp = Path.Combine(dir.HtsFolder, $".import-{Guid.NewGuid():N}.tmp");
        var packed = temp + ".gz";
        try
        {
            var (sourceName, sourceText) = await FetchAsync(request.FileOrUrl, temp, http, ct);
            var (name, effective) = Identify(dir, request, sourceName);
            CheckClash(ImportedRevisions.Read(dir), name, effective); // early, to spare the reading; again under the lock

            HtsFile file;
            await using (var s = File.OpenRead(temp)) file = HtsJsonReader.Read(s, sourceName);
            if (!request.Partial) CheckWhole(file, sourceName);

            var stored = IsGzip(temp) ? temp : Compress(temp, packed);
            var sha = Sha256(stored);

            // from reading the list to writing it, one writer at a time: otherwise two imports both start from the
            // same list and the later one drops the earlier one's revision
            using var writeLock = await DataDirectoryLock.AcquireAsync(dir, ct: ct);
            CleanStale(dir, keep: temp);
            var existing = ImportedRevisions.Read(dir);
            CheckClash(existing, name, effective);
            var target = dir.RevisionFile(name);
            File.Move(stored, target, overwrite: true);
            RevisionCache.TryWrite(dir.RevisionCacheFile(name), new FileInfo(target), file.Lines); // best effort: made on first read otherwise

            var revision = new ImportedRevision(name, effective, sourceText, DateTimeOffset.UtcNow, sha, file.RowCount);
            bool replaced = existing.Any(r => r.Name == name);
            ImportedRevisions.Write(dir, existing.Where(r => r.Name != name).Append(revision));
            return new HtsImportResult(revision, target, replaced, file.Lines.Count, file.Warnings);
        }
        finally
        {
            File.Delete(temp);
            File.Delete(packed);
        }
    }

    private static void CheckClash(IReadOnlyList<ImportedRevision> existing, string name, DateOnly effective)
    {
        var clash = existing.FirstOrDefault(r => r.EffectiveDate == effective && r.Name != name);
        if (clash is not null)
            throw new HtsImportException($"revision {clash.Name} already takes effect on {effective:yyyy-MM-dd}; give another --effective date, or --revision {clash.Name} to replace it");
    }

    /// <summary>Fewest numbered lines of a whole schedule: a USITC export has about 30,000 (35,859 rows in the 2025 Basic Edition).</summary>
    public const int WholeScheduleMinLines = 10_000;
    /// <summary>Chapters 01–97 less 77 (reserved) hold goods; a whole schedule may lack a few if some are reserved later.</summary>
    public const int WholeScheduleMinChapters = 90;

    /// <summary>
    /// Refuses a file that cannot be the whole schedule (an empty array, an extract of a few chapters): installed as a
    /// revision it would answer "unknown code" for everything it lacks from its effective date on.
    /// </summary>
    private static void CheckWhole(HtsFile file, string sourceName)
    {
        var chapters = file.Lines.Select(l => l.Code.Digits[..2]).Where(c => string.CompareOrdinal(c, "98") < 0).ToHashSet();
        if (file.Lines.Count >= WholeScheduleMinLines && chapters.Count >= WholeScheduleMinChapters) return;
        var missing = Enumerable.Range(1, 97).Where(c => c != 77).Select(c => c.ToString("00")).Where(c => !chapters.Contains(c)).ToList();
        var list = missing.Count == 0 ? "" : $"; missing chapters: {string.Join(", ", missing.Take(12))}{(missing.Count > 12 ? $" and {missing.Count - 12} more" : "")}";
        throw new HtsImportException(
            $"'{sourceName}' does not look like a whole schedule: {file.RowCount:N0} rows, {file.Lines.Count:N0} numbered lines, " +
            $"{chapters.Count} of the 96 chapters 01–97{list} (a USITC export has about 30,000 lines in every chapter). " +
            "If it is meant to be partial, import it with --partial");
    }

    /// <summary>How old a temporary file must be before it counts as left by a killed import.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// Deletes temporary files a killed import left behind (.import-*.tmp, revisions.csv.*.tmp, cache/*.tmp). Called
    /// under the lock; a running import's temporary files are younger than <see cref="StaleAfter"/>.
    /// </summary>
    internal static void CleanStale(DataDirectory dir, string? keep = null)
    {
        var cutoff = DateTime.UtcNow - StaleAfter;
        foreach (var (folder, pattern) in new[] { (dir.HtsFolder, ".import-*.tmp*"), (dir.HtsFolder, "revisions.csv.*.tmp"), (Path.Combine(dir.HtsFolder, "cache"), "*.tmp") })
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var f in Directory.EnumerateFiles(folder, pattern))
                // a copied file keeps its source's time: this import's own temporary file is never stale
                try { if ((keep is null || f != keep && !f.StartsWith(keep + ".", StringComparison.Ordinal)) && File.GetLastWriteTimeUtc(f) < cutoff) File.Delete(f); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* another one's, or gone */ }
        }
    }

    /// <summary>Copies or downloads the source to <paramref name="temp"/>; returns its file name and a description of where it came from.</summary>
    private static async Task<(string Name, string Text)> FetchAsync(string fileOrUrl, string temp, HttpClient? http, CancellationToken ct)
    {
        if (Uri.TryCreate(fileOrUrl, UriKind.Absolute, out var uri) && !uri.IsFile)
        {
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                throw new HtsImportException($"'{fileOrUrl}': only http and https addresses can be downloaded (or give a local file)");
            var client = http ?? SharedClient.Value;
            HttpResponseMessage response;
            try { response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct); }
            catch (HttpRequestException e) { throw new HtsImportException($"download of {uri} failed: {e.Message}", e); }
            catch (TaskCanceledException e) when (!ct.IsCancellationRequested) { throw new HtsImportException($"download of {uri} timed out", e); }
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                    throw new HtsImportException($"download of {uri} failed: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
                await using var body = await response.Content.ReadAsStreamAsync(ct);
                await using var output = File.Create(temp);
                await body.CopyToAsync(output, ct);
                var name = FileNameOf(response.Content.Headers.ContentDisposition) ?? Path.GetFileName(Uri.UnescapeDataString(uri.AbsolutePath));
                return (string.IsNullOrEmpty(name) ? uri.Host : name, uri.ToString());
            }
        }
        var path = uri?.IsFile == true ? uri.LocalPath : fileOrUrl;
        if (!File.Exists(path)) throw new HtsImportException($"'{fileOrUrl}': no such file (give a local USITC JSON export or an http(s) URL)");
        File.Copy(path, temp, overwrite: true);
        // the file's name (with its sha256, recorded beside it) identifies it without exposing local folders
        return (Path.GetFileName(path), "local file " + Path.GetFileName(path));
    }

    /// <summary>The revision's name and effective date: as given, else from the file name and a revisions list.</summary>
    private static (string Name, DateOnly Effective) Identify(DataDirectory dir, HtsImportRequest request, string sourceName)
    {
        var datesPath = request.RevisionDatesFile ?? (File.Exists(dir.KnownRevisionDatesFile) ? dir.KnownRevisionDatesFile : null);
        if (request.RevisionDatesFile is not null && !File.Exists(request.RevisionDatesFile))
            throw new HtsImportException($"'{request.RevisionDatesFile}': no such revisions list");
        // without a list of its own, the built-in record's list of every revision it knows (held or not) dates the file
        var dates = datesPath is null ? Record.BuiltInRecord.For(dir).KnownDates() : RevisionDates.Read(datesPath);

        var fromList = request.Revision is { } given ? dates.ByName(given) : dates.ForFile(sourceName);
        var name = request.Revision?.Trim() ?? fromList?.Name ?? (RevisionNames.FromFileName(sourceName) is { } key
            ? key.IsBasic ? $"{key.Year}_basic" : $"{key.Year}_rev_{key.Number}"
            : null);
        var effective = request.Effective ?? fromList?.EffectiveDate;

        if (name is null || effective is null)
        {
            var missing = name is null && effective is null ? "which revision it is and when it takes effect"
                : name is null ? "which revision it is" : $"when revision {name} takes effect";
            var where = $"{dates.FileName} does not list it";
            throw new HtsImportException(
                $"cannot tell {missing} from the file name '{sourceName}' ({where}): give --revision NAME and --effective YYYY-MM-DD, " +
                $"or --revision-dates FILE (a CSV with revision,effective_date columns; also read from {dir.KnownRevisionDatesFile})");
        }
        if (!RevisionNames.IsSafe(name))
            throw new HtsImportException($"revision name '{name}': use letters, digits, '_', '.' or '-' (it names a file)");
        return (name, effective.Value);
    }

    private static string? FileNameOf(ContentDispositionHeaderValue? cd) =>
        (cd?.FileNameStar ?? cd?.FileName)?.Trim('"') is { Length: > 0 } n ? Path.GetFileName(n) : null;

    private static bool IsGzip(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using var f = File.OpenRead(path);
        return f.Read(head) == 2 && head[0] == 0x1F && head[1] == 0x8B;
    }

    private static string Compress(string source, string target)
    {
        using (var input = File.OpenRead(source))
        using (var output = File.Create(target))
        using (var gz = new GZipStream(output, CompressionLevel.Optimal))
            input.CopyTo(gz);
        return target;
    }

    private static string Sha256(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }

    private static readonly Lazy<HttpClient> SharedClient = new(() =>
    {
        var client = new HttpClient { Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("tariffscope");
        return client;
    });
}
