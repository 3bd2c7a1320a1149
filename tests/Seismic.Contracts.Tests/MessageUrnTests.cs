using MassTransit;

namespace Seismic.Contracts.Tests;

/// <summary>
/// A message's URN (namespace and name) is its identity on the broker: exchanges are named after it and
/// running workers bind to it. Renaming or moving a contract silently splits producers from consumers,
/// so every URN is pinned here; a breaking change is a new type, never an edit of this list.
/// </summary>
public sealed class MessageUrnTests
{
    private static readonly Dictionary<string, string> PinnedUrns = new()
    {
        ["BackfillInterval"] = "urn:message:Seismic.Contracts.Ingest:BackfillInterval",
        ["WaveformSegmentIngested"] = "urn:message:Seismic.Contracts.Ingest:WaveformSegmentIngested",
        ["ContinueBackfill"] = "urn:message:Seismic.Contracts.Ingest:ContinueBackfill",
        ["BackfillProgressed"] = "urn:message:Seismic.Contracts.Ingest:BackfillProgressed",
        ["BackfillCompleted"] = "urn:message:Seismic.Contracts.Ingest:BackfillCompleted",
        ["BeamsFormed"] = "urn:message:Seismic.Contracts.Beams:BeamsFormed",
        ["WindowsClassified"] = "urn:message:Seismic.Contracts.Classification:WindowsClassified",
        ["EventClassified"] = "urn:message:Seismic.Contracts.Classification:EventClassified",
        ["EventEvidenceGathered"] = "urn:message:Seismic.Contracts.Classification:EventEvidenceGathered",
        ["ReportRowsWritten"] = "urn:message:Seismic.Contracts.Reports:ReportRowsWritten",
        ["EventPictureWritten"] = "urn:message:Seismic.Contracts.Reports:EventPictureWritten",
        ["TrainModel"] = "urn:message:Seismic.Contracts.Training:TrainModel",
        ["TrainingProgressed"] = "urn:message:Seismic.Contracts.Training:TrainingProgressed",
        ["ModelPublished"] = "urn:message:Seismic.Contracts.Training:ModelPublished",
        ["StageFailed"] = "urn:message:Seismic.Contracts.Operations:StageFailed",
    };

    public static TheoryData<string> MessageNames() => [.. PinnedUrns.Keys];

    [Theory]
    [MemberData(nameof(MessageNames))]
    public void Should_keep_the_pinned_urn(string messageName)
    {
        var type = ContractSamples.All().Select(sample => sample.GetType()).Single(t => t.Name == messageName);

        Assert.Equal(PinnedUrns[messageName], MessageUrn.ForTypeString(type));
    }

    [Fact]
    public void Should_pin_every_message_that_has_a_sample()
    {
        Assert.Equal(
            PinnedUrns.Keys.Order(StringComparer.Ordinal),
            ContractSamples.All().Select(sample => sample.GetType().Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_have_a_sample_for_every_contract_that_is_not_part_of_another()
    {
        var messages = ContractSamples.All().Select(sample => sample.GetType()).ToHashSet();
        var parts = messages.SelectMany(PartTypes).ToHashSet();

        var unaccounted = typeof(Ingest.BackfillInterval).Assembly.GetExportedTypes()
            // Static classes (such as the beam payload's codec) hold no message data.
            .Where(type => !(type.IsAbstract && type.IsSealed))
            .Where(type => !messages.Contains(type) && !parts.Contains(type))
            .Select(type => type.FullName)
            .ToList();

        Assert.Empty(unaccounted);
    }

    /// <summary>Types used by a message's properties, directly or inside lists, dictionaries and other parts.</summary>
    private static IEnumerable<Type> PartTypes(Type type)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([type]);
        while (pending.TryPop(out var current))
        {
            foreach (var property in current.GetProperties())
            {
                var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                foreach (var candidate in propertyType.IsGenericType ? [propertyType, .. propertyType.GetGenericArguments()] : new[] { propertyType })
                {
                    if (candidate.Assembly == type.Assembly && seen.Add(candidate))
                        pending.Push(candidate);
                }
            }
        }
        return seen;
    }
}
