using System.Reflection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Tariffscope.Server.Dashboard;

/// <summary>
/// The dashboard's files, served from resources embedded in this assembly (logical names <c>dashboard/…</c>):
/// the server needs no folder beside it, and no request can name a file outside the set compiled in.
/// </summary>
public sealed class EmbeddedAssets : IFileProvider
{
    private const string Prefix = "dashboard/";
    private static readonly Assembly Assembly = typeof(EmbeddedAssets).Assembly;
    private readonly Dictionary<string, string> _resources;
    private readonly DateTimeOffset _built;

    public EmbeddedAssets()
    {
        _resources = Assembly.GetManifestResourceNames()
            .Select(n => (Resource: n, Path: n.Replace('\\', '/')))
            .Where(n => n.Path.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(n => "/" + n.Path[Prefix.Length..], n => n.Resource, StringComparer.Ordinal);
        _built = File.GetLastWriteTimeUtc(Assembly.Location) is var t && t.Year > 2000 ? t : DateTimeOffset.UnixEpoch;
    }

    public IReadOnlyCollection<string> Paths => _resources.Keys;

    public IFileInfo GetFileInfo(string subpath)
    {
        var key = "/" + subpath.TrimStart('/');
        return _resources.TryGetValue(key, out var resource)
            ? new Asset(resource, key[(key.LastIndexOf('/') + 1)..], _built)
            : new NotFoundFileInfo(subpath);
    }

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;
    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class Asset(string resource, string name, DateTimeOffset modified) : IFileInfo
    {
        private readonly long _length = Open(resource).Length;
        private static Stream Open(string r) => Assembly.GetManifestResourceStream(r)!;
        public bool Exists => true;
        public long Length => _length;
        public string? PhysicalPath => null;
        public string Name => name;
        public DateTimeOffset LastModified => modified;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => Open(resource);
    }
}
