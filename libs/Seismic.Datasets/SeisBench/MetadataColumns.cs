namespace Seismic.Datasets.SeisBench;

/// <summary>
/// Column names of metadata.csv. Where SeisBench has a convention (<c>source_*</c>, <c>station_*</c>,
/// <c>path_*</c>, <c>trace_*</c>, <c>trace_&lt;phase&gt;_arrival_sample</c>) the name follows it, so
/// SeisBench's labellers and filters find the columns.
/// </summary>
public static class MetadataColumns
{
    public const string TraceName = "trace_name";
    public const string Split = "split";
    public const string Label = "label";
    public const string SourceId = "source_id";
    public const string SourceOriginTime = "source_origin_time";
    public const string SourceLatitudeDeg = "source_latitude_deg";
    public const string SourceLongitudeDeg = "source_longitude_deg";
    public const string SourceDepthKm = "source_depth_km";
    public const string SourceMagnitude = "source_magnitude";
    public const string SourceMagnitudeType = "source_magnitude_type";
    public const string SourceType = "source_type";
    public const string PathEpDistanceKm = "path_ep_distance_km";
    public const string PathBackAzimuthDeg = "path_back_azimuth_deg";
    public const string BackAzimuthSource = "back_azimuth_source";
    public const string TraceStartTime = "trace_start_time";
    public const string TraceSamplingRateHz = "trace_sampling_rate_hz";
    public const string TraceNpts = "trace_npts";
    public const string TraceComponentOrder = "trace_component_order";
    public const string TracePArrivalSample = "trace_P_arrival_sample";
    public const string TraceSArrivalSample = "trace_S_arrival_sample";
    public const string StationNetworkCode = "station_network_code";
    public const string StationCode = "station_code";
    public const string StationLatitudeDeg = "station_latitude_deg";
    public const string StationLongitudeDeg = "station_longitude_deg";

    /// <summary>The columns the writer derives from <see cref="DatasetTrace"/>'s typed properties, in file order.</summary>
    public static IReadOnlyList<string> Typed { get; } =
    [
        TraceName, Split, Label, SourceId, SourceOriginTime, SourceLatitudeDeg, SourceLongitudeDeg,
        SourceDepthKm, SourceMagnitude, PathEpDistanceKm, PathBackAzimuthDeg, TraceStartTime,
        TraceSamplingRateHz, TraceNpts, TraceComponentOrder, TracePArrivalSample, TraceSArrivalSample,
    ];
}
