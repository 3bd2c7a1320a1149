using Seismic.Contracts.Classification;
using Seismic.Reporter.Processing;

namespace Seismic.Services.Tests.Reporter;

public sealed class ReportBookTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seismic-reports-").FullName;

    private static readonly DateTime Day = new(2023, 10, 30, 0, 0, 0, DateTimeKind.Utc);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Should_write_the_original_prediction_columns_and_the_decision()
    {
        var book = new ReportBook(_folder);

        Assert.True(book.Record(ReportSamples.Event()));

        var lines = File.ReadAllLines(book.EventsCsvPath(Day));
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("event_id,estimated_arrival_time_arces,baz_to_arces,baz_method,predicted,true,probability_detector,probability_classifier,distance,magnitude,", lines[0]);
        Assert.StartsWith("smi:local/event/1,2023-10-30T12:01:30.000Z,160.5,picks,explosion,explosion,0.97,0.81,380.2,2.1,ARCES,2023-10-30T12:00:30.000Z,2023-10-30T12:04:30.000Z,2,0,10,12,compact,3,", lines[1]);
    }

    [Fact]
    public void Should_not_write_the_same_event_twice_even_after_a_restart()
    {
        new ReportBook(_folder).Record(ReportSamples.Event());

        var restarted = new ReportBook(_folder);
        Assert.False(restarted.Record(ReportSamples.Event()));
        Assert.True(restarted.Record(ReportSamples.Event("smi:local/event/2")));

        Assert.Equal(3, File.ReadAllLines(restarted.EventsCsvPath(Day)).Length);
    }

    [Fact]
    public void Should_cut_a_line_torn_by_a_writer_killed_mid_append_and_write_it_whole_again()
    {
        new ReportBook(_folder).Record(ReportSamples.Event());
        var path = Path.Combine(_folder, "2023-10-30", "events.csv");
        var whole = File.ReadAllText(path);
        // What a writer killed in the middle of appending the second event leaves: part of its line.
        var second = new ReportBook(Directory.CreateTempSubdirectory("seismic-reports-").FullName);
        second.Record(ReportSamples.Event("smi:local/event/2"));
        var secondLine = File.ReadAllLines(second.EventsCsvPath(Day))[1];
        File.AppendAllText(path, secondLine[..(secondLine.Length / 2)]);
        var cuts = new List<long>();

        // The restarted reporter gets the redelivered message.
        var restarted = new ReportBook(_folder, (_, bytes) => cuts.Add(bytes));
        Assert.True(restarted.Record(ReportSamples.Event("smi:local/event/2")));

        Assert.Equal([secondLine.Length / 2], cuts);
        Assert.Equal(whole + secondLine + "\n", File.ReadAllText(path));
        Directory.Delete(second.ReportsDirectory, recursive: true);
    }

    [Fact]
    public void Should_leave_unknown_catalog_values_empty()
    {
        var book = new ReportBook(_folder);
        book.Record(ReportSamples.Event() with { DistanceKm = null, Magnitude = null, CatalogEventType = null, OnsetUtc = null, BackAzimuthMethod = null, Label = PredictedLabel.Noise });

        Assert.StartsWith("smi:local/event/1,,160.5,,noise,,0.97,0.81,,,", File.ReadAllLines(book.EventsCsvPath(Day))[1]);
    }

    [Fact]
    public void Should_write_one_line_per_window_once()
    {
        var book = new ReportBook(_folder);

        Assert.Equal(12, book.Record(ReportSamples.Windows(12)));
        Assert.Equal(0, book.Record(ReportSamples.Windows(12)));

        var lines = File.ReadAllLines(book.WindowsCsvPath(Day));
        Assert.Equal(13, lines.Length);
        Assert.StartsWith("ARCES_20231030T120000.000Z_20231030T120500.000Z,ARCES,2023-10-30T12:00:55.000Z,2023-10-30T12:04:55.000Z,explosion,", lines[12]);
    }

    [Fact]
    public void Should_write_each_day_to_its_own_folder_an_event_on_the_day_of_its_onset()
    {
        var book = new ReportBook(_folder);
        var midnight = Day.AddDays(1);
        // Windows from 23:59:00 every 20 s: 3 start before midnight, 3 after.
        var windows = ReportSamples.Windows(6) with
        {
            Windows = [.. ReportSamples.Windows(6).Windows.Select((w, i) => w with { WindowStartUtc = midnight.AddSeconds(-60 + (20 * i)) })],
        };
        var afterMidnight = ReportSamples.Event("smi:local/event/late") with { StartUtc = midnight.AddSeconds(-60), OnsetUtc = midnight.AddSeconds(5) };

        Assert.Equal(6, book.Record(windows));
        Assert.True(book.Record(afterMidnight));
        Assert.True(book.Record(ReportSamples.Event()));

        Assert.Equal(Path.Combine(_folder, "2023-10-31", "events.csv"), book.EventsCsvPath(midnight.AddHours(3)));
        Assert.Equal(4, File.ReadAllLines(book.WindowsCsvPath(Day)).Length);
        Assert.Equal(4, File.ReadAllLines(book.WindowsCsvPath(midnight)).Length);
        Assert.Contains("smi:local/event/late,", File.ReadAllLines(book.EventsCsvPath(midnight))[1]);
        Assert.Equal(2, File.ReadAllLines(book.EventsCsvPath(Day)).Length);
        Assert.Equal(0, book.Record(windows));
    }

    [Fact]
    public void Should_still_refuse_a_duplicate_on_a_day_written_long_before()
    {
        var book = new ReportBook(_folder);
        book.Record(ReportSamples.Event());
        // More days than the book keeps open: the first day's keys are read again when a late redelivery comes.
        for (var d = 1; d <= 6; d++)
            book.Record(ReportSamples.Event($"smi:local/event/d{d}") with { OnsetUtc = Day.AddDays(d).AddHours(12) });

        Assert.False(book.Record(ReportSamples.Event()));
        Assert.Equal(2, File.ReadAllLines(book.EventsCsvPath(Day)).Length);
    }
}
