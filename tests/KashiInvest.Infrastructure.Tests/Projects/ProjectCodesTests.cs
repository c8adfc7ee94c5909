using KashiInvest.Domain.Investors;
using KashiInvest.Domain.Projects;
using KashiInvest.Infrastructure.Projects;
using KashiInvest.Infrastructure.Tests.Persistence;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.Projects;

/// <summary>The one allocator of project codes: numbered per year, in numeric order, distinct under concurrent creators.</summary>
public sealed class ProjectCodesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private MiniWorld _world = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _world = await MiniWorld.CreateAsync(_database); // KS-2026-0001 … KS-2026-0004, written before any counter existed
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_first_code_drawn_continues_after_the_codes_already_stored()
    {
        Assert.Equal("KS-2026-0005", await CreateAsync(2026));
        Assert.Equal("KS-2026-0006", await CreateAsync(2026));
    }

    [Fact]
    public async Task Each_year_has_its_own_numbers()
    {
        Assert.Equal("KS-2027-0001", await CreateAsync(2027));
        Assert.Equal("KS-2026-0005", await CreateAsync(2026));
        Assert.Equal("KS-2027-0002", await CreateAsync(2027));
    }

    [Fact]
    public async Task The_ten_thousandth_code_of_a_year_follows_9999_and_the_next_follows_it()
    {
        await AddWithCodeAsync("KS-2026-9998");
        await AddWithCodeAsync("KS-2026-9999");

        Assert.Equal("KS-2026-10000", await CreateAsync(2026));
        Assert.Equal("KS-2026-10001", await CreateAsync(2026));
        Assert.Equal("KS-2026-10002", await CreateAsync(2026));
    }

    [Fact]
    public async Task Stored_codes_are_read_by_number_not_by_text()
    {
        // By text KS-2026-9999 sorts after KS-2026-10000: the old allocator proposed 10000 again and again.
        await AddWithCodeAsync("KS-2026-10000");
        await AddWithCodeAsync("KS-2026-9999");
        await using (var db = _database.CreateContext()) Assert.Equal(10000, await ProjectCodes.HighestNumberAsync(db, 2026));

        Assert.Equal("KS-2026-10001", await CreateAsync(2026));
    }

    [Fact]
    public async Task A_creator_that_rolls_back_gives_its_number_back()
    {
        Assert.Equal("KS-2026-0005", await CreateAsync(2026));
        await using (var db = _database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.Equal("KS-2026-0006", await ProjectCodes.NextAsync(db, 2026));
            await transaction.RollbackAsync();
        }
        Assert.Equal("KS-2026-0006", await CreateAsync(2026));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public async Task Concurrent_creators_get_distinct_codes_and_every_project_is_saved(int creators)
    {
        // Each creator draws its code and adds its project in its own transaction, as the commands do, all at once.
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = Enumerable.Range(0, creators).Select(async _ =>
        {
            await start.Task;
            var codes = new List<string>();
            for (var i = 0; i < 5; i++) codes.Add(await CreateAsync(2026));
            return codes;
        }).ToList();
        start.SetResult();
        var drawn = (await Task.WhenAll(work)).SelectMany(c => c).ToList();

        Assert.Equal(creators * 5, drawn.Distinct().Count());
        var expected = Enumerable.Range(5, creators * 5).Select(n => ProjectCodes.Format(2026, n)).ToList();
        Assert.Equal(expected, drawn.Order(StringComparer.Ordinal).ToList());
        await using var db = _database.CreateContext();
        Assert.Equal(4 + creators * 5, await db.Projects.CountAsync());
    }

    /// <summary>Creates a project the way the commands do: code and project in one transaction.</summary>
    private async Task<string> CreateAsync(int year)
    {
        await using var db = _database.CreateContext();
        db.Actor = MiniWorld.Setup;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var code = await ProjectCodes.NextAsync(db, year);
        db.Projects.Add(NewProject(code));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return code;
    }

    /// <summary>A project whose code was given, not drawn (as data written before the allocator existed).</summary>
    private async Task AddWithCodeAsync(string code)
    {
        await using var db = _database.CreateContext();
        db.Actor = MiniWorld.Setup;
        db.Projects.Add(NewProject(code));
        await db.SaveChangesAsync();
    }

    private Project NewProject(string code) =>
        Project.Create(code, MiniWorld.Details(code, _world.CountyA, _world.Chain1, _world.Investor), InvestorTier.Listed, _world.CountyA,
            MiniWorld.Setup, _database.Clock.GetUtcNow().UtcDateTime, WorkGroupThresholds.Default);
}
