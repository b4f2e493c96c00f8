using ComplaintConsole.Admin;
using ComplaintConsole.Data.Seed;
using ComplaintConsole.Sla;
using ComplaintConsole.Tests.Sla;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static ComplaintConsole.Tests.Support.TestCalendars;

namespace ComplaintConsole.Tests.Admin;

/// <summary>The official holiday CSV: parsing refuses a bad file whole; importing skips what is there and retimes.</summary>
public sealed class HolidayImportTests
{
    private const string Header = "gregorian_date,jalali_date,name_fa,name_en,kind,confidence";

    [Fact]
    public void Parse_ShippedFile_ReadsEveryRowWithComputedDatesTentative()
    {
        var result = HolidayCsv.Parse(ShippedCsv());

        Assert.Null(result.Error);
        Assert.Equal(ComplaintConsole.Data.Seed.OfficialHolidays.Load().Count, result.Rows.Count);
        Assert.Contains(result.Rows, r => r.Date == new LocalDate(2027, 5, 17) && r.Tentative);
        Assert.Contains(result.Rows, r => r.Date == new LocalDate(2026, 12, 23) && !r.Tentative && r.NameFa == "ولادت امام علی (روز پدر)");
    }

    [Theory]
    [InlineData("2026-12-32,1405/10/11,روز,Day,solar,official", "سطر ۳: تاریخ میلادی «2026-12-32» معتبر نیست", "Line 3: the Gregorian date '2026-12-32' is not valid")]
    [InlineData("2026-12-23,1405/10/03,ولادت امام علی,Imam Ali,lunar,official", "سطر ۳: تاریخ شمسی «1405/10/03» با تاریخ میلادی همان سطر (۱۴۰۵/۱۰/۰۲) نمی‌خواند", "Line 3: the Jalali date '1405/10/03' does not match")]
    [InlineData("2026-12-23,1405/10/02,,Imam Ali,lunar,official", "سطر ۳: نام فارسی مناسبت خالی است", "Line 3: the Persian name is empty")]
    [InlineData("2026-12-23,1405/10/02,ولادت امام علی,Imam Ali,lunar", "سطر ۳: ۵ ستون دارد، ۶ ستون لازم است", "Line 3: has 5 fields, 6 expected")]
    [InlineData("2026-12-23,1405/10/02,ولادت امام علی,Imam Ali,moon,official", "سطر ۳: نوع «moon» باید solar یا lunar باشد", "Line 3: kind 'moon' must be solar or lunar")]
    public void Parse_BadRow_RefusesTheWholeFileNamingTheLine(string bad, string fa, string en)
    {
        var csv = $"{Header}\n2026-12-06,1405/09/15,تعطیلی آزمایشی,Test,solar,official\n{bad}\n";

        var result = HolidayCsv.Parse(csv);

        Assert.Empty(result.Rows);
        Assert.StartsWith(fa, result.Error!.Fa, StringComparison.Ordinal);
        Assert.StartsWith(en, result.Error.En, StringComparison.Ordinal);
        Assert.EndsWith("هیچ تعطیلی‌ای وارد نشد.", result.Error.Fa, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongHeader_SaysWhichColumns()
    {
        var result = HolidayCsv.Parse("date,name\n2026-12-06,x\n");

        Assert.Contains(Header, result.Error!.Fa, StringComparison.Ordinal);
        Assert.Contains("The first line must be the columns", result.Error.En, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportHolidaysAsync_ShippedFileAgainPlusNewDay_AddsOnlyTheNewDayAndRetimes()
    {
        await using var host = SlaHost.Start();
        var id = (await host.AddCasesAsync(At(2026, 12, 5, 10, 0)))[0];
        var rows = HolidayCsv.Parse(ShippedCsv() + "2026-12-06,1405/09/15,تعطیلی اضطراری,Emergency holiday,solar,official\n").Rows;
        var service = host.Get<CalendarChangeService>();

        var preview = await service.PreviewImportHolidaysAsync(DemoData.HeadquartersCalendar, rows);
        var result = await service.ImportHolidaysAsync(DemoData.HeadquartersCalendar, rows, "admin");

        Assert.Equal((1, rows.Count - 1, 1), (preview.Added, preview.Skipped, preview.Retime.WouldMove));
        Assert.Equal((1, rows.Count - 1, 1), (result.Added, result.Skipped, result.Change.Retime.Moved));
        Assert.Equal(At(2026, 12, 7, 7, 30), (await host.CaseAsync(id)).ResponseDueAt);
        var calendarId = await host.CalendarIdAsync();
        await using var db = await host.DbAsync();
        Assert.Equal(1, await db.Holidays.CountAsync(h => h.Date == new LocalDate(2026, 12, 6) && h.CalendarId == calendarId));
    }

    private static string ShippedCsv()
    {
        using var stream = typeof(DemoData).Assembly.GetManifestResourceStream("ComplaintConsole.Data.Seed.iran-official-holidays-1405-1406.csv")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
