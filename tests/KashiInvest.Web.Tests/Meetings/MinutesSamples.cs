using KashiInvest.Web.Features.Meetings.Minutes;
using KashiInvest.Web.Resources;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace KashiInvest.Web.Tests.Meetings;

internal static class MinutesSamples
{
    public static MeetingMinutes Dispatch() => new(
        "喀什地区招商引资重点项目调度会会议纪要",
        "项目调度会",
        new DateTime(2026, 11, 23, 10, 0, 0),
        new DateTime(2026, 11, 23, 11, 30, 0),
        "地区行署三楼第一会议室",
        "王明",
        "李娜",
        ["地区招商局", "喀什市人民政府", "疏附县人民政府", "地区自然资源局"],
        "王明、张强、刘洋、陈静、李娜",
        [
            new MinutesItem(1, "新能源电池材料项目用地报批", "KS-2026-001 新能源电池材料项目", "项目已完成土地预审。", "地区自然资源局说明了报批时限。", TimeSpan.FromMinutes(25)),
            new MinutesItem(2, "纺织服装产业园二期开工准备", "KS-2026-004 纺织服装产业园二期", null, "喀什市人民政府汇报了施工许可办理情况。", TimeSpan.FromMinutes(20)),
            new MinutesItem(3, "第四季度签约项目推进", null, "本季度新签约项目5个。", null, null),
        ],
        [
            new MinutesDecision(1, "地区自然资源局于12月上旬完成用地报批材料审核。"),
            new MinutesDecision(null, "各县市每半月报送一次重点项目进展。"),
        ],
        [
            new MinutesAction(1, "完成用地报批材料审核", "地区自然资源局", new DateOnly(2026, 12, 10), "KS-2026-001 新能源电池材料项目", "推进中", false),
            new MinutesAction(2, "办理施工许可", "喀什市人民政府", new DateOnly(2026, 12, 31), "KS-2026-004 纺织服装产业园二期", "推进中", false),
            new MinutesAction(3, "报送第四季度签约项目清单", "疏附县人民政府", new DateOnly(2026, 11, 30), null, "已完成", true),
        ],
        [
            new MinutesAction(1, "协调解决项目用电接入", "地区发展改革委", new DateOnly(2026, 11, 20), "KS-2026-002 农产品精深加工项目", "已完成", true),
        ],
        "第12期");

    public static MeetingMinutes Empty() => Dispatch() with
    {
        AttendingUnits = [], Items = [], Decisions = [], Actions = [], FollowUps = [], DocumentNumber = null,
    };

    public static IServiceProvider Services() =>
        new ServiceCollection().AddLogging().AddLocalization().AddSingleton<UiText>().BuildServiceProvider();

    public static IStringLocalizer<Strings> Localizer() => Services().GetRequiredService<IStringLocalizer<Strings>>();

    /// <summary>artifacts/minutes: the sample document and page, to open by hand.</summary>
    public static string Artifacts
    {
        get
        {
            var dir = Path.Combine(Repo.Root, "artifacts", "minutes");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }
}
