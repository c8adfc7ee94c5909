using KashiInvest.Domain.Approvals;

namespace KashiInvest.Infrastructure.Approvals;

/// <summary>A catalogue item as seeded, naming its department by unit code.</summary>
public sealed record CatalogueItemDefinition(
    string Code, string Name, string NameEn, string DepartmentCode, ApprovalLevel Level, int StatutoryLimit, LimitUnit Unit,
    string LegalSource, ApprovalStage Stage, string[] Prerequisites, bool MayRunInParallel, int? GreenChannelLimit);

/// <summary>
/// The approval catalogue an installation starts with: an industrial project's usual items with their statutory
/// limits (issue 14). Every figure here is only the first value of a setting the Bureau edits in the catalogue.
/// </summary>
public static class ApprovalReferenceData
{
    public static readonly IReadOnlyList<CatalogueItemDefinition> Catalogue =
    [
        new("project-filing", "企业投资项目备案", "Filing of an enterprise investment project", "dept-drc", ApprovalLevel.County,
            1, LimitUnit.WorkingDays, "《企业投资项目核准和备案管理条例》（备案机关收到全部信息即为备案）",
            ApprovalStage.ProjectApprovalAndLandUsePlanning, [], true, null),
        new("land-preexam-site", "建设项目用地预审与选址意见书", "Land-use pre-examination and site selection", "dept-natres", ApprovalLevel.Prefecture,
            20, LimitUnit.WorkingDays, "《中华人民共和国土地管理法》《建设项目用地预审管理办法》《中华人民共和国行政许可法》",
            ApprovalStage.ProjectApprovalAndLandUsePlanning, ["project-filing"], true, 5),
        new("land-use-planning", "建设用地规划许可证", "Land-use planning permit", "dept-natres", ApprovalLevel.County,
            20, LimitUnit.WorkingDays, "《中华人民共和国城乡规划法》《中华人民共和国行政许可法》",
            ApprovalStage.ProjectApprovalAndLandUsePlanning, ["land-preexam-site"], true, 5),
        new("eia-report", "环境影响报告书审批", "Environmental impact approval (report)", "dept-eco", ApprovalLevel.Prefecture,
            60, LimitUnit.NaturalDays, "《中华人民共和国环境影响评价法》第二十二条",
            ApprovalStage.ProjectApprovalAndLandUsePlanning, ["project-filing"], true, 20),
        new("eia-form", "环境影响报告表审批", "Environmental impact approval (report form)", "dept-eco", ApprovalLevel.Prefecture,
            30, LimitUnit.NaturalDays, "《中华人民共和国环境影响评价法》第二十二条",
            ApprovalStage.ProjectApprovalAndLandUsePlanning, ["project-filing"], true, 10),
        new("eia-registration", "环境影响登记表备案", "Environmental impact registration", "dept-eco", ApprovalLevel.County,
            15, LimitUnit.NaturalDays, "《中华人民共和国环境影响评价法》",
            ApprovalStage.ProjectApprovalAndLandUsePlanning, ["project-filing"], true, 5),
        new("soil-water", "生产建设项目水土保持方案审批", "Soil and water conservation plan", "dept-water", ApprovalLevel.Prefecture,
            25, LimitUnit.WorkingDays, "《中华人民共和国水土保持法》",
            ApprovalStage.ProjectApprovalAndLandUsePlanning, ["project-filing"], true, 8),
        new("engineering-planning", "建设工程规划许可证", "Construction-engineering planning permit", "dept-natres", ApprovalLevel.County,
            20, LimitUnit.WorkingDays, "《中华人民共和国城乡规划法》《中华人民共和国行政许可法》",
            ApprovalStage.ConstructionPermit, ["land-use-planning"], true, 5),
        new("fire-design", "特殊建设工程消防设计审查", "Fire-protection design review", "dept-housing", ApprovalLevel.Prefecture,
            15, LimitUnit.WorkingDays, "《中华人民共和国消防法》《建设工程消防设计审查验收管理暂行规定》",
            ApprovalStage.ConstructionPermit, ["land-use-planning"], true, 5),
        new("construction-permit", "建筑工程施工许可证", "Construction permit", "dept-housing", ApprovalLevel.County,
            7, LimitUnit.NaturalDays, "《中华人民共和国建筑法》《建筑工程施工许可管理办法》",
            ApprovalStage.ConstructionPermit, ["engineering-planning", "fire-design"], false, 2),
        new("completion-acceptance", "竣工联合验收", "Joint completion acceptance", "dept-housing", ApprovalLevel.County,
            15, LimitUnit.WorkingDays, "《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》",
            ApprovalStage.CompletionAcceptance, ["construction-permit"], false, 5),
    ];

    /// <summary>The departments of every service group at the start: those the catalogue's items belong to.</summary>
    public static IReadOnlyList<string> GroupDepartmentCodes { get; } = Catalogue.Select(c => c.DepartmentCode).Distinct().ToArray();
}
