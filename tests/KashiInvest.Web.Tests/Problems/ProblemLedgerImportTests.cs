using System.Text;
using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.DemoData;
using KashiInvest.Web.Features.Problems;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Excel;
using KashiInvest.Web.Shared.Writes;
using KashiInvest.Web.Tests.Shared.Excel;
using KashiInvest.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using C = KashiInvest.Web.Features.Problems.LedgerExcel.Columns;
using static KashiInvest.Web.Tests.Shared.Excel.ImportPreviewCells;

namespace KashiInvest.Web.Tests.Problems;

/// <summary>
/// A county imports the problems of its own projects from the ledger it keeps in Excel: rows checked as the "record a
/// problem" dialog checks them, each error next to its cell, all rows or none in one audited import, matched by project
/// and description so the same file again changes nothing, another county's projects out of reach.
/// </summary>
public sealed class ProblemLedgerImportTests(SeededDatabase database) : IClassFixture<SeededDatabase>
{
    private T Get<T>() where T : notnull => database.Services.GetRequiredService<T>();

    private ProblemLedgerImport Import => Get<ProblemLedgerImport>();

    private DateOnly Today => BeijingTime.DateOf(Get<TimeProvider>().GetUtcNow().UtcDateTime);

    /// <summary>A row in the template's order: project code, category, factor, description, severity, owner, due day.</summary>
    private object?[] Row(string code, string description, string category = "要素保障", string? factor = "用电", string severity = "严重", string? owner = null, object? due = null) =>
        [code, category, factor, description, severity, owner, due ?? Today.AddDays(30)];

    private async Task<byte[]> FilledAsync(params object?[][] rows) => TestWorkbook.Fill((await Import.TemplateAsync()).Bytes, rows);

    private async Task<string> ProjectOfAsync(string unitCode) => await database.QueryAsync(async db =>
    {
        var unit = await db.Units.Where(u => u.Code == unitCode).Select(u => u.Id).SingleAsync();
        return await db.Projects.Where(p => p.HostUnitId == unit && p.Stage != ProjectStage.Terminated).OrderBy(p => p.Id).Select(p => p.Code).FirstAsync();
    });

    [Fact]
    public async Task A_county_imports_its_problems_in_one_audited_import_and_the_same_file_again_changes_nothing()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("shache");
        var code = await ProjectOfAsync("shache");
        var bytes = await FilledAsync(
            Row(code, "导入问题-专线接入未落实"),
            Row(code, "导入问题-用工缺口两百人", category: "其他", factor: null, severity: "较重"));

        var preview = await Import.PreviewAsync(scope, "ledger.xlsx", bytes);
        Assert.Null(preview.Refusal);
        Assert.Equal(0, preview.ErrorRows);
        Assert.Equal(2, preview.Count(ImportOutcome.New));
        Assert.Equal(WriteStatus.Saved, (await Import.ImportAsync(scope, preview)).Status);

        var saved = await database.QueryAsync(db => db.Problems.Where(p => p.Description.StartsWith("导入问题-")).OrderBy(p => p.Description).ToListAsync());
        Assert.Equal(2, saved.Count);
        var power = saved.Single(p => p.Description == "导入问题-专线接入未落实");
        Assert.Equal(FactorKind.Power, power.Factor);
        Assert.Equal(ProblemSeverity.High, power.Severity);
        Assert.Equal(scope.UnitId, power.OwnerUnitId);
        Assert.Equal(Today.AddDays(30), power.DueOn);
        var entry = Assert.Single(await database.QueryAsync(db => db.AuditEntries.Where(a => a.EntityType == ImportPipeline.AuditType && a.EntityId == "problems").ToListAsync()));
        Assert.Contains("导入问题-用工缺口两百人", entry.After!, StringComparison.Ordinal);

        var again = await Import.PreviewAsync(scope, "ledger.xlsx", bytes);
        Assert.Equal(2, again.Count(ImportOutcome.Unchanged));
        Assert.False(again.CanImport);
        Assert.Equal(WriteStatus.Saved, (await Import.ImportAsync(scope, again)).Status);
        Assert.Equal(2, await database.QueryAsync(db => db.Problems.CountAsync(p => p.Description.StartsWith("导入问题-"))));
    }

    [Fact]
    public async Task The_preview_puts_every_kind_of_error_next_to_its_cell_and_nothing_is_written()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("shache");
        var own = await ProjectOfAsync("shache");
        var other = await ProjectOfAsync("kashi");
        var onFile = await database.QueryAsync(db => db.Problems.Where(p => db.Projects.Any(x => x.Id == p.ProjectId && x.Code == own)).Select(p => new { p.Description, p.Severity }).FirstOrDefaultAsync());
        var bytes = await FilledAsync(
            Row(other, "错误问题-他县项目"),                                    // row 4
            Row(own, "错误问题-无要素", factor: null),                           // 5
            Row(own, "错误问题-时限已过", due: Today.AddDays(-3)),                // 6
            Row(own, "错误问题-重复"),                                          // 7
            Row(own, "错误问题-重复"),                                          // 8
            Row(own, "错误问题-程度", severity: "非常非常严重"),                   // 9
            Row(own, "错误问题-公式", due: new Formula("TODAY()+30", "47000")));  // 10
        var p = await Import.PreviewAsync(scope, "ledger.xlsx", bytes);
        Assert.Null(p.Refusal);
        Assert.Equal("Import.UnknownCode", Error(p, 4, C.Code));
        Assert.Equal("Problem.FactorRequired", Error(p, 5, C.Factor));
        Assert.Equal("Problem.DueInPast", Error(p, 6, C.Due));
        Assert.Null(Error(p, 7, C.Description));
        Assert.Equal("Import.DuplicateRow", Error(p, 8, C.Description));
        Assert.Equal("Import.UnknownChoice", Error(p, 9, C.Severity));
        Assert.Equal("Import.Formula", Error(p, 10, C.Due));
        Assert.False(p.CanImport);
        Assert.Equal(WriteStatus.Invalid, (await Import.ImportAsync(scope, p)).Status);
        Assert.False(await database.QueryAsync(db => db.Problems.AnyAsync(x => x.Description.StartsWith("错误问题-"))));

        // An entry on the ledger with other details is not silently changed.
        if (onFile is not null)
        {
            var differs = await Import.PreviewAsync(scope, "ledger.xlsx", await FilledAsync(Row(own, onFile.Description, category: "其他", factor: null,
                severity: onFile.Severity == ProblemSeverity.Low ? "严重" : "一般")));
            Assert.Equal("Import.ProblemOnFile", Error(differs, 4, C.Description));
        }
    }

    [Fact]
    public async Task Leaders_and_the_wall_may_not_import_and_the_Bureau_reaches_every_county()
    {
        using var _ = new UiCulture("zh-CN");
        var other = await ProjectOfAsync("kashi");
        var bytes = await FilledAsync(Row(other, "范围问题-局导入"));
        var leader = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Leader);
        Assert.Equal("Import.NotAllowed", (await Import.PreviewAsync(leader, "x.xlsx", bytes)).Refusal?.Code);
        var bureau = await database.ScopeOfAsync(ReferenceData.BureauCode, ActorRole.Bureau);
        var preview = await Import.PreviewAsync(bureau, "x.xlsx", bytes);
        Assert.Equal(0, preview.ErrorRows);
        Assert.Equal(WriteStatus.NotAllowed, (await Import.ImportAsync(leader, preview)).Status);
        Assert.Equal(WriteStatus.Saved, (await Import.ImportAsync(bureau, preview)).Status);
        Assert.True(await database.QueryAsync(db => db.Problems.AnyAsync(x => x.Description == "范围问题-局导入")));
    }

    [Fact]
    public async Task Hostile_files_get_a_clear_refusal()
    {
        using var _ = new UiCulture("zh-CN");
        var scope = await database.ScopeOfAsync("shache");
        async Task<string?> Refusal(byte[] bytes) => (await Import.PreviewAsync(scope, "hostile.xlsx", bytes)).Refusal?.Code;
        var binary = new byte[2048];
        new Random(3).NextBytes(binary);
        binary[0] = 0x02;
        binary[10] = 0;
        Assert.Equal("Import.NotXlsx", await Refusal(binary));
        Assert.Equal("Import.NotXlsx", await Refusal([0x50, 0x4B, 0x03, 0x04, 9, 9, 9, 9]));
        Assert.Equal("Import.MissingColumns", await Refusal(Encoding.UTF8.GetBytes("项目编号,问题描述\nKS-1,x\n")));
    }
}
