using KashiInvest.Domain.Chains;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Tests.Chains;
using KashiInvest.Domain.Units;

namespace KashiInvest.Domain.Tests.Common;

/// <summary>The probes of the chain map: the chain lead's link names, description, notes, reasons and road map; the Bureau's comments.</summary>
public partial class FreeTextLimitsTests
{
    private static (IndustryChain Chain, ChainLink Link) ChainAndGap()
    {
        var chain = ChainMapTests.Textiles(out _, out _, out var dyeing, out _);
        return (chain, dyeing);
    }

    private static RuleViolation? OnGap(Action<IndustryChain, ChainLink> act)
    {
        var (chain, link) = ChainAndGap();
        return Thrown(() => act(chain, link));
    }

    private static Probe[] ChainProbes() =>
    [
        new("IndustryChain.AddLink(name)", IndustryChain.LinkNameMaxLength, false, v => OnGap((c, _) => c.AddLink(v, "Name", ChainSegment.Upstream, LinkStrength.Weak))),
        new("IndustryChain.AddLink(nameEn)", IndustryChain.LinkNameEnMaxLength, false, v => OnGap((c, _) => c.AddLink("新环节", v, ChainSegment.Upstream, LinkStrength.Weak))),
        new("IndustryChain.RenameLink(name)", IndustryChain.LinkNameMaxLength, false, v => OnGap((c, l) => c.RenameLink(l, v, "Name", ChainMapTests.Now))),
        new("IndustryChain.RenameLink(nameEn)", IndustryChain.LinkNameEnMaxLength, false, v => OnGap((c, l) => c.RenameLink(l, "新名称", v, ChainMapTests.Now))),
        new("IndustryChain.DescribeLink(description)", ChainLink.DescriptionMaxLength, true, v => OnGap((c, l) => c.DescribeLink(l, LinkKind.Process, v, ChainMapTests.Now))),
        new("IndustryChain.SetStatus(reason)", LinkStatusChange.ReasonMaxLength, true, v => OnGap((c, l) => c.SetStatus(l, LinkStrength.Weak, v, ChainMapTests.Lead, ChainMapTests.Now))),
        new("IndustryChain.KeepStatus(reason)", LinkStatusChange.ReasonMaxLength, true, v => OnGap((c, l) =>
        {
            c.ProposeRerating(l, 42, ProjectStage.Construction, ProjectStage.Production, ChainMapTests.Now);
            c.KeepStatus(l, v, ChainMapTests.Lead, ChainMapTests.Now);
        })),
        new("IndustryChain.SetGapNote(note)", ChainLink.NoteMaxLength, true, v => OnGap((c, l) => c.SetGapNote(l, v, ChainMapTests.Now))),
        new("IndustryChain.AddLocalEnterprise(name)", ChainLink.EnterpriseNameMaxLength, false, v => OnGap((c, l) => c.AddLocalEnterprise(l, v, ChainMapTests.Now))),
        new("IndustryChain.Comment(text)", IndustryChain.CommentMaxLength, true, v => OnGap((c, l) => c.Comment(l, v, ChainMapTests.Lead, ChainMapTests.Now))),
        new("RoadmapInput.Sought", RoadmapEntry.SoughtMaxLength, true, v => FieldOf(IndustryChain.ValidateRoadmap(
            new RoadmapInput(v, [SourceRegionCode.Shandong], ChainMapTests.Today), ChainMapTests.Today), "Sought")),
    ];
}
