using System.Text.Json;
using ComplaintConsole.Intake;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace ComplaintConsole.Operations;

/// <summary>Ready while this node's Quartz scheduler runs the SLA triggers (registered only when they are enabled).</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulerFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        var description = $"Scheduler {status}";
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy(description)
            : new HealthCheckResult(context.Registration.FailureStatus, description);
    }
}

/// <summary>
/// The group-commit writer's back-pressure: above 80% of <see cref="IntakeOptions.MaxQueueLength"/> new complaints
/// will soon wait to queue (degraded); when full they wait now (unhealthy: a load balancer should send work elsewhere).
/// </summary>
public sealed class IntakeQueueHealthCheck(IntakeWriter writer, IOptions<IntakeOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Evaluate(writer.QueueLength, options.Value.MaxQueueLength));

    public static HealthCheckResult Evaluate(int queued, int capacity)
    {
        var description = $"{queued} of {capacity} queued";
        if (queued >= capacity)
        {
            return HealthCheckResult.Unhealthy(description);
        }

        return queued * 5L > capacity * 4L ? HealthCheckResult.Degraded(description) : HealthCheckResult.Healthy(description);
    }
}

/// <summary>
/// The JSON body of the health endpoints: overall status and per check its status, duration and description. Exceptions
/// and check data are left out: they may carry connection strings or case data, and probes do not need them.
/// </summary>
public static class HealthResponse
{
    private static readonly JsonWriterOptions Options = new() { Indented = false };

    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.Body, Options);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteNumber("durationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 1));
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            // A check that threw: its message may name servers or paths; the type is enough for a probe, the log has the rest.
            json.WriteString("description", entry.Exception is { } ex ? ex.GetType().Name : entry.Description ?? DefaultDescription(entry.Status));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }

    private static string DefaultDescription(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "OK",
        HealthStatus.Degraded => "Degraded",
        _ => "Failed",
    };
}
