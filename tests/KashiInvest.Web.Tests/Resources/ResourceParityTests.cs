using System.Xml.Linq;
using KashiInvest.Web.Tests.Support;

namespace KashiInvest.Web.Tests.Resources;

public sealed class ResourceParityTests
{
    private static readonly string Folder = Path.Combine(Repo.Root, "KashiInvest.Web", "Resources");

    private static Dictionary<string, string> Load(string file) =>
        XDocument.Load(Path.Combine(Folder, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty);

    [Fact]
    public void Every_key_exists_in_both_Chinese_and_English()
    {
        var en = Load("Strings.resx");
        var zh = Load("Strings.zh-CN.resx");
        Assert.NotEmpty(en);
        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.Empty(zh.Keys.Except(en.Keys));
    }

    [Fact]
    public void No_string_is_empty_and_Chinese_strings_are_Chinese()
    {
        var zh = Load("Strings.zh-CN.resx");
        Assert.Empty(zh.Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
        Assert.Empty(Load("Strings.resx").Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key));
        // A Chinese file that is mostly copies of the English one is a translation that never happened.
        var withHan = zh.Values.Count(v => v.Any(c => c >= '\u4e00' && c <= '\u9fff'));
        Assert.True(withHan > zh.Count * 0.9, $"only {withHan} of {zh.Count} Chinese strings contain Chinese characters");
    }

    [Fact]
    public void Every_enum_value_shown_to_users_has_a_label()
    {
        var en = Load("Strings.resx");
        Type[] shown =
        [
            typeof(Domain.Projects.ProjectStage), typeof(Domain.Projects.WorkGroupLevel), typeof(Domain.Projects.CoordinationLevel),
            typeof(Domain.Projects.TerminationReason), typeof(Domain.Investors.InvestorTier), typeof(Domain.Units.SourceRegionCode),
            typeof(Domain.Units.UnitType), typeof(Domain.Approvals.ApprovalLevel), typeof(Domain.Approvals.ApprovalStage), typeof(Domain.Approvals.LimitUnit),
        ];
        var missing = shown.SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name}.{n}")).Where(k => !en.ContainsKey(k)).ToList();
        Assert.Empty(missing);
    }
}
