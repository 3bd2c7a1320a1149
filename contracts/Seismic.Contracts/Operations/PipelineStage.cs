using System.Text.Json.Serialization;

namespace Seismic.Contracts.Operations;

[JsonConverter(typeof(JsonStringEnumConverter<PipelineStage>))]
public enum PipelineStage
{
    Ingest,
    Beamformer,
    Classifier,
    Trainer,
    Reporter,
}
