using ComplaintConsole.Domain;
using ComplaintConsole.Intake;
using NodaTime;

namespace ComplaintConsole.Tests.Support;

/// <summary>
/// Intake for component tests: the demo agencies and categories in memory, a fixed deadline, and a record of what was
/// submitted. The real service is exercised by the integration tests.
/// </summary>
public sealed class FakeIntakeService : IIntakeService
{
    public static readonly DateTimeZone Tehran = DateTimeZoneProviders.Tzdb["Asia/Tehran"];

    public static readonly IntakeCatalog.DeskEntry UrbanDesk = new(1, "urban", "میز خدمات شهری", "Urban services desk");

    public static readonly IntakeCatalog.Snapshot Catalog = new(
        [
            new IntakeCatalog.AgencyEntry("tehran-metro", "شرکت بهره‌برداری متروی تهران", "Tehran Metro Operation Company", Layer.Provincial, true, 1, 1),
            new IntakeCatalog.AgencyEntry("tums", "دانشگاه علوم پزشکی تهران", "Tehran University of Medical Sciences", Layer.Regional, true, 2, 1),
            new IntakeCatalog.AgencyEntry("customs", "گمرک جمهوری اسلامی ایران", "Customs Administration", Layer.National, true, 3, 1),
        ],
        [UrbanDesk],
        [new IntakeCatalog.CategoryEntry("delay", "تأخیر در رسیدگی", "Delay in handling", 1), new IntakeCatalog.CategoryEntry("corruption", "فساد و رشوه", "Corruption", 2)],
        DateTimeOffset.UnixEpoch);

    public List<(IntakeRequest Request, IntakeSource Source)> Submitted { get; } = [];

    public Instant ResponseDue { get; set; } = Instant.FromUtc(2026, 12, 6, 4, 0);

    public Task<IntakeCatalog.Snapshot> GetCatalogAsync(CancellationToken cancellationToken = default) => Task.FromResult(Catalog);

    public Task<DeadlinePreview?> PreviewDeadlineAsync(string? agencyCode, CancellationToken cancellationToken = default) =>
        Task.FromResult<DeadlinePreview?>(new DeadlinePreview(UrbanDesk, Instant.FromUtc(2026, 12, 5, 6, 30), new LocalDate(2026, 12, 5), ResponseDue, Tehran));

    public Task<IntakeResult> SubmitAsync(IntakeRequest request, IntakeSource source, CancellationToken cancellationToken = default)
    {
        Submitted.Add((request, source));
        var errors = IntakeValidator.Validate(request, Catalog);
        if (errors.Count > 0)
        {
            return Task.FromResult<IntakeResult>(new IntakeResult.Invalid(errors));
        }

        var receipt = new IntakeReceipt(
            TrackingCodes.NewCode(),
            request.Kind!.Value,
            Instant.FromUtc(2026, 12, 5, 6, 30),
            new LocalDate(2026, 12, 5),
            ResponseDue,
            Tehran,
            UrbanDesk,
            ComplaintStatus.New,
            request.IsAnonymous ? TrackingSecrets.NewSecret() : null);
        return Task.FromResult<IntakeResult>(new IntakeResult.Filed(receipt, null));
    }

    public Task<TrackResult> TrackAsync(string? trackingCode, string? mobileOrSecret, string clientId, CancellationToken cancellationToken = default) =>
        Task.FromResult<TrackResult>(new TrackResult.NotFound());
}
