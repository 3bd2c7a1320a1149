namespace Seismic.Evaluation.Tests.Support;

/// <summary>A fresh folder under the system's temporary folder, deleted with its contents on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("seismic-evaluation-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
