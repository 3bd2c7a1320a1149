using System.Globalization;
using ImageMagick;
using Seismic.TestSupport;
using Seismic.Waveforms.MiniSeed;
using Seismic.Waveforms.Traces;

namespace Seismic.Integration.Tests;

/// <summary>`seismic classify` on the beams `seismic beam` wrote around the simulated hour's strongest event.</summary>
public sealed class ClassifyCommandTests(SimulatedHour simulated) : IClassFixture<SimulatedHour>
{
    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private async Task<string> Beams(WorkerEnvironment environment)
    {
        var (pUtc, _) = simulated.StrongestEvent;
        var beams = Path.Combine(environment.Folder, "event.mseed");
        // 300 s of beams: 13 windows of 240 s every 5 s.
        await using var beam = environment.Start("cli", "beam", "--inventory", simulated.InventoryPath, "--source", $"sds://{simulated.ArchivePath}",
            "--start", Time(pUtc.AddSeconds(-100)), "--end", Time(pUtc.AddSeconds(200)), "--out", beams);
        Assert.True(await beam.WaitForExit(TimeSpan.FromSeconds(60)), beam.Output);
        Assert.True(beam.ExitCode == 0, beam.Output);

        var onnx = TinyModels.WriteCrestFactor(environment.Folder, "crest-factor", 9601);
        await using var import = environment.Start("cli", "models", "import", onnx, "--name", "crest-factor");
        Assert.True(await import.WaitForExit(TimeSpan.FromSeconds(60)), import.Output);
        Assert.True(import.ExitCode == 0, import.Output);
        return beams;
    }

    [Fact]
    public async Task Should_print_every_window_and_the_events_decision_and_draw_its_picture()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var beams = await Beams(environment);
        var gif = Path.Combine(environment.Folder, "event.gif");

        await using var classify = environment.Start("cli", "classify", "--model", "crest-factor:v1", "--beams", beams, "--gif", gif);
        Assert.True(await classify.WaitForExit(TimeSpan.FromSeconds(120)), classify.Output);

        Assert.True(classify.ExitCode == 0, classify.Output);
        var lines = classify.Output.Split('\n');
        var windows = lines.Where(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\d{4}-\d\d-\d\dT[\d:.]+Z\s+[\d.]+\s+[\d.]+\s+(noise|earthquake|explosion)\s*$")).ToList();
        Assert.Equal(13, windows.Count);
        var decision = Assert.Single(lines, line => line.StartsWith("event: ", StringComparison.Ordinal));
        Assert.Contains("model crest-factor v1", decision);
        var votes = System.Text.RegularExpressions.Regex.Matches(decision, @"(noise|earthquake|explosion) (\d+)[,;]").Sum(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        Assert.Equal(13, votes);
        using var frames = new MagickImageCollection(gif);
        Assert.Equal(13, frames.Count);
    }

    [Fact]
    public async Task Should_name_the_channels_when_the_file_does_not_hold_the_beams_the_model_takes()
    {
        using var environment = WorkerEnvironment.WithoutBroker();
        var beams = await Beams(environment);
        // Only the P beam.
        var onlyP = Path.Combine(environment.Folder, "only-p.mseed");
        var p = MiniSeedFile.ReadTraces(beams).Segments.Single(s => s.SourceId.Channel == "PBZ");
        using (var stream = File.Create(onlyP))
            MiniSeed2Writer.Write(stream, p, new MiniSeed2WriteOptions { Encoding = Seismic.Waveforms.Encodings.DataEncoding.Float32 });

        await using var classify = environment.Start("cli", "classify", "--model", "crest-factor", "--beams", onlyP);
        Assert.True(await classify.WaitForExit(TimeSpan.FromSeconds(60)), classify.Output);

        Assert.Equal(2, classify.ExitCode);
        Assert.Contains("holds channels PBZ; model crest-factor v1 takes 3 beams (PBZ, SBT, SBR", classify.Output);
    }
}
