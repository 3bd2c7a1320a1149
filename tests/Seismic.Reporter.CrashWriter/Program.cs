using Seismic.Contracts.Classification;
using Seismic.Reporter.Processing;

// Appends segment after segment of window rows to the reports folder in args[0] until it is killed,
// saying "writing" once the first rows are on disk. Segments start 20 s apart, so a writer stays in
// 2024-03-13's windows.csv for thousands of segments.
var book = new ReportBook(args[0]);
var model = new ModelIdentity { Name = "compact", Version = 1, Sha256 = new string('c', 64) };
var start = new DateTime(2024, 3, 13, 0, 0, 0, DateTimeKind.Utc);
for (var segment = 0; ; segment++)
{
    var segmentStart = start.AddSeconds(20 * segment);
    book.Record(new WindowsClassified
    {
        SegmentId = $"ARCES_{segmentStart:yyyyMMdd'T'HHmmss}",
        ArrayCode = "ARCES",
        Model = model,
        WindowLengthSeconds = 240,
        WindowStepSeconds = 5,
        Windows = [.. Enumerable.Range(0, 240).Select(i => new WindowClassification
        {
            WindowStartUtc = segmentStart.AddSeconds(5 * i),
            DetectorProbability = i / 240.0,
            ClassifierProbability = 0.5,
            Label = PredictedLabel.Noise,
        })],
    });
    if (segment == 0)
        Console.WriteLine("writing");
}
