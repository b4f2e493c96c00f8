using ComplaintConsole.Calendar;
using ComplaintConsole.Board;
using ComplaintConsole.Domain;
using ComplaintConsole.Sla;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace ComplaintConsole.Management;

/// <summary>CSV downloads for inspection managers: the filtered case list and the daily summaries.</summary>
public static class ExportEndpoints
{
    private static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Tehran"];

    public static IEndpointRouteBuilder MapManagementExports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/manage/export").RequireAuthorization(p => p.RequireRole(Roles.InspectionManager));
        group.MapGet("/cases.csv", CasesAsync);
        group.MapGet("/daily-summaries.csv", SummariesAsync);
        return app;
    }

    public static string CasesUrl(CaseFilter f)
    {
        var query = new Dictionary<string, string?>
        {
            ["agency"] = f.AgencyId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["layer"] = f.Layer?.ToString(),
            ["desk"] = f.DeskId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["level"] = f.MinLevel?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["age"] = f.MinAgeDays?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["operator"] = f.OperatorId,
            ["q"] = f.Search,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
            "/manage/export/cases.csv", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    private static async Task<IResult> CasesAsync(
        ManagementService service,
        IStringLocalizer<ManageText> t,
        [FromQuery] int? agency,
        [FromQuery] Layer? layer,
        [FromQuery] int? desk,
        [FromQuery] int? level,
        [FromQuery] int? age,
        [FromQuery(Name = "operator")] string? operatorId,
        [FromQuery] string? q,
        CancellationToken cancellationToken)
    {
        var filter = new CaseFilter { AgencyId = agency, Layer = layer, DeskId = desk, MinLevel = level, MinAgeDays = age, OperatorId = operatorId, Search = q };
        var rows = await service.ExportAsync(filter, cancellationToken);
        var bytes = Csv.Write(
            [t["Csv_TrackingCode"], t["Csv_Subject"], t["Csv_Agency"], t["Csv_Layer"], t["Csv_Desk"], t["Csv_Operator"], t["Csv_Status"], t["Csv_Received"], t["Csv_Due"], t["Csv_Level"]],
            rows.Select(r => new[]
            {
                r.TrackingCode, r.Subject, r.AgencyName, t[$"Layer_{r.Layer}"], r.DeskName, r.OperatorName ?? t["Unassigned"], t[$"Status_{r.Status}"],
                Jalali.FormatDateTime(r.ReceivedAt, Zone), Jalali.FormatDateTime(r.ResponseDueAt, Zone), Jalali.ToPersianDigits(r.OverdueLevel),
            }));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", FileName("cases"));
    }

    private static async Task<IResult> SummariesAsync(
        DailySummaryService summaries,
        TimeProvider time,
        IStringLocalizer<ManageText> t,
        [FromQuery] string? from,
        [FromQuery] string? to,
        CancellationToken cancellationToken)
    {
        var today = Instant.FromDateTimeOffset(time.GetUtcNow()).InZone(Zone).Date;
        var start = today.PlusDays(-30);
        var end = today;
        if ((from is not null && !Jalali.TryParseDate(from, out start)) || (to is not null && !Jalali.TryParseDate(to, out end)))
        {
            return TypedResults.Problem(t["BadDate"], statusCode: StatusCodes.Status400BadRequest);
        }

        if (end < start || Period.Between(start, end, PeriodUnits.Days).Days > 93)
        {
            return TypedResults.Problem(t["RangeTooLong"], statusCode: StatusCodes.Status400BadRequest);
        }

        var rows = await summaries.ListAsync(start, end, cancellationToken);
        var bytes = Csv.Write(
            [t["Csv_Date"], t["Csv_Desk"], t["Csv_ReceivedCount"], t["Csv_Answered"], t["Csv_AtRisk"], t["Csv_Overdue"],
             t["Csv_Level1"], t["Csv_Level2"], t["Csv_Level3"], t["Csv_TakenAt"]],
            rows.OrderBy(r => r.Date).ThenBy(r => r.DeskId).Select(r => new[]
            {
                Jalali.FormatDate(r.Date), BoardFormat.Name(r.DeskNameFa, r.DeskNameEn), Jalali.ToPersianDigits(r.Received),
                Jalali.ToPersianDigits(r.Answered), Jalali.ToPersianDigits(r.AtRisk), Jalali.ToPersianDigits(r.Overdue),
                Jalali.ToPersianDigits(r.AtLevel(1)), Jalali.ToPersianDigits(r.AtLevel(2)), Jalali.ToPersianDigits(r.AtLevel(3, andAbove: true)),
                Jalali.FormatDateTime(r.TakenAt, Zone),
            }));
        return TypedResults.File(bytes, "text/csv; charset=utf-8", FileName("daily-summaries"));
    }

    private static string FileName(string what) => $"{what}.csv";
}
