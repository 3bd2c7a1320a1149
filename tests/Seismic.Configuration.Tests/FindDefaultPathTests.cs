namespace Seismic.Configuration.Tests;

public sealed class FindDefaultPathTests : IDisposable
{
    private readonly string _currentDirectory = Directory.CreateTempSubdirectory("seismic-cwd-").FullName;
    private readonly string _baseDirectory = Directory.CreateTempSubdirectory("seismic-bin-").FullName;

    public void Dispose()
    {
        Directory.Delete(_currentDirectory, recursive: true);
        Directory.Delete(_baseDirectory, recursive: true);
    }

    private static string CreateSettingsFile(string folder)
    {
        var path = Path.Combine(folder, "config", "seismic.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "array: {}\n");
        return path;
    }

    [Fact]
    public void Should_prefer_the_environment_variable_even_when_its_file_is_missing()
    {
        CreateSettingsFile(_currentDirectory);

        var path = SettingsLoader.FindDefaultPath("elsewhere/seismic.yaml", _currentDirectory, _baseDirectory);

        Assert.Equal(Path.Combine(_currentDirectory, "elsewhere", "seismic.yaml"), path);
    }

    [Fact]
    public void Should_prefer_the_working_directory_over_the_executable_folder()
    {
        var inCurrent = CreateSettingsFile(_currentDirectory);
        CreateSettingsFile(_baseDirectory);

        Assert.Equal(inCurrent, SettingsLoader.FindDefaultPath(null, _currentDirectory, _baseDirectory));
    }

    [Fact]
    public void Should_fall_back_to_the_config_folder_beside_the_executable()
    {
        var besideExecutable = CreateSettingsFile(_baseDirectory);

        Assert.Equal(besideExecutable, SettingsLoader.FindDefaultPath("", _currentDirectory, _baseDirectory));
    }

    [Fact]
    public void Should_find_nothing_when_no_settings_file_exists()
    {
        Assert.Null(SettingsLoader.FindDefaultPath(null, _currentDirectory, _baseDirectory));
    }
}
