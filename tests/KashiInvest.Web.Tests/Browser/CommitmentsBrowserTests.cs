using KashiInvest.Domain.Access;
using KashiInvest.Domain.Alerts;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Reports;
using KashiInvest.Web.Features.Reports;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KashiInvest.Web.Tests.Browser;

/// <summary>
/// Policy commitments on screen, on the alerts' own application and <see cref="ManualClock"/> (2 December 2026, noon in
/// Beijing): the Bureau records a commitment from the battle map's card, a chain lead's report brings the funds in place
/// over its condition and it turns due on the open battle map and board without a reload, the clock passes its time
/// limit and the board shows it overdue and the alert is raised, then it is stepped, paid and honoured through the dialogs.
/// </summary>
public sealed class CommitmentsBrowserTests(AlertsBrowserFixture fixture) : IClassFixture<AlertsBrowserFixture>
{
    private static readonly LocatorAssertionsToHaveAttributeOptions Live = new() { Timeout = 15_000 };
    private static readonly (int Width, int Height)[] Sizes = [(1920, 1080), (1366, 768)];

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Repo.Screenshots, $"commitments-{name}.png") });

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static ILocator Dialog(IPage page) => page.Locator(".mud-dialog").Last;

    [Fact]
    public async Task A_commitment_turns_due_live_when_a_report_brings_funds_over_its_condition_then_overdue_on_the_clock_then_paid_and_honoured()
    {
        // A project under construction and the department that will owe the commitment.
        var project = await fixture.App.QueryAsync(db => db.Projects.AsNoTracking().Where(p => p.Stage == ProjectStage.Construction)
            .OrderBy(p => p.Id).Select(p => new { p.Id, p.ChainId, p.FundsInPlaceWan, p.ResponsibleLeader }).FirstAsync());
        var department = await fixture.App.QueryAsync(db => db.Units.AsNoTracking().Where(u => u.Code == "dept-industry").Select(u => new { u.Id, u.Name }).SingleAsync());
        var threshold = decimal.Truncate(project.FundsInPlaceWan) + 50m;
        var document = $"喀地政发〔2026〕{Random.Shared.Next(100, 999)}号";

        // 1. The Bureau records it from the battle map's card: subsidy of 120万元, funds in place ≥ threshold, 1 natural day.
        var map = await fixture.SignedInPageAsync("bureau");
        await map.SetViewportSizeAsync(1920, 1080);
        await map.GotoInteractiveAsync($"/projects/{project.Id}/battlemap");
        var card = map.Locator("[data-testid=bm-commitments]");
        await card.Locator("[data-testid=bm-commitment-record]").ClickAsync();
        var form = Dialog(map);
        await form.Locator("[data-testid=commitment-responsible]").ClickAsync();
        await map.Locator(".mud-popover-open .mud-list-item", new() { HasText = department.Name }).First.ClickAsync();
        await FormInput.FillCountedAsync(map, "commitment-document", document);
        await FormInput.FillCountedAsync(map, "commitment-promise", "设备购置补贴，按协议第五条一次性兑付");
        await FormInput.FillCountedAsync(map, "commitment-evidence", "设备购置发票、到位资金凭证");
        await FormInput.Field(map, "commitment-amount").FillAsync("120");
        await FormInput.Field(map, "commitment-time-limit").FillAsync("1");
        await form.Locator("[data-testid=commitment-time-unit]").ClickAsync();
        await map.Locator(".mud-popover-open .mud-list-item", new() { HasText = "自然日" }).First.ClickAsync();
        await FormInput.Field(map, "condition-threshold").FillAsync(threshold.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await FormInput.Field(map, "condition-threshold").PressAsync("Tab");
        await ShotAsync(map, "record-dialog-zh-1920x1080");
        await form.Locator("[data-testid=commitment-submit]").ClickAsync();
        await Expect(map.Locator(".mud-dialog")).ToHaveCountAsync(0);
        var id = await fixture.App.QueryAsync(db => db.Commitments.Where(c => c.DocumentNumber == document).Select(c => c.Id).SingleAsync());
        var onCard = card.Locator($"[data-testid=bm-commitment][data-commitment-id='{id}']");
        await Expect(onCard).ToHaveAttributeAsync("data-status", nameof(CommitmentStatus.NotYetDue));

        // 2. The board is open too; neither page reloads from here on.
        var board = await fixture.SignedInPageAsync("bureau");
        await board.SetViewportSizeAsync(1920, 1080);
        await board.GotoInteractiveAsync("/commitments");
        var row = board.Locator($"[data-testid=commitment-row][data-commitment-id='{id}']");
        await Expect(row).ToHaveAttributeAsync("data-status", nameof(CommitmentStatus.NotYetDue));
        await map.EvaluateAsync("() => { window.__noReload = 1; }");
        await board.EvaluateAsync("() => { window.__noReload = 1; }");

        // 3. The chain lead files a report bringing the funds in place over the threshold: due, live, on both pages.
        var filed = await FileReportAsChainLeadAsync(project.Id, project.ChainId, 100m);
        Assert.True(filed.Status == WriteStatus.Saved, $"{filed.Status}: {string.Join(", ", (filed.Errors ?? []).Select(e => e.Violation.Code))}");
        await Expect(onCard).ToHaveAttributeAsync("data-status", nameof(CommitmentStatus.Due), Live);
        await Expect(row).ToHaveAttributeAsync("data-status", nameof(CommitmentStatus.Due), Live);
        await Expect(row).ToHaveAttributeAsync("data-overdue", "no");
        await ShotAsync(map, "card-due-zh-1920x1080");
        var dueOn = await fixture.App.QueryAsync(db => db.Commitments.Where(c => c.Id == id).Select(c => c.DueOn).SingleAsync());
        Assert.NotNull(dueOn);

        // 4. The project's responsible leader changes: the history shows it beside the unchanged due date and status.
        await ChangeResponsibleLeaderAsync(project.Id, "新任责任领导");

        // 5. The injected clock passes the time limit (00:30 Beijing the day after the due day): overdue on the board, and the scan alerts.
        var after = new DateTimeOffset(dueOn.Value.AddDays(1).ToDateTime(new TimeOnly(0, 30)), TimeSpan.FromHours(8));
        fixture.Clock.Advance(after - fixture.Clock.GetUtcNow());
        await Expect(row).ToHaveAttributeAsync("data-overdue", "yes", Live);
        await Expect(row.Locator("[data-testid=commitment-overdue]")).ToBeVisibleAsync();
        // The Bureau may turn an overdue commitment into an integrity case: the link opens the case form on it.
        await Expect(row.Locator("[data-testid=commitment-open-case]")).ToHaveAttributeAsync("href", $"/integrity?commitment={id}");
        Assert.Equal(1, await board.EvaluateAsync<int?>("() => window.__noReload"));
        Assert.Equal(1, await map.EvaluateAsync<int?>("() => window.__noReload"));
        await ShotAsync(board, "board-overdue-zh-1920x1080");
        await fixture.RunScanAsync();
        var subject = CommitmentAlertRules.SubjectOf(id);
        Assert.True(await fixture.App.QueryAsync(db => db.Alerts.AnyAsync(a => a.Kind == AlertKind.CommitmentOverdue && a.Subject == subject && a.ClearedAtUtc == null)));
        await map.Context.CloseAsync();
        await board.Context.CloseAsync();

        var bureau = await fixture.SignedInPageAsync("bureau");
        await bureau.SetViewportSizeAsync(1920, 1080);
        await bureau.GotoInteractiveAsync("/alerts?type=CommitmentOverdue");
        await Expect(bureau.Locator("[data-testid=alert-row][data-kind=CommitmentOverdue]", new() { HasText = document })).ToBeVisibleAsync();
        await ShotAsync(bureau, "alert-zh-1920x1080");

        // 6. Through the dialogs: receive the application, review, approve, pay in full, confirm honoured.
        await bureau.GotoInteractiveAsync("/commitments");
        var overdueRow = bureau.Locator($"[data-testid=commitment-row][data-commitment-id='{id}']");
        await Expect(overdueRow).ToHaveAttributeAsync("data-overdue", "yes");
        await overdueRow.Locator("[data-testid=commitment-open]").ClickAsync();
        var detail = bureau.Locator("[data-testid=commitment-detail]");
        await Expect(detail).ToHaveAttributeAsync("data-overdue", "yes");
        var leaderLine = detail.Locator("[data-testid=commitment-history-line][data-action=LeaderChanged]");
        await Expect(leaderLine).ToContainTextAsync("新任责任领导");
        await Expect(leaderLine.Locator("[data-testid=history-due-unchanged]")).ToContainTextAsync(UiDate(dueOn.Value));
        await Expect(leaderLine.Locator("[data-testid=history-status-unchanged]")).ToContainTextAsync("待兑现");
        await ShotAsync(bureau, "detail-overdue-zh-1920x1080");

        foreach (var (step, status) in new[]
        {
            (CommitmentStep.ReceiveApplication, CommitmentStatus.ApplicationReceived),
            (CommitmentStep.StartReview, CommitmentStatus.UnderReview),
            (CommitmentStep.Approve, CommitmentStatus.Approved),
        })
        {
            await detail.Locator($"[data-testid=commitment-step][data-step={step}]").ClickAsync();
            await FormInput.FillCountedAsync(bureau, "commitment-action-note", $"浏览器测试：{step}");
            if (step == CommitmentStep.ReceiveApplication) await ShotAsync(bureau, "step-dialog-zh-1920x1080");
            await bureau.Locator("[data-testid=commitment-action-submit]").ClickAsync();
            await Expect(detail).ToHaveAttributeAsync("data-status", status.ToString(), Live);
        }

        // A payment above what is left is refused next to its field, and what was typed stays.
        await detail.Locator("[data-testid=commitment-payment-add]").ClickAsync();
        await FormInput.Field(bureau, "payment-amount").FillAsync("130");
        await FormInput.Field(bureau, "payment-amount").PressAsync("Tab");
        await bureau.Locator("[data-testid=commitment-action-submit]").ClickAsync();
        var amountControl = bureau.Locator(".mud-input-control", new() { Has = FormInput.Field(bureau, "payment-amount") });
        await Expect(amountControl).ToContainTextAsync("120");
        await Expect(FormInput.Field(bureau, "payment-amount")).ToHaveValueAsync("130");
        await ShotAsync(bureau, "payment-dialog-zh-1920x1080");
        await FormInput.Field(bureau, "payment-amount").FillAsync("120");
        await FormInput.Field(bureau, "payment-amount").PressAsync("Tab");
        await bureau.Locator("[data-testid=commitment-action-submit]").ClickAsync();
        await Expect(detail).ToHaveAttributeAsync("data-status", nameof(CommitmentStatus.Delivered), Live);
        await Expect(detail.Locator("[data-testid=commitment-payment]")).ToHaveCountAsync(1);

        await detail.Locator($"[data-testid=commitment-step][data-step={CommitmentStep.ConfirmHonoured}]").ClickAsync();
        await bureau.Locator("[data-testid=commitment-action-submit]").ClickAsync();
        await Expect(detail).ToHaveAttributeAsync("data-status", nameof(CommitmentStatus.Honoured), Live);
        await Expect(detail.Locator("[data-testid=commitment-history-line][data-action=PaymentRecorded]")).ToContainTextAsync("审核通过 → 已全部兑付");
        await Expect(detail.Locator("[data-testid=commitment-history-line][data-action=Honoured]")).ToHaveCountAsync(1);
        await ShotAsync(bureau, "detail-honoured-zh-1920x1080");
        await bureau.Locator("[data-testid=commitment-detail-close]").ClickAsync();
        await Expect(overdueRow).ToHaveAttributeAsync("data-status", nameof(CommitmentStatus.Honoured), Live);

        var (stored, paid, history) = await fixture.App.QueryAsync(async db =>
        {
            var c = await db.Commitments.AsNoTracking().Include(x => x.Payments).Include(x => x.History).SingleAsync(x => x.Id == id);
            return (c.Status, c.PaidWan, c.History.Select(h => h.Action).ToList());
        });
        Assert.Equal((CommitmentStatus.Honoured, 120m), (stored, paid));
        Assert.Equal(
            [CommitmentAction.Recorded, CommitmentAction.ConditionMet, CommitmentAction.BecameDue, CommitmentAction.ApplicationReceived, CommitmentAction.ReviewStarted,
                CommitmentAction.Approved, CommitmentAction.PaymentRecorded, CommitmentAction.Honoured],
            history);
        await bureau.Context.CloseAsync();

        // 7. The board, the card and the dialogs in Chinese and English, on a wide and a laptop screen.
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var language = culture == "en" ? "en" : "zh";
            var page = await fixture.SignedInPageAsync("bureau", culture);
            try
            {
                foreach (var (width, height) in Sizes)
                {
                    var size = $"{width}x{height}";
                    await page.SetViewportSizeAsync(width, height);
                    await page.GotoInteractiveAsync("/commitments");
                    await Expect(page.Locator("[data-testid=commitments-list]")).ToBeVisibleAsync();
                    var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    Assert.True(overflow <= 0, $"/commitments ({culture}, {size}) spills {overflow}px sideways");
                    await ShotAsync(page, $"board-{language}-{size}");
                    await page.Locator($"[data-testid=commitment-row][data-commitment-id='{id}'] [data-testid=commitment-open]").ClickAsync();
                    await Expect(page.Locator("[data-testid=commitment-history-line]").First).ToBeVisibleAsync();
                    await ShotAsync(page, $"detail-{language}-{size}");
                    await page.Locator("[data-testid=commitment-detail-close]").ClickAsync();
                    await page.Locator("[data-testid=commitment-record]").ClickAsync();
                    await Expect(page.Locator("[data-testid=commitment-submit]")).ToBeVisibleAsync();
                    await ShotAsync(page, $"record-dialog-{language}-{size}");
                    await page.Locator("[data-testid=commitment-cancel]").ClickAsync();

                    await page.GotoInteractiveAsync($"/projects/{project.Id}/battlemap");
                    var commitments = page.Locator("[data-testid=bm-commitments]");
                    await Expect(commitments.Locator($"[data-testid=bm-commitment][data-commitment-id='{id}']")).ToBeVisibleAsync();
                    await commitments.ScrollIntoViewIfNeededAsync();
                    await ShotAsync(page, $"card-{language}-{size}");
                }
            }
            finally
            {
                await page.Context.CloseAsync();
            }
        }
    }

    private static string UiDate(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Files a progress update for this period as the project's chain lead, with <paramref name="fundsWan"/> of funds in place.</summary>
    private async Task<WriteResult> FileReportAsChainLeadAsync(int projectId, int chainId, decimal fundsWan)
    {
        var period = HalfMonthPeriod.Containing(BeijingTime.Today(fixture.Clock));
        var (scope, revision) = await fixture.App.QueryAsync(async db =>
        {
            var chain = await db.Chains.SingleAsync(c => c.Id == chainId);
            var unit = await db.Units.SingleAsync(u => u.Id == chain.LeadUnitId);
            var chains = await db.Chains.Where(c => c.LeadUnitId == unit.Id).Select(c => c.Id).ToListAsync();
            var current = await db.ProgressReports.Where(r => r.ProjectId == projectId && r.PeriodIndex == period.Index
                && r.Kind == ReportKind.Update && r.IsCurrent).Select(r => (int?)r.Revision).FirstOrDefaultAsync();
            return (new UserScope($"chain-{chain.Code}", unit.Name, ActorRole.ChainLead, unit.Id, chains, []), current ?? 0);
        });
        return await fixture.App.Services.GetRequiredService<SubmitReportCommand>().ExecuteAsync(scope, new SubmitReport(projectId, period.Index,
            ReportKind.Update, revision, new ReportInput("浏览器测试：设备款到位，承诺条件满足。", null, fundsWan, 0m, []), []));
    }

    /// <summary>Changes the project's responsible leader through the domain (as the project form does), audited like any edit.</summary>
    private async Task ChangeResponsibleLeaderAsync(int projectId, string leader)
    {
        var thresholds = fixture.App.Services.GetRequiredService<WorkGroupThresholds>();
        await fixture.App.QueryAsync(async db =>
        {
            var now = fixture.Clock.GetUtcNow().UtcDateTime;
            var p = await db.Projects.Include(x => x.Milestones).SingleAsync(x => x.Id == projectId);
            var milestones = p.Milestones.OrderBy(m => m.Order).Select(m => new MilestoneInput(m.Id, m.Name, m.PlannedOn, m.ReachedOn)).ToList();
            db.Actor = new Actor("bureau", null);
            p.Update(new ProjectDetails(p.Name, p.Description, p.HostUnitId, p.ChainId, p.ChainLinkId, p.InvestorId, p.PlannedInvestmentWan,
                p.ExpectedJobs, p.PlannedStartOn, p.PlannedCompletionOn, leader, p.LeaderInCharge, milestones), thresholds, now);
            return await db.SaveChangesAsync();
        });
    }
}
