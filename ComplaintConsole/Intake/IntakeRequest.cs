using ComplaintConsole.Domain;

namespace ComplaintConsole.Intake;

/// <summary>What a citizen, an operator or another system submits; every field as typed.</summary>
public sealed record IntakeRequest
{
    public ComplaintKind? Kind { get; init; }

    public string? AgencyCode { get; init; }

    public string? CategoryCode { get; init; }

    public string? Subject { get; init; }

    public string? Description { get; init; }

    public string? Name { get; init; }

    public string? NationalCode { get; init; }

    public string? Mobile { get; init; }

    /// <summary>A report (اعلام) with no complainant at all: the reporter gets a secret instead.</summary>
    public bool IsAnonymous =>
        Kind == ComplaintKind.Report
        && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(NationalCode) && string.IsNullOrWhiteSpace(Mobile);
}

/// <summary>Who filed it: the channel, the operator or API key behind it, and the timeline actor.</summary>
/// <summary>
/// Who filed it: the channel, the operator or API key behind it (<see cref="Source"/>), the timeline actor, and for the
/// public page the client (IP address) that rate limits apply to.
/// </summary>
public sealed record IntakeSource(Channel Channel, string? Source, string Actor, string ClientId)
{
    public const string CitizenActor = "citizen";

    public static IntakeSource Web(string clientId) => new(Channel.Web, null, CitizenActor, clientId);

    public static IntakeSource Phone(string operatorId) => new(Channel.Phone, operatorId, operatorId, "operator:" + operatorId);

    public static IntakeSource Api(string keyName) => new(Channel.Api, keyName, "api:" + keyName, "api:" + keyName);
}

/// <summary>The field names used in validation results, matching the API's JSON paths.</summary>
public static class IntakeFields
{
    public const string Kind = "kind";
    public const string Agency = "agencyCode";
    public const string Category = "category";
    public const string Subject = "subject";
    public const string Description = "description";
    public const string Name = "complainant.name";
    public const string NationalCode = "complainant.nationalCode";
    public const string Mobile = "complainant.mobile";
}
