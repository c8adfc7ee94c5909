using Bunit;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Audit;
using KashiInvest.Infrastructure.Persistence;
using KashiInvest.Web.Features.Approvals;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KashiInvest.Web.Tests.Approvals;

/// <summary>The working-day calendar page's use cases: a year's notice pasted as text, saved by the Bureau, edited, audited.</summary>
public sealed class CalendarUseCaseTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    // A made-up notice for a far year, so that no one mistakes it for real holiday data.
    private const string TestNotice = """
        # 测试通知（非真实数据）
        2031-01-01..2031-01-03 休
        2031-01-05 班
        2031-10-01..2031-10-07 off
        2031-10-11 work
        """;

    private ApprovalCommands Commands => new(database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>(), database.Clock,
        NullLogger<ApprovalCommands>.Instance);

    private CalendarQuery Query => new(database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>());

    [Fact]
    public void The_text_form_reads_days_and_ranges_and_writes_them_back_as_ranges()
    {
        var (days, errors) = CalendarImport.Parse(TestNotice);

        Assert.Empty(errors);
        Assert.Equal(12, days.Count);
        Assert.Equal(2, days.Count(d => d.Kind == CalendarDayKind.MakeUpWorkday));
        Assert.Equal("2031-01-01..2031-01-03 休\n2031-01-05 班\n2031-10-01..2031-10-07 休\n2031-10-11 班", CalendarImport.Format(days));
        Assert.Equal(CalendarImport.Format(HolidayNotices.Year2026.Days), CalendarImport.Format(CalendarImport.Parse(CalendarImport.Format(HolidayNotices.Year2026.Days)).Days));
    }

    [Theory]
    [InlineData("2031-13-01 休")]
    [InlineData("2031-01-01 放假")]
    [InlineData("2031-01-05..2031-01-01 休")]
    [InlineData("2031-01-01")]
    public void A_line_that_is_not_understood_is_named_with_its_number(string line)
    {
        var (_, errors) = CalendarImport.Parse("2031-10-01 休\n" + line);
        var error = Assert.Single(errors);
        Assert.Equal(("Days", "Calendar.ImportLineInvalid"), (error.Field, error.Violation.Code));
        Assert.Equal(2, error.Violation.Args[0]);
    }

    [Fact]
    public async Task The_Bureau_enters_a_year_then_edits_it_and_only_the_Bureau_and_the_administrator_may()
    {
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        var county = await database.ScopeOfAsync("shache");
        var days = CalendarImport.Parse(TestNotice).Days;

        Assert.Equal(WriteStatus.NotAllowed, (await Commands.SaveCalendarYearAsync(county, 2031, null, "测试通知", null, days)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.SaveCalendarYearAsync(bureau, 2031, null, "测试通知（非真实数据）", null, days)).Status);
        Assert.Equal(WriteStatus.Conflict, (await Commands.SaveCalendarYearAsync(bureau, 2031, null, "测试通知", null, days)).Status);

        var saved = (await Query.YearsAsync()).Single(y => y.Year == 2031);
        Assert.Equal((10, 2), (saved.Holidays, saved.MakeUpDays));
        var weekday = await Commands.SaveCalendarYearAsync(bureau, 2031, saved.Version, "测试通知", null, [.. days, new CalendarDayInput(new DateOnly(2031, 3, 4), CalendarDayKind.MakeUpWorkday)]);
        Assert.Equal("Calendar.MakeUpDayNotOnWeekend", Assert.Single(weekday.Errors!).Violation.Code);

        var edited = await Commands.SaveCalendarYearAsync(bureau, 2031, saved.Version, "测试通知（更正）", null, days.Where(d => d.Date != new DateOnly(2031, 10, 7)).ToList());
        Assert.Equal(WriteStatus.Saved, edited.Status);
        Assert.Equal(9, (await Query.YearsAsync()).Single(y => y.Year == 2031).Holidays);
        var audit = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(CalendarDay) && a.Action == AuditAction.Deleted && a.UserName == "bureau").ToListAsync());
        Assert.Contains(audit, a => a.Before!.Contains("2031-10-07"));
        Assert.Contains(await Query.YearsAsync(), y => y.Year == 2026 && y.SourceTitle.Contains("2026"));
    }
}

/// <summary>The /admin/calendar page (bUnit): the years as stored, the missing year named, a year opened as text.</summary>
public sealed class CalendarPageTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    [Fact]
    public async Task The_page_lists_the_seeded_years_names_the_missing_one_and_opens_a_year_as_text()
    {
        using var _ = new UiCulture("zh-CN");
        var bureau = await database.ScopeOfAsync("bureau", ActorRole.Bureau);
        await using var context = new Bunit.BunitContext();
        context.JSInterop.Mode = Bunit.JSRuntimeMode.Loose;
        database.AddApplicationServices(context.Services);
        ApprovalsFeature.AddApprovalsFeature(context.Services);
        context.Services.AddScoped<KashiInvest.Web.Security.IUserScopeProvider>(_ => new FixedScopeProvider(bureau));

        var root = context.Render(b => { b.OpenComponent<MudBlazor.MudPopoverProvider>(0); b.CloseComponent(); b.OpenComponent<CalendarPage>(1); b.CloseComponent(); });

        root.WaitForAssertion(() => Assert.Equal(["2026", "2025"], root.FindAll("[data-testid=calendar-year]").Select(r => r.GetAttribute("data-year"))),
            TimeSpan.FromSeconds(10));
        // The test clock is in November 2026: 2027 has no notice yet.
        Assert.Contains("2027 年无节假日数据，仅按周末计算", root.Find("[data-testid=calendar-missing]").TextContent);

        root.Find("[data-testid=calendar-year][data-year='2026']").Click();

        root.WaitForAssertion(() => Assert.Contains("2026-10-01..2026-10-07 休", Assert.Single(root.FindAll("textarea")).GetAttribute("value")));
        Assert.Contains("2026-02-28 班", root.Markup);
    }
}
