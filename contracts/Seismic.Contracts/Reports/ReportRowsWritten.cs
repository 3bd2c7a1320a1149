namespace Seismic.Contracts.Reports;

/// <summary>
/// Event: the reporter wrote what a <see cref="Classification.WindowsClassified"/> or an
/// <see cref="Classification.EventClassified"/> carried, so whoever follows a backfill knows its reports are on disk.
/// </summary>
public sealed record ReportRowsWritten
{
    public required string SegmentId { get; init; }

    /// <summary>The event whose row this is; null for a segment's window rows.</summary>
    public string? EventId { get; init; }

    /// <summary>Rows new to the files; 0 when a redelivery found them already written.</summary>
    public required int RowsAdded { get; init; }

    /// <summary>Folder of the report files, as the reporter's host sees it.</summary>
    public required string ReportsDirectory { get; init; }

    public Guid? BackfillId { get; init; }

    public required DateTime WrittenAtUtc { get; init; }
}
