using System.Globalization;
using System.Resources;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintConsole.Api;

/// <summary>
/// RFC 9457 problem details whose title is Persian first and whose <c>title_en</c> is English; <c>code</c> is stable
/// for machines. Messages live in ApiText.resx / ApiText.en.resx.
/// </summary>
public static class ApiProblems
{
    private static readonly ResourceManager Text = new("ComplaintConsole.Api.ApiText", typeof(ApiProblems).Assembly);
    private static readonly CultureInfo Persian = CultureInfo.GetCultureInfo("fa");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>"Persian / English" for one-line messages such as rate-limit bodies.</summary>
    public static string Bilingual(string key, params object[] args) => $"{Format(key, Persian, args)} / {Format(key, English, args)}";

    public static ProblemDetails Details(int status, string key, params object[] args)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Format(key, Persian, args),
            Type = $"https://complaintconsole.local/problems/{key}",
        };
        problem.Extensions["code"] = key;
        problem.Extensions["title_en"] = Format(key, English, args);
        return problem;
    }

    public static IResult Result(int status, string key, params object[] args) =>
        TypedResults.Problem(Details(status, key, args));

    /// <summary>A refusal whose texts a service already wrote in Persian and English (e.g. CalendarChangeException).</summary>
    public static IResult Refusal(int status, string code, string titleFa, string titleEn)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = titleFa,
            Type = $"https://complaintconsole.local/problems/{code}",
        };
        problem.Extensions["code"] = code;
        problem.Extensions["title_en"] = titleEn;
        return TypedResults.Problem(problem);
    }

    /// <summary>400 with the field errors, each message Persian and English.</summary>
    public static IResult Validation(IReadOnlyDictionary<string, string[]> errors)
    {
        var problem = new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = Format("validation-failed", Persian, []),
            Type = "https://complaintconsole.local/problems/validation-failed",
        };
        problem.Extensions["code"] = "validation-failed";
        problem.Extensions["title_en"] = Format("validation-failed", English, []);
        return TypedResults.Problem(problem);
    }

    private static string Format(string key, CultureInfo culture, object[] args)
    {
        var template = Text.GetString(key, culture) ?? key;
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }
}
