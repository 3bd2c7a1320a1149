using Seismic.Configuration;
using Seismic.TestSupport;

namespace Seismic.Datasets.Tests.Support;

/// <summary>The small archive, written once for a test class, and the shipped settings.</summary>
public sealed class SmallArchiveFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public SmallArchiveFixture() => SmallArrayArchive.Write(_folder.Path);

    public string Folder => _folder.Path;

    public string InventoryPath => SmallArrayArchive.InventoryPath(Folder);

    public string CatalogPath => SmallArrayArchive.CatalogPath(Folder);

    public string ArchivePath => SmallArrayArchive.ArchivePath(Folder);

    public static SeismicSettings Settings() => SettingsLoader.Load(RepositoryPaths.SettingsFile);

    public void Dispose() => _folder.Dispose();
}
