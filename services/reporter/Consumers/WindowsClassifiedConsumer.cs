using MassTransit;
using Seismic.Contracts.Classification;
using Seismic.Reporter.Processing;

namespace Seismic.Reporter.Consumers;

public sealed class WindowsClassifiedConsumer(ReportBook reports) : IConsumer<WindowsClassified>
{
    public Task Consume(ConsumeContext<WindowsClassified> context)
    {
        reports.Record(context.Message);
        return Task.CompletedTask;
    }
}
