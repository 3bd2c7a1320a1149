using System.Diagnostics;
using Seismic.Reporter.Processing;
using Seismic.TestSupport;

namespace Seismic.Services.Tests.Reporter;

/// <summary>A reporter killed with SIGKILL while it appends rows leaves no half line behind for the next one.</summary>
public sealed class ReporterKilledMidWriteTests
{
    [Fact]
    public async Task Should_leave_only_whole_lines_after_a_writer_is_killed_mid_write()
    {
        using var folder = new TempFolder();
        var writerDll = Path.Combine(AppContext.BaseDirectory, "Seismic.Reporter.CrashWriter.dll");
        Assert.True(File.Exists(writerDll), $"{writerDll} is built with this test project");
        var windowsCsv = Path.Combine(folder.Path, "2024-03-13", "windows.csv");

        for (var round = 0; round < 3; round++)
        {
            using var writer = Process.Start(new ProcessStartInfo("dotnet", [writerDll, folder.Path]) { RedirectStandardOutput = true })!;
            Assert.Equal("writing", await writer.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)));
            // Let it write for a while, at a different moment each round, then kill it where it stands (SIGKILL on Linux).
            await Task.Delay(150 + 170 * round);
            writer.Kill();
            await writer.WaitForExitAsync();
        }

        // The next reporter repairs what the kill left and appends after it.
        var book = new ReportBook(folder.Path);
        var onTheWritersDay = ReportSamples.Windows(3) with
        {
            Windows = [.. ReportSamples.Windows(3).Windows.Select((w, i) => w with { WindowStartUtc = new DateTime(2024, 3, 13, 23, 0, 5 * i, DateTimeKind.Utc) })],
        };
        Assert.Equal(3, book.Record(onTheWritersDay));

        var text = File.ReadAllText(windowsCsv);
        Assert.EndsWith("\n", text);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var columns = lines[0].Split(',').Length;
        Assert.All(lines, line => Assert.Equal(columns, line.Split(',').Length));
        Assert.Single(lines, line => line.StartsWith("segment_id,", StringComparison.Ordinal));
        var keys = lines.Skip(1).Select(line => line[(line.LastIndexOf(',') + 1)..]).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.True(keys.Count > 240 * 3, $"the writers wrote {keys.Count} rows before they were killed");
    }
}
