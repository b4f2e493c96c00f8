using System.Globalization;
using System.Text;
using ComplaintConsole.Calendar;
using ComplaintConsole.Sla;
using NodaTime;
using NodaTime.Text;

namespace ComplaintConsole.Admin;

/// <summary>
/// The official holiday list's CSV (<c>gregorian_date,jalali_date,name_fa,name_en,kind,confidence</c>, as in
/// shared/data). Every row is checked before anything is imported: one bad row refuses the file, naming the line.
/// A confidence other than <c>official</c> (e.g. <c>computed</c> lunar dates) imports as tentative.
/// </summary>
public static class HolidayCsv
{
    public const int MaxBytes = 512 * 1024;

    private static readonly string[] Header = ["gregorian_date", "jalali_date", "name_fa", "name_en", "kind", "confidence"];

    public sealed record Result(IReadOnlyList<HolidayImportRow> Rows, BilingualMessage? Error);

    public static Result Parse(string text)
    {
        var lines = (text ?? "").TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var first = lines.FindIndex(l => l.Trim().Length > 0);
        if (first < 0)
        {
            return Fail("CsvEmpty");
        }

        var header = Split(lines[first]).Select(h => h.Trim().ToLowerInvariant()).ToArray();
        if (!header.SequenceEqual(Header))
        {
            return Fail("CsvHeader", string.Join(",", Header));
        }

        var rows = new List<HolidayImportRow>();
        for (var i = first + 1; i < lines.Count; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            var line = i + 1;
            var f = Split(lines[i]).Select(v => v.Trim()).ToArray();
            if (f.Length != Header.Length)
            {
                return Fail("CsvFieldCount", line, f.Length, Header.Length);
            }

            var parsed = LocalDatePattern.Iso.Parse(f[0]);
            if (!parsed.Success)
            {
                return Fail("CsvGregorianDate", line, f[0]);
            }

            if (!Jalali.TryParseDate(f[1], out var jalali) || jalali != parsed.Value)
            {
                return Fail("CsvJalaliDate", line, f[1], parsed.Value);
            }

            if (f[2].Length == 0)
            {
                return Fail("CsvName", line);
            }

            if (f[2].Length > CalendarChangeService.MaxNameLength || f[3].Length > CalendarChangeService.MaxNameLength)
            {
                return Fail("CsvNameLength", line, CalendarChangeService.MaxNameLength);
            }

            if (f[4] is not ("solar" or "lunar"))
            {
                return Fail("CsvKind", line, f[4]);
            }

            if (f[5] is not ("official" or "computed" or "tentative"))
            {
                return Fail("CsvConfidence", line, f[5]);
            }

            rows.Add(new HolidayImportRow(parsed.Value, f[2], f[3], Official: true, Tentative: f[5] != "official"));
        }

        return rows.Count == 0 ? Fail("CsvEmpty") : new Result(rows, null);
    }

    private static Result Fail(string key, params object[] args) => new([], BilingualMessage.Of(key, args));

    // Commas separate fields; a field in double quotes may hold commas and doubled quotes.
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
