using KashiInvest.Domain.Access;
using KashiInvest.Domain.Assessment;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Units;
using KashiInvest.Infrastructure.AnnualTargets;
using KashiInvest.Infrastructure.Assessment;
using KashiInvest.Infrastructure.Tests.DemoData;
using Microsoft.EntityFrameworkCore;

namespace KashiInvest.Infrastructure.Tests.Assessment;

/// <summary>
/// A test stand-in for <see cref="IAnnualFigures"/> at its boundary: the real implementation lands with the targets
/// branch. Every assessed unit gets target 1000 and an actual of 10 × its id for each indicator; last year 800.
/// </summary>
internal sealed class StubAnnualFigures(IReadOnlyList<int> unitIds) : IAnnualFigures
{
    public List<(int Year, DateOnly Through)> Calls { get; } = [];

    public Task<IReadOnlyList<UnitIndicatorFigure>> ReadAsync(int year, DateOnly through, CancellationToken ct)
    {
        Calls.Add((year, through));
        IReadOnlyList<UnitIndicatorFigure> figures = unitIds
            .SelectMany(u => AnnualIndicators.All.Select(i => new UnitIndicatorFigure(u, i, 1000m, Calls.Count == 1 ? 10m * u : 800m)))
            .ToList();
        return Task.FromResult(figures);
    }
}

/// <summary>The demo's assessment, the JSON documents' round trip and the inputs read from the platform, on a real SQLite file.</summary>
public sealed class AssessmentPersistenceTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private int ThisYear => seeded.Today.Year;

    [Fact]
    public async Task Last_years_round_is_final_with_its_scheme_frozen_and_this_years_scheme_is_open()
    {
        await using var db = seeded.Database.CreateContext();
        var round = await db.Set<AssessmentRound>().AsNoTracking().SingleAsync();
        var schemes = await db.Set<AssessmentScheme>().AsNoTracking().OrderBy(s => s.Year).ToListAsync();

        Assert.Equal(ThisYear - 1, round.Year);
        Assert.Equal(RoundStatus.Final, round.Status);
        Assert.Equal("leader", round.ApprovedBy);
        Assert.Equal([RoundAction.Computed, RoundAction.CheckEntered, RoundAction.Submitted, RoundAction.SentBack, RoundAction.CheckEntered,
            RoundAction.Computed, RoundAction.Submitted, RoundAction.Approved], round.Steps.Select(s => s.Action));
        Assert.Equal([(ThisYear - 1, true), (ThisYear, false)], schemes.Select(s => (s.Year, s.IsFrozen)));
        Assert.Equal(AssessmentDefaults.Scheme().Indicators, schemes[1].Content.Indicators);
    }

    [Fact]
    public async Task The_snapshot_ranks_every_assessed_unit_within_its_sequence_with_plausible_scores()
    {
        await using var db = seeded.Database.CreateContext();
        var round = await db.Set<AssessmentRound>().AsNoTracking().SingleAsync();
        var counties = await db.Units.CountAsync(u => u.Type == UnitType.County || u.Type == UnitType.DevelopmentZone);

        Assert.Equal(counties, round.Results.Count(r => r.Sequence == AssessmentSequence.CountiesAndZone));
        foreach (var sequence in round.Results.GroupBy(r => r.Sequence))
        {
            Assert.Equal(1, sequence.Min(r => r.Rank));
            Assert.All(sequence, r => Assert.InRange(r.Total, 40m, 130m));
            Assert.All(sequence, r => Assert.NotEmpty(r.Indicators));
        }
        Assert.Contains(round.Results, r => r.Grade == Grade.Good);
        Assert.Contains(round.Results, r => r.Facts.Any(f => f.Records.Count > 0));
        Assert.Equal(2, round.Checks.Count);
        Assert.Equal(round.Results.Single(r => r.UnitId == round.Checks[0].UnitId).CheckTotal, round.Checks.Sum(c => c.Points));
    }

    [Fact]
    public async Task A_frozen_scheme_stays_as_stored_when_an_edit_is_refused()
    {
        await using var db = seeded.Database.CreateContext();
        var scheme = await db.Set<AssessmentScheme>().SingleAsync(s => s.Year == ThisYear - 1);
        var bureau = new UserScope("bureau", "bureau", ActorRole.Bureau, 1, [], []);
        Assert.Equal("Assessment.SchemeFrozen", scheme.CheckEdit(bureau)?.Code);
        Assert.Throws<DomainRuleException>(() => scheme.Edit(bureau, scheme.Content with { BonusCap = 1m }, DateTime.SpecifyKind(default, DateTimeKind.Utc)));
        await db.SaveChangesAsync();
        await using var again = seeded.Database.CreateContext();
        Assert.Equal(6m, (await again.Set<AssessmentScheme>().AsNoTracking().SingleAsync(s => s.Year == ThisYear - 1)).Content.BonusCap);
    }

    [Fact]
    public async Task The_inputs_carry_this_years_and_last_years_figures_and_the_platforms_records()
    {
        await using var db = seeded.Database.CreateContext();
        var assessed = (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Type }).ToListAsync())
            .Where(u => AnnualIndicators.SequenceOf(u.Type) is not null).Select(u => u.Id).ToList();
        var figures = new StubAnnualFigures(assessed);
        var through = seeded.Today;

        var inputs = await AssessmentInputsQuery.ReadAsync(db, figures, ThisYear, through, CancellationToken.None);

        Assert.Equal([(ThisYear, through), (ThisYear - 1, new DateOnly(ThisYear - 1, 12, 31))], figures.Calls);
        Assert.Equal(assessed.Order(), inputs.Select(i => i.UnitId).Order());
        var first = inputs.First();
        Assert.All(first.Figures, f => Assert.Equal((1000m, 10m * first.UnitId, 800m), (f.Target!.Value, f.Actual, f.LastYear!.Value)));
        var facts = await AssessmentInputsQuery.FactsAsync(db, ThisYear, through, CancellationToken.None);
        Assert.All(facts, f => Assert.True(f.Fact.SourceId > 0));
        Assert.Equal(facts.Count, inputs.Sum(i => i.Facts.Count) + facts.Count(f => !assessed.Contains(f.UnitId)));
    }
}
