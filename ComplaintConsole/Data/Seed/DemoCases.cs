using ComplaintConsole.Calendar;
using ComplaintConsole.Domain;
using ComplaintConsole.Identity;
using ComplaintConsole.Intake;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;

namespace ComplaintConsole.Data.Seed;

/// <summary>
/// A month of demo complaints up to now, so that desks, the board and the manager list have something true to show.
/// Cases are built as intake builds them (deadline from the desk's calendar, tracking code, search key, Received event)
/// and moved through their lifecycle by the entity's own methods, at office-hour instants after receipt. Unanswered
/// cases past their deadline are left for the start-up overdue sweep to flag. Deterministic for a given "now".
/// </summary>
public sealed class DemoCases(
    IDbContextFactory<ComplaintsDbContext> dbFactory,
    CalendarStore calendars,
    TimeProvider clock,
    ILogger<DemoCases> logger)
{
    public const string IvrSource = "demo-ivr";
    private const int Days = 28;
    private const int BatchSize = 200;

    // A fixed seed keeps the demo world the same from run to run.
    private readonly Random _random = new(1405);

    /// <summary>Seeds a database without complaints; returns the number of cases added (0 when there were some).</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var now = Instant.FromUnixTimeMilliseconds(clock.GetUtcNow().ToUnixTimeMilliseconds());
        List<AgencyInfo> agencies;
        List<string> categories;
        Dictionary<int, string[]> operatorsByDesk;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Complaints.AnyAsync(cancellationToken))
            {
                return 0;
            }

            agencies = await db.Agencies.AsNoTracking().Where(a => a.Active).OrderBy(a => a.Id)
                .Select(a => new AgencyInfo(a.Id, a.Code, a.DeskId)).ToListAsync(cancellationToken);
            categories = await db.Categories.AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken);
            var operatorNames = DemoAccounts.Accounts.Where(a => a.Role == Roles.Operator).Select(a => a.UserName).ToArray();
            var members = await (
                from m in db.DeskMembers.AsNoTracking()
                join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                where operatorNames.Contains(u.UserName!)
                orderby u.UserName
                select new { m.DeskId, u.Id }).ToListAsync(cancellationToken);
            operatorsByDesk = members.GroupBy(m => m.DeskId).ToDictionary(g => g.Key, g => g.Select(m => m.Id).ToArray());
        }

        if (agencies.Count == 0 || categories.Count == 0)
        {
            return 0;
        }

        var complaints = new List<Complaint>();
        var arrivals = await ArrivalsAsync(agencies[0].DeskId, now, cancellationToken);
        for (var i = 0; i < arrivals.Count; i++)
        {
            // The first round gives every agency at least one case; then the busier agencies get more.
            var agency = i < agencies.Count ? agencies[i] : PickAgency(agencies);
            var calendar = await calendars.ForDeskAsync(agency.DeskId, cancellationToken);
            var operators = operatorsByDesk.GetValueOrDefault(agency.DeskId, []);
            var complaint = NewComplaint(agency, categories, calendar, operators, arrivals[i]);
            Live(complaint, calendar, operators, now);
            complaints.Add(complaint);
        }

        foreach (var batch in complaints.Chunk(BatchSize))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.Complaints.AddRange(batch);
            await db.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("Seeded {Count} demo complaints over the last {Days} days in {Elapsed} ms", complaints.Count, Days, stopwatch.ElapsedMilliseconds);
        return complaints.Count;
    }

    private sealed record AgencyInfo(int Id, string Code, int DeskId);

    /// <summary>Arrival instants over the last weeks, oldest first: round the clock, busiest in office hours and on Saturdays.</summary>
    private async Task<List<Instant>> ArrivalsAsync(int anyDeskId, Instant now, CancellationToken cancellationToken)
    {
        var calendar = await calendars.ForDeskAsync(anyDeskId, cancellationToken);
        var zone = calendar.Zone;
        var from = now - Duration.FromDays(Days);
        var arrivals = new List<Instant>();
        for (var date = from.InZone(zone).Date; date <= now.InZone(zone).Date; date = date.PlusDays(1))
        {
            var quiet = date.DayOfWeek == IsoDayOfWeek.Friday || calendar.IsHoliday(date);
            var perDay = quiet ? 7 : date.DayOfWeek switch
            {
                IsoDayOfWeek.Saturday => 27,
                IsoDayOfWeek.Thursday => 11,
                _ => 20,
            };
            perDay += _random.Next(-3, 4);
            var hours = quiet ? QuietHourWeights : WorkdayHourWeights;
            for (var i = 0; i < perDay; i++)
            {
                var time = new LocalTime(Pick(hours), _random.Next(60), _random.Next(60));
                var at = date.At(time).InZoneLeniently(zone).ToInstant() + Duration.FromMilliseconds(_random.Next(1000));
                if (at > from && at < now)
                {
                    arrivals.Add(at);
                }
            }
        }

        arrivals.Sort();
        return arrivals;
    }

    private static readonly int[] WorkdayHourWeights = [1, 1, 1, 1, 1, 1, 2, 5, 10, 12, 12, 11, 10, 9, 8, 6, 5, 5, 5, 4, 4, 3, 2, 2];
    private static readonly int[] QuietHourWeights = [1, 1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 3, 3, 2, 2];

    private Complaint NewComplaint(AgencyInfo agency, List<string> categories, WorkingCalendar calendar, string[] operators, Instant receivedAt)
    {
        var isReport = _random.NextDouble() < 0.15;
        var templates = isReport ? ReportTemplates : AgencyTemplates.GetValueOrDefault(agency.Code, GenericTemplates);
        var template = templates[_random.Next(templates.Length)];
        var category = categories.Contains(template.Category) ? template.Category : categories[0];
        var anonymous = isReport && _random.NextDouble() < 0.5;
        var name = anonymous ? null : PersonName();
        var description = template.Description + " " + Closings[_random.Next(Closings.Length)];

        // Operators take calls only on shift; a call outside office hours goes to the IVR.
        var channel = Pick([55, 30, 15]) switch { 0 => Channel.Web, 1 => Channel.Phone, _ => Channel.Api };
        if (channel == Channel.Phone && (operators.Length == 0 || !IsOpen(calendar, receivedAt)))
        {
            channel = Channel.Api;
        }

        var intake = channel switch
        {
            Channel.Phone => IntakeSource.Phone(operators[_random.Next(operators.Length)]),
            Channel.Api => IntakeSource.Api(IvrSource),
            _ => IntakeSource.Web("demo"),
        };

        var complaint = new Complaint
        {
            TrackingCode = TrackingCodes.NewCode(),
            Kind = isReport ? ComplaintKind.Report : ComplaintKind.Complaint,
            Channel = channel,
            ChannelSource = intake.Source,
            ComplainantName = name,
            NationalCode = anonymous ? null : NationalCode(),
            Mobile = anonymous ? null : Mobile(),
            TrackingSecretHash = anonymous ? TrackingSecrets.Hash(Secret()) : null,
            AgencyId = agency.Id,
            CategoryCode = category,
            Subject = template.Subject,
            Description = description,
            SearchKey = PersianText.SearchKey(template.Subject, description, name),
            ReceivedAt = receivedAt,
            DeskId = agency.DeskId,
            Status = ComplaintStatus.New,
        };
        complaint.ApplyDeadline(calendar.Compute(receivedAt));
        complaint.Append(
            ComplaintEventKind.Received,
            intake.Actor,
            receivedAt,
            data: new { channel = channel.ToString(), source = intake.Source, deskId = agency.DeskId, agency = agency.Code },
            isPublic: true);
        return complaint;
    }

    /// <summary>
    /// What the desk did with the case until now. Past the deadline most were answered (some late) and many closed;
    /// a share of those due at the last three openings are still unanswered (the sweep flags them). Not yet due: a live
    /// queue, some claimed, some already answered.
    /// </summary>
    private void Live(Complaint c, WorkingCalendar calendar, string[] operators, Instant now)
    {
        if (operators.Length == 0)
        {
            return;
        }

        var op = operators[_random.Next(operators.Length)];
        var level = calendar.EscalationLevel(c.ResponseDueAt, now);
        var roll = _random.NextDouble();
        if (level == 0)
        {
            if (roll < 0.5 || Within(calendar, c.ReceivedAt, now, 0.05, 0.6) is not { } claimedAt)
            {
                return;
            }

            c.Claim(op, claimedAt);
            if (roll < 0.78 || Within(calendar, claimedAt, now, 0.1, 0.9) is not { } answeredAt)
            {
                MaybeUnreachable(c, calendar, op, claimedAt, now);
                return;
            }

            Respond(c, op, answeredAt);
            return;
        }

        var unanswered = level switch { 1 => 0.7, 2 => 0.55, 3 => 0.45, _ => 0.0 };
        if (roll < unanswered)
        {
            if (_random.NextDouble() < 0.4 && Within(calendar, c.ReceivedAt, now, 0.05, 0.5) is { } claimedAt)
            {
                c.Claim(op, claimedAt);
                MaybeUnreachable(c, calendar, op, claimedAt, now);
            }

            return;
        }

        // About one answered case in ten misses its deadline; so does one that arrived a minute before closing.
        var late = Within(calendar, c.ResponseDueAt, Min(now, c.ResponseDueAt + Duration.FromDays(3)), 0.05, 0.9);
        var respondedAt = _random.NextDouble() < 0.1 ? late : Within(calendar, c.ReceivedAt, c.ResponseDueAt, 0.1, 0.95) ?? late;
        if (respondedAt is null)
        {
            return;
        }

        c.Claim(op, Within(calendar, c.ReceivedAt, respondedAt.Value, 0.05, 0.5) ?? respondedAt.Value);
        Respond(c, op, respondedAt.Value);

        var later = Min(now, respondedAt.Value + Duration.FromDays(10));
        var next = _random.NextDouble();
        var closeShare = level > 5 ? 0.75 : 0.45;
        if (next < closeShare && Within(calendar, respondedAt.Value, later, 0.05, 0.6) is { } closedAt)
        {
            c.Close(op, Outcomes[_random.Next(Outcomes.Length)], closedAt);
        }
        else if (next < closeShare + 0.2 && Within(calendar, respondedAt.Value, later, 0.02, 0.3) is { } referredAt)
        {
            c.ReferToAgency(op, Referrals[_random.Next(Referrals.Length)], referredAt);
            if (level > 5 && _random.NextDouble() < 0.5 && Within(calendar, referredAt, later, 0.2, 0.9) is { } settledAt)
            {
                c.AddNote(op, AgencyAnswers[_random.Next(AgencyAnswers.Length)], settledAt);
                c.Close(op, Outcomes[0], settledAt);
            }
        }
    }

    private void Respond(Complaint c, string op, Instant at)
    {
        var (method, summary) = Responses[_random.Next(Responses.Length)];
        c.RecordResponse(op, method, summary, at);
    }

    /// <summary>Some claimed, unanswered cases carry an operator's note of a call nobody picked up.</summary>
    private void MaybeUnreachable(Complaint c, WorkingCalendar calendar, string op, Instant claimedAt, Instant now)
    {
        if (_random.NextDouble() < 0.3 && Within(calendar, claimedAt, now, 0.1, 0.9) is { } at)
        {
            c.AddNote(op, "با شماره همراه شهروند تماس گرفته شد؛ پاسخ نداد. دوباره تماس گرفته می‌شود.", at);
        }
    }

    /// <summary>
    /// An office-hour instant between two instants, at a random share of the business time between them; null when
    /// there is less than a minute of it.
    /// </summary>
    private Instant? Within(WorkingCalendar calendar, Instant from, Instant to, double minShare, double maxShare)
    {
        var available = calendar.BusinessTimeBetween(from, to);
        if (available < Duration.FromMinutes(1))
        {
            return null;
        }

        var offset = Duration.FromMilliseconds((long)(available.TotalMilliseconds * (minShare + (_random.NextDouble() * (maxShare - minShare)))));
        for (var date = from.InZone(calendar.Zone).Date.PlusDays(-1); ; date = date.PlusDays(1))
        {
            foreach (var interval in calendar.OpenIntervals(date))
            {
                var start = interval.Start > from ? interval.Start : from;
                if (interval.End <= start)
                {
                    continue;
                }

                if (offset < interval.End - start)
                {
                    var at = start + offset;
                    return Instant.FromUnixTimeMilliseconds(Math.Max(at.ToUnixTimeMilliseconds(), from.ToUnixTimeMilliseconds() + 1));
                }

                offset -= interval.End - start;
            }
        }
    }

    private static bool IsOpen(WorkingCalendar calendar, Instant at) =>
        calendar.OpenIntervals(at.InZone(calendar.Zone).Date).Any(i => i.Contains(at));

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;

    private AgencyInfo PickAgency(List<AgencyInfo> agencies) =>
        agencies[Pick(agencies.Select(a => AgencyWeights.GetValueOrDefault(a.Code, 1)).ToArray())];

    private int Pick(int[] weights)
    {
        var roll = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private string PersonName()
    {
        var female = _random.Next(2) == 0;
        var first = female ? FemaleNames[_random.Next(FemaleNames.Length)] : MaleNames[_random.Next(MaleNames.Length)];
        return first + " " + FamilyNames[_random.Next(FamilyNames.Length)];
    }

    /// <summary>Ten digits whose last is the eleven-weighted check digit of the first nine.</summary>
    private string NationalCode()
    {
        while (true)
        {
            var digits = new char[10];
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                var d = _random.Next(10);
                digits[i] = (char)('0' + d);
                sum += d * (10 - i);
            }

            var remainder = sum % 11;
            digits[9] = (char)('0' + (remainder < 2 ? remainder : 11 - remainder));
            var code = new string(digits);
            if (PersianText.IsValidNationalCode(code))
            {
                return code;
            }
        }
    }

    private string Mobile() =>
        "+989" + MobilePrefixes[_random.Next(MobilePrefixes.Length)] + _random.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);

    private string Secret() =>
        new(Enumerable.Range(0, 12).Select(_ => TrackingCodes.Alphabet[_random.Next(TrackingCodes.Alphabet.Length)]).ToArray());

    private static readonly string[] MobilePrefixes = ["12", "13", "19", "35", "36", "37", "38", "39", "01", "02", "03", "90", "91", "21"];

    private static readonly Dictionary<string, int> AgencyWeights = new()
    {
        ["tehran-municipality"] = 4,
        ["tehran-metro"] = 2,
        ["tehran-water"] = 3,
        ["tehran-electricity"] = 3,
        ["tehran-gas"] = 2,
        ["social-security-tehran"] = 3,
        ["health-insurance-tehran"] = 2,
        ["tums"] = 2,
        ["tehran-tax"] = 2,
    };

    private sealed record Template(string Category, string Subject, string Description);

    private static readonly Dictionary<string, Template[]> AgencyTemplates = new()
    {
        ["tehran-governorate"] =
        [
            new("no-response", "عدم پاسخ به نامه ثبت‌شده در دبیرخانه استانداری", "حدود دو ماه پیش درباره مشکل آب‌گرفتگی کوچه محل سکونتمان نامه‌ای به دبیرخانه استانداری تحویل دادم و شماره نامه هم دارم، اما تا امروز هیچ پاسخی داده نشده و تماس‌هایم هم بی‌نتیجه مانده است."),
            new("delay", "تأخیر در رسیدگی به درخواست مجوز تجمع صنفی", "انجمن صنفی ما بیش از یک ماه است که درخواست مجوز برگزاری گردهمایی سالانه را ثبت کرده و هر بار گفته می‌شود پرونده در کمیسیون است، بدون آنکه زمانی اعلام شود."),
        ],
        ["tehran-municipality"] =
        [
            new("delay", "تأخیر در صدور پروانه ساختمانی", "پرونده پروانه ساختمانی ملک ما در شهرداری منطقه ۵ بیش از چهار ماه است که با وجود تکمیل مدارک و پرداخت عوارض در مرحله بررسی مانده و هر بار به بهانه‌ای تازه مدرک جدید خواسته می‌شود."),
            new("poor-service", "جمع‌آوری نشدن زباله در محله", "یک هفته است که زباله‌های کوچه ما در منطقه ۱۴ جمع‌آوری نمی‌شود و بوی نامطبوع و حشرات ساکنان را آزار می‌دهد. چند بار با ۱۳۷ تماس گرفتیم ولی اقدامی نشد."),
            new("illegal-fee", "مطالبه وجه اضافه برای صدور پایان کار", "کارمند واحد شهرسازی برای تسریع در صدور پایان کار مبلغی خارج از تعرفه و بدون رسید از من مطالبه کرد."),
        ],
        ["tehran-metro"] =
        [
            new("poor-service", "ازدحام شدید و تأخیر قطارهای خط ۱ مترو", "در ساعات اوج صبح فاصله حرکت قطارهای خط ۱ به بیش از ده دقیقه رسیده و ازدحام در ایستگاه‌های میدان امام خمینی و دروازه دولت خطرناک شده است."),
            new("poor-service", "خرابی پله برقی و آسانسور ایستگاه", "پله برقی و آسانسور ایستگاه مترو صادقیه چند هفته است خراب است و سالمندان و افراد دارای معلولیت نمی‌توانند از ایستگاه استفاده کنند."),
            new("misconduct", "برخورد نامناسب مأمور کنترل بلیت", "مأمور کنترل بلیت ایستگاه تجریش به دلیل خطای کارت‌خوان با من برخورد توهین‌آمیز کرد و اجازه خروج نداد."),
        ],
        ["tehran-roads"] =
        [
            new("delay", "تأخیر در تحویل واحد مسکن ملی", "با وجود پرداخت کامل آورده، تحویل واحد مسکن ملی پروژه پردیس بیش از یک سال از موعد قرارداد عقب افتاده و پاسخ روشنی درباره زمان تحویل داده نمی‌شود."),
            new("poor-service", "خرابی آسفالت و نبود روشنایی در جاده روستایی", "جاده دسترسی روستای ما در شهرستان دماوند پر از چاله است و روشنایی ندارد؛ در ماه گذشته دو تصادف در آن رخ داده است."),
        ],
        ["tehran-education"] =
        [
            new("illegal-fee", "دریافت شهریه اجباری در مدرسه دولتی", "مدرسه دولتی فرزندم در منطقه ۱۱ برای ثبت‌نام، پرداخت مبلغی با عنوان کمک به مدرسه را اجباری کرده و بدون آن پرونده را تحویل نمی‌گیرد."),
            new("delay", "صادر نشدن حکم انتقال معلم", "درخواست انتقال من به دلیل بیماری همسر با تأیید کمیسیون پزشکی ثبت شده اما سه ماه است حکم آن صادر نمی‌شود."),
        ],
        ["tehran-water"] =
        [
            new("no-response", "قطعی آب بدون اطلاع قبلی", "از دیشب آب محله ما در نارمک بدون هیچ اطلاع‌رسانی قطع شده و تماس با ۱۲۲ هم پاسخی نداشته است. سالمند بیمار در منزل داریم."),
            new("poor-service", "افت شدید فشار آب در طبقات بالا", "چند هفته است فشار آب شبکه در ساعات عصر به حدی پایین است که آب به طبقه سوم نمی‌رسد."),
            new("delay", "تأخیر در رفع نشت لوله اصلی", "لوله اصلی آب در خیابان ما ده روز است نشت دارد و آب در خیابان جاری است، با وجود چند بار گزارش هنوز تعمیر نشده است."),
        ],
        ["tehran-electricity"] =
        [
            new("poor-service", "اشتباه در قبض برق", "قبض برق این دوره منزل ما چند برابر دوره‌های قبل صادر شده در حالی که مصرف ما تغییری نکرده است؛ به نظر می‌رسد کنتور اشتباه خوانده شده است."),
            new("no-response", "خاموشی‌های مکرر بدون جدول اعلام‌شده", "در هفته گذشته برق محله ما چند بار خارج از جدول خاموشی اعلام‌شده قطع شد و وسایل برقی منزل آسیب دید."),
        ],
        ["tehran-gas"] =
        [
            new("delay", "تأخیر در نصب انشعاب گاز", "با وجود پرداخت هزینه انشعاب گاز برای ساختمان نوساز، سه ماه است که کنتور نصب نشده و هر بار به نوبت بعد موکول می‌شود."),
            new("poor-service", "قطع گاز بدون اطلاع در فصل سرما", "گاز ساختمان ما برای تعمیرات شبکه بدون اطلاع قبلی قطع شد و پس از دو روز هنوز وصل نشده است."),
        ],
        ["tehran-tax"] =
        [
            new("delay", "تأخیر در استرداد مالیات", "مبلغ اضافه پرداختی مالیات بر ارزش افزوده شرکت ما بیش از شش ماه است که با وجود تأیید ممیز مسترد نشده است."),
            new("misconduct", "برخورد نامناسب ممیز مالیاتی", "ممیز پرونده در جلسه رسیدگی با لحنی تحقیرآمیز صحبت کرد و اجازه ارائه مدارک را نداد."),
        ],
        ["tehran-civil-registration"] =
        [
            new("delay", "تأخیر در صدور شناسنامه نوزاد", "سه هفته از ثبت ولادت فرزندم گذشته اما شناسنامه هنوز صادر نشده و بدون آن نمی‌توانیم برای بیمه اقدام کنیم."),
            new("poor-service", "صف طولانی و نوبت‌دهی نامنظم", "در اداره ثبت احوال منطقه ۴ برای تعویض شناسنامه چهار ساعت در صف ماندم و سامانه نوبت‌دهی اینترنتی عملاً کار نمی‌کند."),
        ],
        ["tums"] =
        [
            new("misconduct", "رفتار نامناسب کادر درمان در بیمارستان", "در بخش اورژانس بیمارستان امام خمینی پدرم چند ساعت بدون ویزیت ماند و پرستار شیفت به اعتراض ما با بی‌احترامی پاسخ داد."),
            new("illegal-fee", "دریافت زیرمیزی برای نوبت جراحی", "پزشک معالج برای جلو انداختن نوبت جراحی مبلغی جدا از صورت‌حساب بیمارستان مطالبه کرد."),
        ],
        ["sbmu"] =
        [
            new("delay", "نوبت دیرهنگام تصویربرداری", "برای ام‌آر‌آی در بیمارستان دولتی نوبت سه ماه بعد داده شد در حالی که پزشک انجام فوری آن را لازم دانسته است."),
            new("poor-service", "کمبود دارو در داروخانه بیمارستان", "داروی شیمی‌درمانی مادرم یک ماه است در داروخانه بیمارستان موجود نیست و ناچاریم آن را با قیمت آزاد تهیه کنیم."),
        ],
        ["iums"] =
        [
            new("misconduct", "ترخیص بیمار بدون ارائه توضیح", "بیمار ما بدون توضیح پزشک و با وجود تب از بیمارستان ترخیص شد و روز بعد دوباره بستری شد."),
            new("illegal-fee", "دریافت هزینه خارج از تعرفه در درمانگاه", "درمانگاه تخصصی بیمارستان برای ویزیت مبلغی بیش از تعرفه مصوب دریافت کرد و رسید رسمی نداد."),
        ],
        ["social-security-tehran"] =
        [
            new("delay", "تأخیر در پرداخت مستمری بازنشستگی", "دو ماه از بازنشستگی من گذشته اما مستمری هنوز برقرار نشده و شعبه هر بار پرونده را ناقص اعلام می‌کند."),
            new("delay", "پرداخت نشدن غرامت دستمزد ایام بیماری", "مدارک غرامت دستمزد دوران بیماری را یک ماه پیش به شعبه ۱۲ تحویل دادم اما هنوز مبلغی واریز نشده است."),
            new("discrimination", "ثبت نشدن سوابق بیمه توسط کارفرما", "کارفرما بخشی از سوابق بیمه مرا ثبت نکرده و شعبه به شکایت من رسیدگی نمی‌کند."),
        ],
        ["health-insurance-tehran"] =
        [
            new("delay", "تأخیر در بازپرداخت هزینه درمان", "صورت‌حساب هزینه‌های بستری را چهار ماه پیش برای بازپرداخت تحویل دادم ولی هنوز هیچ مبلغی پرداخت نشده است."),
            new("poor-service", "نپذیرفتن دفترچه الکترونیک در داروخانه", "چند داروخانه طرف قرارداد به بهانه قطعی سامانه نسخه الکترونیک بیمه سلامت را نمی‌پذیرند."),
        ],
        ["moh"] =
        [
            new("no-response", "بی‌پاسخ ماندن شکایت از مرکز درمانی", "شکایتی درباره قصور پزشکی در سامانه وزارت بهداشت ثبت کردم اما پس از دو ماه هیچ پاسخی دریافت نکرده‌ام."),
            new("delay", "تأخیر در صدور پروانه مطب", "درخواست پروانه مطب من با مدارک کامل بیش از پنج ماه است که در معاونت درمان بررسی نشده است."),
        ],
        ["mcls"] =
        [
            new("delay", "تأخیر در رسیدگی هیئت تشخیص اداره کار", "شکایتم از کارفرما بابت حقوق معوقه شش ماه است ثبت شده اما هنوز جلسه هیئت تشخیص تشکیل نشده است."),
            new("discrimination", "حذف ناعادلانه از یارانه معیشتی", "خانواده ما بدون تغییر در وضعیت مالی از فهرست یارانه حذف شده و اعتراض ما در سامانه بی‌پاسخ مانده است."),
        ],
        ["mrud"] =
        [
            new("no-response", "بی‌پاسخ ماندن اعتراض به نتیجه قرعه‌کشی مسکن", "اعتراض من به حذف از فهرست متقاضیان طرح نهضت ملی مسکن در سامانه ثبت شده اما پس از سه ماه پاسخی داده نشده است."),
            new("delay", "تأخیر در صدور سند واحد مسکونی", "پنج سال از تحویل واحد مسکن مهر ما می‌گذرد و هنوز سند تفکیکی صادر نشده است."),
        ],
        ["mefa"] =
        [
            new("delay", "تأخیر در آزادسازی سهام عدالت", "درخواست انتقال سهام عدالت پدر مرحومم به وراث از چند ماه پیش ثبت شده و هنوز انجام نشده است."),
            new("no-response", "بی‌پاسخ ماندن درخواست در سامانه ستاد", "درخواست ثبت‌شده ما در سامانه تدارکات الکترونیکی دولت برای اصلاح اطلاعات شرکت ماه‌هاست بی‌پاسخ مانده است."),
        ],
        ["moe"] =
        [
            new("no-response", "بی‌پاسخ ماندن درخواست مجوز نیروگاه خورشیدی خانگی", "درخواست مجوز نصب پنل خورشیدی روی بام منزل را چهار ماه پیش ثبت کرده‌ام و هیچ پاسخی دریافت نکرده‌ام."),
            new("poor-service", "سهمیه‌بندی ناعادلانه آب کشاورزی", "سهمیه آب کشاورزی روستای ما امسال بدون اطلاع و به شکل ناعادلانه‌ای کاهش یافته است."),
        ],
        ["customs"] =
        [
            new("delay", "توقف طولانی کالا در گمرک", "محموله مواد اولیه کارخانه ما بیش از دو ماه است در گمرک شهید رجایی متوقف مانده و هزینه انبارداری روزبه‌روز بیشتر می‌شود."),
            new("illegal-fee", "مطالبه وجه برای تسریع ترخیص", "یکی از کارکنان برای تسریع در ترخیص کالا مبلغی خارج از تشریفات رسمی مطالبه کرد."),
        ],
        ["nocr"] =
        [
            new("delay", "تأخیر در صدور کارت ملی هوشمند", "بیش از یک سال از ثبت درخواست کارت ملی هوشمند من گذشته و هنوز کارت صادر نشده است."),
            new("poor-service", "خطا در ثبت اطلاعات سجلی", "تاریخ تولد من در سامانه ثبت احوال اشتباه ثبت شده و اصلاح آن ماه‌هاست بی‌نتیجه مانده است."),
        ],
    };

    private static readonly Template[] GenericTemplates =
    [
        new("delay", "تأخیر در رسیدگی به درخواست", "درخواست من با مدارک کامل چند ماه پیش ثبت شده اما هنوز نتیجه‌ای اعلام نشده و هر بار به زمان دیگری موکول می‌شود."),
        new("no-response", "عدم پاسخگویی به تماس‌ها و نامه‌ها", "چند بار با تلفن‌های اعلام‌شده تماس گرفتم و نامه هم نوشتم اما هیچ پاسخی دریافت نکرده‌ام."),
    ];

    private static readonly Template[] ReportTemplates =
    [
        new("corruption", "گزارش دریافت رشوه در واحد صدور مجوز", "یکی از کارکنان این دستگاه برای انجام کار ارباب‌رجوع به‌طور منظم وجه نقد دریافت می‌کند و پرونده کسانی که پرداخت نکنند را معطل نگه می‌دارد."),
        new("waste", "استفاده شخصی از خودروی دولتی", "خودروی دولتی این دستگاه در روزهای تعطیل برای کارهای شخصی و سفر خانوادگی یکی از مدیران استفاده می‌شود."),
        new("waste", "رها شدن تجهیزات نو در انبار", "تعداد زیادی تجهیزات خریداری‌شده نو ماه‌هاست در انبار رها شده و در معرض باران و خرابی قرار دارد."),
        new("illegal-fee", "دریافت وجه بدون رسید از مراجعان", "در باجه این اداره از مراجعان مبلغی با عنوان هزینه خدمات دریافت می‌شود که رسید رسمی ندارد."),
        new("corruption", "تبانی در مناقصه خرید", "شنیده‌ام که در مناقصه اخیر این دستگاه شرایط به گونه‌ای تنظیم شده که فقط یک شرکت آشنا برنده شود."),
    ];

    private static readonly string[] Closings =
    [
        "لطفاً پیگیری فرمایید.",
        "خواهشمندم دستور رسیدگی فوری صادر شود.",
        "از سامانه انتظار دارم موضوع را تا نتیجه پیگیری کند.",
        "شماره تماس من در پرونده موجود است.",
        "این چندمین بار است که این مشکل را گزارش می‌کنم.",
    ];

    private static readonly (string Method, string Summary)[] Responses =
    [
        ("phone-call", "با شهروند تماس گرفته شد، موضوع شکایت بررسی و روند پیگیری توضیح داده شد."),
        ("phone-call", "در تماس تلفنی جزئیات بیشتری از شهروند دریافت و به او اطلاع داده شد که موضوع از دستگاه پیگیری می‌شود."),
        ("sms", "پیامک ثبت و آغاز رسیدگی همراه با شماره پیگیری برای شهروند ارسال شد."),
        ("letter", "پاسخ مکتوب با شرح اقدامات انجام‌شده برای شهروند ارسال شد."),
        ("email", "پاسخ اولیه و فهرست مدارک لازم به نشانی شهروند فرستاده شد."),
    ];

    private static readonly string[] Referrals =
    [
        "ارجاع به واحد پاسخگویی دستگاه برای بررسی و اقدام",
        "ارجاع به مدیر مستقیم واحد مربوط با درخواست گزارش کتبی",
        "ارجاع به حراست دستگاه برای بررسی تخلف",
    ];

    private static readonly string[] AgencyAnswers =
    [
        "دستگاه اعلام کرد مشکل برطرف شده است؛ با شهروند تماس گرفته و تأیید شد.",
        "پاسخ کتبی دستگاه دریافت و به اطلاع شهروند رسید.",
    ];

    private static readonly string[] Outcomes =
    [
        "مشکل با پیگیری از دستگاه برطرف شد و شهروند رضایت داد.",
        "پاسخ دستگاه به شهروند اعلام شد.",
        "شکایت وارد نبود؛ توضیحات لازم به شهروند داده شد.",
        "موضوع خارج از صلاحیت بود؛ شهروند به مرجع صالح راهنمایی شد.",
        "تخلف احراز و پرونده برای رسیدگی به هیئت تخلفات اداری فرستاده شد.",
    ];

    private static readonly string[] MaleNames = ["محمد", "علی", "حسین", "رضا", "مهدی", "امیر", "سعید", "مجید", "حمید", "جواد", "مصطفی", "احمد", "کامران", "بهروز", "یوسف"];

    private static readonly string[] FemaleNames = ["فاطمه", "زهرا", "مریم", "سارا", "نرگس", "معصومه", "لیلا", "الهام", "سمیه", "شیرین", "مهسا", "طاهره", "پروین", "نازنین", "رقیه"];

    private static readonly string[] FamilyNames =
    [
        "محمدی", "حسینی", "احمدی", "رضایی", "کریمی", "موسوی", "جعفری", "صادقی", "رحیمی", "کاظمی", "نوری", "قاسمی", "هاشمی",
        "اکبری", "عباسی", "طاهری", "یزدانی", "شریفی", "فراهانی", "تهرانی", "خراسانی", "نجفی", "میرزایی", "سلطانی", "بهرامی",
    ];
}
