using KashiInvest.Domain.Access;
using KashiInvest.Domain.Bulletins;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Meetings;
using KashiInvest.Domain.Statistics;

namespace KashiInvest.Domain.Tests.Common;

/// <summary>The probes of the quarterly bulletin: the Bureau's title and narrative, a leader's comment, the named units' action items.</summary>
public partial class FreeTextLimitsTests
{
    private static StatQuarter BulletinQuarter => new(2026, 3);
    private static DateTime BulletinNow => new(2026, 10, 10, 2, 0, 0, DateTimeKind.Utc);
    private static UserScope BulletinBureau => new("bureau", "bureau", ActorRole.Bureau, 1, [], []);
    private static UserScope BulletinLeader => new("leader", "leader", ActorRole.Leader, 2, [], []);

    private static BulletinSnapshot EmptySnapshot() => new(BulletinQuarter.Index, BulletinNow,
        new BulletinHeadline(0m, 0m, Growth.NoComparison, 0m, Growth.NoComparison, 0, 0m, 0, 0m, Growth.NoComparison, 0, 0), [], [], [], []);

    private static Bulletin BulletinDraft(string title = "2026年第三季度全地区招商引资工作通报") =>
        Bulletin.Draft(BulletinBureau, BulletinQuarter, 1, new BulletinSettings(), EmptySnapshot(), title, BulletinNow);

    private static Bulletin BulletinSubmitted()
    {
        var b = BulletinDraft();
        b.Submit(BulletinBureau, BulletinNow.AddMinutes(1));
        return b;
    }

    private static RuleViolation? Narrative(string field, string? title = "标题", string? overview = null, string? highlights = null, string? problems = null, string? nextSteps = null) =>
        FieldOf(Bulletin.ValidateNarrative(title, overview, highlights, problems, nextSteps), field);

    private static RuleViolation? Edited(string? title = "标题", string? overview = null, string? highlights = null, string? problems = null, string? nextSteps = null) =>
        Thrown(() => BulletinDraft().EditNarrative(BulletinBureau, title!, overview, highlights, problems, nextSteps, BulletinNow.AddMinutes(1)));

    private static Probe[] BulletinProbes() =>
    [
        new("Bulletin.Draft(title)", Bulletin.TitleMaxLength, false, v => Thrown(() => BulletinDraft(v))),
        new("Bulletin.ValidateNarrative(title)", Bulletin.TitleMaxLength, false, v => Narrative("Title", title: v)),
        new("Bulletin.ValidateNarrative(overview)", Bulletin.SectionMaxLength, true, v => Narrative("Overview", overview: v)),
        new("Bulletin.ValidateNarrative(highlights)", Bulletin.SectionMaxLength, true, v => Narrative("Highlights", highlights: v)),
        new("Bulletin.ValidateNarrative(problems)", Bulletin.SectionMaxLength, true, v => Narrative("Problems", problems: v)),
        new("Bulletin.ValidateNarrative(nextSteps)", Bulletin.SectionMaxLength, true, v => Narrative("NextSteps", nextSteps: v)),
        new("Bulletin.EditNarrative(title)", Bulletin.TitleMaxLength, false, v => Edited(title: v)),
        new("Bulletin.EditNarrative(overview)", Bulletin.SectionMaxLength, true, v => Edited(overview: v)),
        new("Bulletin.EditNarrative(highlights)", Bulletin.SectionMaxLength, true, v => Edited(highlights: v)),
        new("Bulletin.EditNarrative(problems)", Bulletin.SectionMaxLength, true, v => Edited(problems: v)),
        new("Bulletin.EditNarrative(nextSteps)", Bulletin.SectionMaxLength, true, v => Edited(nextSteps: v)),
        new("Bulletin.CheckReturn(comment)", Bulletin.CommentMaxLength, true, v => BulletinSubmitted().CheckReturn(BulletinLeader, v)),
        new("Bulletin.ReturnToDraft(comment)", Bulletin.CommentMaxLength, true, v => Thrown(() => BulletinSubmitted().ReturnToDraft(BulletinLeader, v, BulletinNow.AddMinutes(2)))),
        new("ActionItem.FromBulletin(text)", ActionItem.TextMaxLength, true, v => Thrown(() =>
            ActionItem.FromBulletin(3, 1, 7, v, new DateOnly(2026, 10, 25), new Actor("bureau", 1), BulletinNow))),
    ];
}
