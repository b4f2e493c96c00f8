using Bunit;
using ComplaintConsole.Components.Shared;
using ComplaintConsole.Tests.Support;

namespace ComplaintConsole.Tests.Components;

public sealed class JalaliInstantTests : ComponentTestContext
{
    [Fact]
    public void Render_LongDeadline_ShowsWeekdayJalaliDateAndPersianDigits()
    {
        var due = TestCalendars.At(2026, 12, 6, 7, 30);

        var cut = Render<JalaliInstant>(p => p.Add(c => c.Value, due).Add(c => c.Long, true));

        Assert.Equal("یکشنبه ۱۵ آذر ۱۴۰۵، ساعت ۰۷:۳۰", cut.Find("time").TextContent);
    }
}
