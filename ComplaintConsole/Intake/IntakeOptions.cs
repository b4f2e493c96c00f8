using System.ComponentModel.DataAnnotations;

namespace ComplaintConsole.Intake;

public sealed class IntakeOptions
{
    public const string Section = "Intake";

    /// <summary>How long an Idempotency-Key and its first response are kept (the draft asks for at least 24 hours).</summary>
    [Range(24, 24 * 30)]
    public int IdempotencyRetentionHours { get; set; } = 24;

    /// <summary>Most complaints stored in one transaction by the group-commit writer.</summary>
    [Range(1, 5000)]
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>Complaints waiting for the writer before new requests wait to queue (back-pressure).</summary>
    [Range(1, 1_000_000)]
    public int MaxQueueLength { get; set; } = 20_000;

    /// <summary>Largest accepted API request body, in bytes.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 32 * 1024;
}
