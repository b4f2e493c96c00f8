using ComplaintConsole.Data;
using ComplaintConsole.Sla;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ComplaintConsole.Operations;

public static class OperationsServiceCollectionExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string OtlpEndpointKey = "Telemetry:OtlpEndpoint";
    public const string ServiceName = "ComplaintConsole";

    private const string ReadyTag = "ready";

    /// <summary>Health checks for probes, and OpenTelemetry traces and metrics when an OTLP collector is configured.</summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks()
            .AddDbContextCheck<ComplaintsDbContext>("database", tags: [ReadyTag])
            .AddCheck<IntakeQueueHealthCheck>("intake-queue", tags: [ReadyTag]);
        if (configuration.GetSection(SlaOptions.Section).GetValue<bool?>(nameof(SlaOptions.SchedulerEnabled)) ?? true)
        {
            checks.AddCheck<SchedulerHealthCheck>("scheduler", tags: [ReadyTag]);
        }

        AddTelemetry(services, configuration);
        return services;
    }

    /// <summary>Anonymous and never rate-limited: they are for load balancers and monitors on the intranet.</summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous()
            .DisableRateLimiting();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponse.WriteAsync })
            .AllowAnonymous()
            .DisableRateLimiting();
        return app;
    }

    // Nothing is registered without an endpoint: on the intranet there is no collector by default, and an exporter
    // would only retry in vain. The standard OTEL_EXPORTER_OTLP_* variables win over Telemetry:OtlpEndpoint.
    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var standardEndpoint = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var configuredEndpoint = configuration[OtlpEndpointKey];
        if (string.IsNullOrWhiteSpace(standardEndpoint) && string.IsNullOrWhiteSpace(configuredEndpoint))
        {
            return;
        }

        Uri? endpoint = null;
        if (string.IsNullOrWhiteSpace(standardEndpoint)
            && (!Uri.TryCreate(configuredEndpoint, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
        {
            throw new OptionsValidationException(
                OtlpEndpointKey, typeof(OtlpExporterOptions), [$"{OtlpEndpointKey} must be an absolute http(s) URL, e.g. http://collector:4317."]);
        }

        // Per signal rather than UseOtlpExporter, which would export the logs too: only traces and metrics leave the node.
        var protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        void Otlp(OtlpExporterOptions o, string signalPath)
        {
            // Without an explicit endpoint the exporter reads the OTEL_EXPORTER_OTLP_* variables itself.
            if (endpoint is not null)
            {
                o.Protocol = protocol;
                o.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint.AbsoluteUri.TrimEnd('/') + signalPath) : endpoint;
            }
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                // Npgsql reports its commands on this ActivitySource itself; on the other providers nothing comes.
                .AddSource("Npgsql")
                .AddOtlpExporter(o => Otlp(o, "/v1/traces")))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ConsoleMetrics.MeterName)
                .AddOtlpExporter(o => Otlp(o, "/v1/metrics")));
    }
}
