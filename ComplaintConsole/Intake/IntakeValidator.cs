using ComplaintConsole.Domain;

namespace ComplaintConsole.Intake;

/// <summary>
/// The validation rules of intake, shared by the form (instant feedback) and the service (the authority). Errors are
/// message keys of <see cref="IntakeText"/> per field; <see cref="Normalize"/> gives the values that are stored.
/// </summary>
public static class IntakeValidator
{
    public const int SubjectMin = 5;
    public const int SubjectMax = 200;
    public const int DescriptionMin = 20;
    public const int DescriptionMax = 4000;
    public const int NameMin = 2;
    public const int NameMax = 100;

    public sealed record Normalized(
        ComplaintKind Kind,
        string AgencyCode,
        string CategoryCode,
        string Subject,
        string Description,
        string? Name,
        string? NationalCode,
        string? Mobile,
        bool Anonymous);

    public static IReadOnlyDictionary<string, string[]> Validate(IntakeRequest request, IntakeCatalog.Snapshot catalog)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string key)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(key);
        }

        if (request.Kind is not (ComplaintKind.Complaint or ComplaintKind.Report))
        {
            Add(IntakeFields.Kind, "Error.Kind.Required");
        }

        var agency = PersianText.Clean(request.AgencyCode);
        if (agency.Length == 0)
        {
            Add(IntakeFields.Agency, "Error.Agency.Required");
        }
        else if (catalog.Agency(agency) is not { Active: true })
        {
            Add(IntakeFields.Agency, "Error.Agency.Unknown");
        }

        var category = PersianText.Clean(request.CategoryCode);
        if (category.Length == 0)
        {
            Add(IntakeFields.Category, "Error.Category.Required");
        }
        else if (catalog.Category(category) is null)
        {
            Add(IntakeFields.Category, "Error.Category.Unknown");
        }

        CheckText(request.Subject, IntakeFields.Subject, "Subject", SubjectMin, SubjectMax, Add);
        CheckText(request.Description, IntakeFields.Description, "Description", DescriptionMin, DescriptionMax, Add);

        if (!request.IsAnonymous)
        {
            // A complaint needs the person affected; a report that names its reporter needs the whole identity.
            CheckText(request.Name, IntakeFields.Name, "Name", NameMin, NameMax, Add);

            if (string.IsNullOrWhiteSpace(request.NationalCode))
            {
                Add(IntakeFields.NationalCode, "Error.NationalCode.Required");
            }
            else if (PersianText.NationalCodeDigits(request.NationalCode) is not { } digits)
            {
                Add(IntakeFields.NationalCode, "Error.NationalCode.Format");
            }
            else if (!PersianText.IsValidNationalCode(digits))
            {
                Add(IntakeFields.NationalCode, "Error.NationalCode.Checksum");
            }

            if (string.IsNullOrWhiteSpace(request.Mobile))
            {
                Add(IntakeFields.Mobile, "Error.Mobile.Required");
            }
            else if (PersianText.NormalizeMobile(request.Mobile) is null)
            {
                Add(IntakeFields.Mobile, "Error.Mobile.Format");
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>The stored values of a request that passed <see cref="Validate"/>.</summary>
    public static Normalized Normalize(IntakeRequest request)
    {
        var anonymous = request.IsAnonymous;
        return new Normalized(
            request.Kind!.Value,
            PersianText.Clean(request.AgencyCode),
            PersianText.Clean(request.CategoryCode),
            PersianText.Clean(request.Subject),
            PersianText.Clean(request.Description),
            anonymous ? null : PersianText.Clean(request.Name),
            anonymous ? null : PersianText.NationalCodeDigits(request.NationalCode),
            anonymous ? null : PersianText.NormalizeMobile(request.Mobile),
            anonymous);
    }

    private static void CheckText(string? value, string field, string name, int min, int max, Action<string, string> add)
    {
        var text = PersianText.Clean(value);
        if (text.Length == 0)
        {
            add(field, $"Error.{name}.Required");
            return;
        }

        var length = PersianText.Length(text);
        if (length < min)
        {
            add(field, $"Error.{name}.TooShort");
        }
        else if (text.Length > max)
        {
            add(field, $"Error.{name}.TooLong");
        }
    }
}
