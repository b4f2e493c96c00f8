using ComplaintConsole.Operations;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplaintConsole.Tests.Operations;

public sealed class IntakeQueueHealthCheckTests
{
    [Theory]
    [InlineData(0, 100, HealthStatus.Healthy)]
    [InlineData(80, 100, HealthStatus.Healthy)]
    [InlineData(81, 100, HealthStatus.Degraded)]
    [InlineData(99, 100, HealthStatus.Degraded)]
    [InlineData(100, 100, HealthStatus.Unhealthy)]
    [InlineData(0, 1, HealthStatus.Healthy)]
    [InlineData(1, 1, HealthStatus.Unhealthy)]
    public void Evaluate_QueueFill_DegradedAbove80PercentUnhealthyWhenFull(int queued, int capacity, HealthStatus expected)
    {
        var result = IntakeQueueHealthCheck.Evaluate(queued, capacity);

        Assert.Equal(expected, result.Status);
        Assert.Equal($"{queued} of {capacity} queued", result.Description);
    }
}
