using ComplaintConsole.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ComplaintConsole.Tests.Operations;

/// <summary>No collector configured (the intranet default): no OpenTelemetry provider, so nothing tries to connect.</summary>
public sealed class TelemetryOffTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void Services_NoOtlpEndpoint_RegisterNoTracerOrMeterProvider()
    {
        var services = app.Services;

        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
    }
}

public sealed class TelemetryOnTests(TelemetryOnTests.App app) : IClassFixture<TelemetryOnTests.App>
{
    public sealed class App : AppFactory
    {
        // The discard port: nothing listens, so exports fail at once and quietly.
        public App() => Settings["Telemetry:OtlpEndpoint"] = "http://127.0.0.1:9";
    }

    [Fact]
    public void Services_OtlpEndpointConfigured_RegisterTracerAndMeterProviders()
    {
        var services = app.Services;

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
    }
}

public sealed class TelemetryBadEndpointTests
{
    [Fact]
    public void Start_OtlpEndpointNotAnHttpUrl_FailsNamingTheKey()
    {
        using var app = new AppFactory();
        app.Settings["Telemetry:OtlpEndpoint"] = "collector:4317";

        var error = Assert.Throws<OptionsValidationException>(() => app.Services);

        Assert.Contains("Telemetry:OtlpEndpoint", error.Message);
    }
}
