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

/// <summary>
/// The approval catalogue's use cases (/admin/approval-catalogue) on the seeded demo: the Bureau adds, edits, retires and
/// imports items; the catalogue's rules come back as field errors; a stale version is a conflict; every change is
/// audited with before and after; and a changed limit leaves the items already planned as they were.
/// </summary>
public sealed class CatalogueUseCaseTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private static readonly UserScope Bureau = new("bureau", "地区招商局", ActorRole.Bureau, null, [], []);

    private IDbContextFactory<KashiDbContext> Factory => database.Services.GetRequiredService<IDbContextFactory<KashiDbContext>>();

    private CatalogueCommands Commands => new(Factory, NullLogger<CatalogueCommands>.Instance);

    private CatalogueQuery Query => new(Factory);

    private async Task<int> DepartmentAsync(string code) => await database.QueryAsync(db => db.Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private async Task<CatalogueEntry> EntryAsync(string code) => (await Query.LoadAsync()).Entries.Single(e => e.Item.Code == code);

    private static CatalogueItemInput Input(string code, int department, int statutory = 20, int? green = null, string[]? prerequisites = null, int? commitment = null) =>
        new(code, "测试事项（非真实）", "Test item", department, ApprovalLevel.County, statutory, LimitUnit.WorkingDays, "测试依据",
            ApprovalStage.ConstructionPermit, prerequisites ?? ["project-filing"], true, green, commitment);

    [Fact]
    public async Task The_Bureau_adds_an_item_and_the_catalogue_s_rules_come_back_on_their_fields()
    {
        var natres = await DepartmentAsync("dept-natres");
        var county = await database.ScopeOfAsync("shache");

        Assert.Equal(WriteStatus.NotAllowed, (await Commands.SaveAsync(county, null, null, Input("test-add", natres))).Status);

        var wrong = await Commands.SaveAsync(Bureau, null, null, Input("project-filing", 0, statutory: 0, prerequisites: ["no-such-item"]) with { Name = " " });
        Assert.Equal(WriteStatus.Invalid, wrong.Status);
        var fields = wrong.Errors!.ToDictionary(e => e.Field, e => e.Violation.Code);
        Assert.Equal("Catalogue.NameRequired", fields["Name"]);
        Assert.Equal("Catalogue.StatutoryLimitOutOfRange", fields["StatutoryLimit"]);
        Assert.Equal("Catalogue.DepartmentRequired", fields["DepartmentUnitId"]);
        Assert.Equal("Catalogue.CodeTaken", fields["Code"]);
        Assert.Equal("Catalogue.PrerequisiteUnknown", fields["Prerequisites"]);
        Assert.Equal("Catalogue.GreenChannelAboveCommitted",
            Assert.Single((await Commands.SaveAsync(Bureau, null, null, Input("test-add", natres, green: 11))).Errors!).Violation.Code);
        Assert.Equal("Catalogue.CommitmentAboveHalf",
            Assert.Single((await Commands.SaveAsync(Bureau, null, null, Input("test-add", natres, commitment: 11))).Errors!).Violation.Code);

        var added = await Commands.SaveAsync(Bureau, null, null, Input("test-add", natres, green: 4));
        Assert.Equal(WriteStatus.Saved, added.Status);
        var entry = await EntryAsync("test-add");
        Assert.Equal((10, 4, true, "dept-natres"), (entry.Item.CommittedLimit, entry.Item.GreenChannelLimit, entry.Item.IsActive, entry.DepartmentCode));
        var audit = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(CatalogueItem) && a.EntityId == added.Id.ToString()).ToListAsync());
        Assert.Equal(AuditAction.Added, Assert.Single(audit).Action);
        Assert.Equal("bureau", audit[0].UserName);
    }

    [Fact]
    public async Task An_edit_is_audited_a_stale_one_is_a_conflict_and_planned_items_keep_their_limits()
    {
        var before = await EntryAsync("land-preexam-site");
        var plannedBefore = await database.QueryAsync(db => db.PlanItems.Where(i => i.CatalogueItemId == before.Item.Id)
            .Select(i => new { i.Id, i.StatutoryLimit, i.Limit, i.Unit, i.Version }).OrderBy(i => i.Id).ToListAsync());
        Assert.NotEmpty(plannedBefore);

        var edited = await Commands.SaveAsync(Bureau, before.Item.Id, before.Item.Version, before.Input with { StatutoryLimit = 12, GreenChannelLimit = 3 });
        Assert.Equal(WriteStatus.Saved, edited.Status);
        var after = await EntryAsync("land-preexam-site");
        Assert.Equal((12, 6, 3), (after.Item.StatutoryLimit, after.Item.CommittedLimit, after.Item.GreenChannelLimit));
        Assert.True(after.Item.Version > before.Item.Version);

        // Someone who read the item before the edit saves over it: refused, nothing overwritten.
        var stale = await Commands.SaveAsync(Bureau, before.Item.Id, before.Item.Version, before.Input with { StatutoryLimit = 30 });
        Assert.Equal(WriteStatus.Conflict, stale.Status);
        Assert.Equal(12, (await EntryAsync("land-preexam-site")).Item.StatutoryLimit);
        Assert.Equal("Catalogue.CodeFixed", Assert.Single((await Commands.SaveAsync(Bureau, after.Item.Id, after.Item.Version, after.Input with { Code = "renamed" })).Errors!).Violation.Code);

        var audit = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(CatalogueItem) && a.EntityId == before.Item.Id.ToString()
            && a.Action == AuditAction.Modified).ToListAsync());
        var change = Assert.Single(audit);
        Assert.Contains("\"StatutoryLimit\":20", change.Before!.Replace(" ", string.Empty));
        Assert.Contains("\"StatutoryLimit\":12", change.After!.Replace(" ", string.Empty));

        // The items planned before keep the statutory and committed limits they were planned with: no running clock moves.
        var plannedAfter = await database.QueryAsync(db => db.PlanItems.Where(i => i.CatalogueItemId == before.Item.Id)
            .Select(i => new { i.Id, i.StatutoryLimit, i.Limit, i.Unit, i.Version }).OrderBy(i => i.Id).ToListAsync());
        Assert.Equal(plannedBefore, plannedAfter);
        Assert.All(plannedAfter, i => Assert.Equal(20, i.StatutoryLimit));
    }

    [Fact]
    public async Task A_retired_item_stays_in_the_catalogue_and_in_its_plans_and_can_be_reinstated()
    {
        var entry = await EntryAsync("soil-water");
        Assert.True(entry.PlannedCount > 0);

        Assert.Equal(WriteStatus.Saved, (await Commands.SetActiveAsync(Bureau, entry.Item.Id, entry.Item.Version, active: false)).Status);
        var retired = await EntryAsync("soil-water");
        Assert.False(retired.Item.IsActive);
        Assert.Equal(entry.PlannedCount, retired.PlannedCount);
        Assert.Equal(WriteStatus.Conflict, (await Commands.SetActiveAsync(Bureau, entry.Item.Id, entry.Item.Version, active: true)).Status);
        Assert.Equal(WriteStatus.NotAllowed, (await Commands.SetActiveAsync(await database.ScopeOfAsync("shache"), entry.Item.Id, retired.Item.Version, active: true)).Status);
        Assert.Equal(WriteStatus.Saved, (await Commands.SetActiveAsync(Bureau, entry.Item.Id, retired.Item.Version, active: true)).Status);
        Assert.True((await EntryAsync("soil-water")).Item.IsActive);
    }

    [Fact]
    public async Task An_import_with_a_bad_row_is_previewed_with_that_row_s_problems_and_saves_nothing()
    {
        var current = await EntryAsync("completion-acceptance");
        var good1 = "test-import-a\t测试导入甲（非真实）\tTest import A\tdept-housing\t县级\t15\t工作日\t测试依据甲\t竣工验收\tcompletion-acceptance\t否\t5";
        var good2 = "completion-acceptance\t竣工联合验收\tJoint completion acceptance\tdept-housing\tCounty\t15\tWorkingDays\t测试依据（导入更新）\tCompletionAcceptance\tconstruction-permit\tno\t";
        var bad = "test-import-b\t测试导入乙\tTest import B\tdept-nowhere\t省级\t20\t工作日\t测试依据乙\t竣工验收\ttest-import-a;no-such-item\t是\t";
        var text = string.Join('\n', "code\tname", good1, "# a comment", bad, good2);

        var (rows, errors) = await Commands.PreviewImportAsync(text);
        Assert.Empty(errors);
        Assert.Equal([2, 4, 5], rows.Select(r => r.Line));
        Assert.Equal([true, false, true], rows.Select(r => r.IsValid));
        Assert.Equal([true, true, false], rows.Select(r => r.IsNew));
        var problems = rows[1].Errors.Select(e => (e.Field, e.Violation.Code)).ToList();
        Assert.Contains(("DepartmentUnitId", "Catalogue.DepartmentUnknown"), problems);
        Assert.Contains(("Level", "Catalogue.ImportValueInvalid"), problems);

        var refused = await Commands.ImportAsync(Bureau, text);
        Assert.Equal(WriteStatus.Invalid, refused.Status);
        Assert.Equal(("Rows", "Catalogue.ImportHasErrors"), (refused.Errors![0].Field, refused.Errors[0].Violation.Code));
        Assert.DoesNotContain((await Query.LoadAsync()).Entries, e => e.Item.Code == "test-import-a");
        Assert.Equal(current.Item.LegalSource, (await EntryAsync("completion-acceptance")).Item.LegalSource);

        // A prerequisite that only the import itself adds is known; an unknown one is a problem of its line.
        var unknown = (await Commands.PreviewImportAsync(good1.Replace("completion-acceptance", "no-such-item"))).Rows.Single();
        Assert.Equal("Catalogue.PrerequisiteUnknown", Assert.Single(unknown.Errors).Violation.Code);

        Assert.Equal(WriteStatus.NotAllowed, (await Commands.ImportAsync(await database.ScopeOfAsync("shache"), good1)).Status);
        var saved = await Commands.ImportAsync(Bureau, string.Join('\n', good1, good2));
        Assert.Equal((WriteStatus.Saved, 2), (saved.Status, saved.Id));
        var added = await EntryAsync("test-import-a");
        Assert.Equal((15, 7, 5, false, ApprovalStage.CompletionAcceptance), (added.Item.StatutoryLimit, added.Item.CommittedLimit, added.Item.GreenChannelLimit,
            added.Item.MayRunInParallel, added.Item.Stage));
        var updated = await EntryAsync("completion-acceptance");
        Assert.Equal(("测试依据（导入更新）", (int?)null, current.Item.Version + 1), (updated.Item.LegalSource, updated.Item.GreenChannelLimit, updated.Item.Version));
    }

    [Theory]
    [InlineData("only\tthree\tcolumns", "Catalogue.ImportColumns")]
    [InlineData("x\t名称\tName\tdept-natres\t县级\t二十\t工作日\t依据\t竣工验收\t\t是\t", "Catalogue.ImportValueInvalid")]
    [InlineData("x\t名称\tName\tdept-natres\t县级\t20\t工作日\t依据\t竣工验收\t\t也许\t", "Catalogue.ImportValueInvalid")]
    [InlineData("x\t名称\tName\tdept-natres\t县级\t20\t周\t依据\t竣工验收\t\t是\t", "Catalogue.ImportValueInvalid")]
    [InlineData("x\t名称\tName\tdept-natres\t7\t20\t工作日\t依据\t竣工验收\t\t是\t", "Catalogue.ImportValueInvalid")]
    public void A_line_that_cannot_be_read_says_why(string line, string code)
    {
        var (rows, errors) = CatalogueImport.Parse(line, new Dictionary<string, int> { ["dept-natres"] = 22 });
        Assert.Empty(errors);
        var row = Assert.Single(rows);
        Assert.Null(row.Input);
        Assert.Equal(code, Assert.Single(row.Errors).Violation.Code);
    }

    [Fact]
    public void The_current_catalogue_formatted_for_import_reads_back_as_it_was()
    {
        var item = new CatalogueItem(Input("test-format", 22, green: 3, prerequisites: ["a", "b"]));
        var (rows, errors) = CatalogueImport.Parse(CatalogueImport.Format([(item, "dept-natres")]), new Dictionary<string, int> { ["dept-natres"] = 22 });

        Assert.Empty(errors);
        var input = Assert.Single(rows).Input!;
        Assert.Equal(Input("test-format", 22, green: 3, prerequisites: ["a", "b"]) with { Prerequisites = [] }, input with { Prerequisites = [] });
        Assert.Equal(["a", "b"], input.Prerequisites);
        Assert.Equal("Catalogue.ImportEmpty", Assert.Single(CatalogueImport.Parse("# nothing\n\n", new Dictionary<string, int>()).Errors).Violation.Code);
    }
}
