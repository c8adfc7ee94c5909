using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Charts;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace KashiInvest.Web.Tests.Projects;

public sealed class MilestoneTimelineTests
{
    private static readonly DateOnly Today = new(2026, 6, 1);

    private static UiText Text()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().AddSingleton<UiText>().BuildServiceProvider();
        return services.GetRequiredService<UiText>();
    }

    private static ProjectView View(params MilestoneView[] milestones) => new(
        1, "KS-2026-001", "测试项目", null, 1, 1, 1, null, new InvestorView(1, "某公司", null, InvestorTier.None, SourceRegionCode.PearlRiverDelta),
        10000m, 100, ProjectStage.Construction, CoordinationLevel.County, WorkGroupLevel.None, null, null, null, null, null, null, 0m, 0m,
        // Registered 2026-01-01 09:00 in Beijing.
        new DateTime(2026, 1, 1, 1, 0, 0, DateTimeKind.Utc), TestClock.Default.UtcNow, TestClock.Default.UtcNow, 1, milestones, [], CanEdit: false);

    [Fact]
    public void Each_milestone_is_the_stretch_from_the_previous_one_planned_and_actual_late_ones_red()
    {
        using var _ = new UiCulture("zh-CN");
        var rows = MilestoneTimeline.Rows(View(
            new MilestoneView(1, "签约", new DateOnly(2026, 1, 20), new DateOnly(2026, 1, 15), 0),
            new MilestoneView(2, "开工建设", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 11), 0),
            new MilestoneView(3, "主体完工", new DateOnly(2026, 5, 1), null, 31),
            new MilestoneView(4, "竣工投产", new DateOnly(2026, 9, 1), null, 0)), Today, Text());

        Assert.Equal(new PlannedActualRow("签约", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 20), new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 15), false), rows[0]);
        Assert.Equal(new PlannedActualRow("开工建设", new DateOnly(2026, 1, 20), new DateOnly(2026, 3, 1), new DateOnly(2026, 1, 15), new DateOnly(2026, 3, 11), true, "晚于计划 10 天完成"), rows[1]);
        // Open and past its plan: runs to today, red, with the overdue days.
        Assert.Equal(new PlannedActualRow("主体完工", new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1), new DateOnly(2026, 3, 11), null, true, "逾期 31 天"), rows[2]);
        // Not started (the one before is open): planned only.
        Assert.Equal(new PlannedActualRow("竣工投产", new DateOnly(2026, 5, 1), new DateOnly(2026, 9, 1), null, null, false), rows[3]);

        var spec = MilestoneTimeline.Spec(View(
            new MilestoneView(1, "签约", new DateOnly(2026, 1, 20), new DateOnly(2026, 1, 15), 0),
            new MilestoneView(3, "主体完工", new DateOnly(2026, 5, 1), null, 31)), Today, Text());
        var actual = Assert.IsType<RangeSeries>(spec.Series[1]);
        Assert.Equal("实际", actual.Name);
        Assert.Equal(new TimelineBar("主体完工", new DateOnly(2026, 1, 15), Today) { Color = ChartSpecs.LateColor, Meta = "逾期 31 天" }, actual.Bars[1]);
        Assert.Equal(new DateAnnotation(Today, "今天") { Color = ChartSpecs.LateColor }, Assert.Single(spec.Annotations));
    }
}
