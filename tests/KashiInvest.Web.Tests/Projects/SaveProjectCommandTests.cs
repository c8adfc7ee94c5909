using KashiInvest.Domain.Access;
using KashiInvest.Domain.Audit;
using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Web.Features.Projects;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Tests.Projects;

/// <summary>The create/edit and stage-change use cases on a real SQLite file.</summary>
public sealed class SaveProjectCommandTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private SaveProjectCommand Save => database.Services.GetRequiredService<SaveProjectCommand>();
    private ChangeStageCommand ChangeStage => database.Services.GetRequiredService<ChangeStageCommand>();
    private ProjectReader Reader => database.Services.GetRequiredService<ProjectReader>();

    private async Task<ProjectForm> ValidFormAsync(string name)
    {
        var chain = await database.QueryAsync(db => db.Chains.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var investor = (await Reader.SearchInvestorsAsync(await database.ScopeOfAsync(KashiInvest.Infrastructure.DemoData.ReferenceData.BureauCode, ActorRole.Bureau), null))[0];
        return new ProjectForm
        {
            Name = name,
            ChainId = chain,
            Investor = investor,
            PlannedInvestmentWan = 75_000m,
            ExpectedJobs = 600,
            PlannedStartOn = new DateTime(2027, 3, 1),
            PlannedCompletionOn = new DateTime(2028, 6, 30),
            Milestones = [new() { Name = "签订投资协议", PlannedOn = new DateTime(2027, 1, 15) }],
        };
    }

    [Fact]
    public async Task A_county_creates_a_project_in_its_own_unit_with_an_audit_entry()
    {
        var scope = await database.ScopeOfAsync("shache");
        var form = await ValidFormAsync("年产3万吨棉纱测试项目");
        form.HostUnitId = 1; // ignored: a county's projects are its own

        var result = await Save.ExecuteAsync(scope, form);

        Assert.Equal(WriteStatus.Saved, result.Status);
        var view = await Reader.GetAsync(scope, result.Id!.Value);
        Assert.NotNull(view);
        Assert.Equal(scope.UnitId, view.HostUnitId);
        Assert.Equal(WorkGroupLevel.KeyProject, view.Level);
        Assert.Equal(ProjectStage.Lead, view.Stage);
        Assert.Single(view.Milestones);
        var audit = await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Project) && a.EntityId == result.Id.ToString()).ToListAsync());
        var added = Assert.Single(audit);
        Assert.Equal(AuditAction.Added, added.Action);
        Assert.Equal("shache", added.UserName);
        Assert.Contains("年产3万吨棉纱测试项目", added.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_completion_before_the_start_is_refused_on_the_completion_field_and_nothing_is_written()
    {
        var scope = await database.ScopeOfAsync("shache");
        var before = await database.QueryAsync(db => db.Projects.CountAsync());
        var form = await ValidFormAsync("日期颠倒的项目");
        form.PlannedCompletionOn = new DateTime(2026, 1, 1);

        var result = await Save.ExecuteAsync(scope, form);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        var error = Assert.Single(result.Errors!);
        Assert.Equal(nameof(ProjectDetails.PlannedCompletionOn), error.Field);
        Assert.Equal("Date.EndBeforeStart", error.Violation.Code);
        Assert.Equal(before, await database.QueryAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task An_edit_based_on_a_stale_read_is_refused_and_the_other_edit_survives()
    {
        var scope = await database.ScopeOfAsync("shache");
        var created = await Save.ExecuteAsync(scope, await ValidFormAsync("并发编辑测试项目"));
        var view = (await Reader.GetAsync(scope, created.Id!.Value))!;
        var first = ProjectForm.From(view);
        var second = ProjectForm.From(view);

        first.Name = "第一位用户的修改";
        Assert.Equal(WriteStatus.Saved, (await Save.ExecuteAsync(scope, first)).Status);
        second.Name = "第二位用户的修改";
        var late = await Save.ExecuteAsync(scope, second);

        Assert.Equal(WriteStatus.Conflict, late.Status);
        Assert.Equal("第一位用户的修改", (await Reader.GetAsync(scope, created.Id.Value))!.Name);
    }

    [Fact]
    public async Task A_county_cannot_edit_or_move_another_countys_project()
    {
        var shache = await database.ScopeOfAsync("shache");
        var kashi = await database.ScopeOfAsync("kashi");
        var created = await Save.ExecuteAsync(shache, await ValidFormAsync("他县项目"));
        var view = (await Reader.GetAsync(shache, created.Id!.Value))!;

        var form = ProjectForm.From(view);
        form.Name = "越权修改";
        Assert.Equal(WriteStatus.NotFound, (await Save.ExecuteAsync(kashi, form)).Status);
        Assert.Equal(WriteStatus.NotFound, (await ChangeStage.ExecuteAsync(kashi, view.Id, view.Version, new StageTransition(ProjectStage.Triage))).Status);
        Assert.Null(await Reader.GetAsync(kashi, view.Id));
        Assert.Equal("他县项目", (await Reader.GetAsync(shache, view.Id))!.Name);
    }

    [Fact]
    public async Task A_new_investor_with_a_known_credit_code_asks_before_linking_and_links_once_the_user_agrees()
    {
        var scope = await database.ScopeOfAsync("shache");
        var existing = await database.QueryAsync(db => db.Investors.Where(i => i.CreditCode != null).OrderBy(i => i.Id).FirstAsync());
        var count = await database.QueryAsync(db => db.Investors.CountAsync());
        var projects = await database.QueryAsync(db => db.Projects.CountAsync());
        var form = await ValidFormAsync("重复企业测试项目");
        form.Investor = null;
        form.CreateInvestor = true;
        form.NewInvestorName = "名称不同但代码相同的企业";
        form.NewInvestorCreditCode = existing.CreditCode!.ToLowerInvariant();

        // The code belongs to an investor on file under another name: the save stops and says whose it is.
        var asked = await Save.ExecuteAsync(scope, form);

        Assert.Equal(WriteStatus.Invalid, asked.Status);
        var error = Assert.Single(asked.Errors!);
        Assert.Equal((nameof(ProjectForm.NewInvestorCreditCode), "Investor.CreditCodeOnFile"), (error.Field, error.Violation.Code));
        Assert.Equal(existing.Name, Assert.Single(error.Violation.Args));
        Assert.Equal(existing.Name, form.CreditCodeOwner);
        Assert.Equal("名称不同但代码相同的企业", form.NewInvestorName); // the input is kept
        Assert.Equal(projects, await database.QueryAsync(db => db.Projects.CountAsync()));

        // The user agrees: the project links to the investor on file, and no second investor is stored.
        form.LinkByCreditCode = form.NewInvestorCreditCode;
        var result = await Save.ExecuteAsync(scope, form);

        Assert.Equal(WriteStatus.Saved, result.Status);
        Assert.Equal(count, await database.QueryAsync(db => db.Investors.CountAsync()));
        Assert.Equal(existing.Id, (await Reader.GetAsync(scope, result.Id!.Value))!.Investor.Id);
    }

    [Fact]
    public async Task A_new_investor_typed_with_its_own_name_and_known_credit_code_links_without_asking()
    {
        var scope = await database.ScopeOfAsync("shache");
        var existing = await database.QueryAsync(db => db.Investors.Where(i => i.CreditCode != null).OrderBy(i => i.Id).Skip(1).FirstAsync());
        var form = await ValidFormAsync("同一企业再次投资项目");
        form.Investor = null;
        form.CreateInvestor = true;
        form.NewInvestorName = existing.Name;
        form.NewInvestorCreditCode = existing.CreditCode!;

        var result = await Save.ExecuteAsync(scope, form);

        Assert.Equal(WriteStatus.Saved, result.Status);
        Assert.Equal(existing.Id, (await Reader.GetAsync(scope, result.Id!.Value))!.Investor.Id);
    }

    [Fact]
    public async Task Agreeing_to_link_one_code_does_not_link_by_another_code_on_file()
    {
        var scope = await database.ScopeOfAsync("shache");
        var codes = await database.QueryAsync(db => db.Investors.Where(i => i.CreditCode != null).OrderBy(i => i.Id).Select(i => new { i.CreditCode, i.Name }).Take(2).ToListAsync());
        var form = await ValidFormAsync("代码改动后再次确认项目");
        form.Investor = null;
        form.CreateInvestor = true;
        form.NewInvestorName = "另一家新企业";
        form.LinkByCreditCode = codes[0].CreditCode;
        form.NewInvestorCreditCode = codes[1].CreditCode!;

        var result = await Save.ExecuteAsync(scope, form);

        Assert.Equal(WriteStatus.Invalid, result.Status);
        Assert.Equal(codes[1].Name, form.CreditCodeOwner);
    }

    [Fact]
    public async Task A_stage_change_the_rules_forbid_is_refused_with_its_reason()
    {
        var scope = await database.ScopeOfAsync("shache");
        var created = await Save.ExecuteAsync(scope, await ValidFormAsync("跳过评估测试项目"));
        var view = (await Reader.GetAsync(scope, created.Id!.Value))!;

        var skip = await ChangeStage.ExecuteAsync(scope, view.Id, view.Version, new StageTransition(ProjectStage.Signed, Date: new DateOnly(2026, 1, 1)));
        Assert.Equal(WriteStatus.Invalid, skip.Status);
        Assert.Equal("Stage.TransitionNotAllowed", skip.Errors![0].Violation.Code);

        var triage = await ChangeStage.ExecuteAsync(scope, view.Id, view.Version, new StageTransition(ProjectStage.Triage, "已核实企业投资意向"));
        Assert.Equal(WriteStatus.Saved, triage.Status);
        var after = (await Reader.GetAsync(scope, view.Id))!;
        Assert.Equal(ProjectStage.Triage, after.Stage);
        Assert.Equal("已核实企业投资意向", after.History[^1].Note);
        Assert.Equal("shache", after.History[^1].ChangedBy);
    }
}
