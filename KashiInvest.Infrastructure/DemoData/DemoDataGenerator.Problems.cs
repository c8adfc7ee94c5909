using KashiInvest.Domain.Common;
using KashiInvest.Domain.Problems;
using KashiInvest.Domain.Projects;
using KashiInvest.Domain.Units;

namespace KashiInvest.Infrastructure.DemoData;

/// <summary>Problems raised on projects, with their status, escalation level and history.</summary>
public sealed partial class DemoDataGenerator
{
    private void AddProblems(List<ProjectDraft> drafts)
    {
        var candidates = drafts.Where(d => d.Target.HasBattleMap()).ToList();
        var count = ProblemsPerScale * _scale;
        var categories = Enum.GetValues<ProblemCategory>();
        // New, InProgress, Escalated to the chain lead, Escalated to the prefecture, Resolved: each at least once.
        (ProblemStatus Status, EscalationLevel Level)[] forced =
        [
            (ProblemStatus.New, EscalationLevel.County), (ProblemStatus.InProgress, EscalationLevel.County),
            (ProblemStatus.Escalated, EscalationLevel.ChainLead), (ProblemStatus.Escalated, EscalationLevel.Prefecture),
            (ProblemStatus.Resolved, EscalationLevel.County),
        ];
        for (var i = 0; i < count; i++)
        {
            var d = Pick(candidates, x => x.Target switch
            {
                ProjectStage.Landing or ProjectStage.Construction => 4.0,
                ProjectStage.Signed => 2.0,
                _ => 1.0,
            });
            var (status, level) = i < forced.Length ? forced[i] : RandomStatus();
            var texts = i < categories.Length
                ? DemoTexts.Problems.Where(t => t.Category == categories[i]).ToArray()
                : DemoTexts.Problems;
            var text = PickOne(texts);
            d.Problems.Add(NewProblem(d, text, status, level));
        }
    }

    private (ProblemStatus, EscalationLevel) RandomStatus()
    {
        var u = _random.NextDouble();
        if (u < 0.2) return (ProblemStatus.New, EscalationLevel.County);
        if (u < 0.5) return (ProblemStatus.InProgress, EscalationLevel.County);
        if (u < 0.6) return (ProblemStatus.Escalated, EscalationLevel.ChainLead);
        if (u < 0.7) return (ProblemStatus.Escalated, EscalationLevel.Prefecture);
        var v = _random.NextDouble();
        return (ProblemStatus.Resolved, v < 0.6 ? EscalationLevel.County : v < 0.85 ? EscalationLevel.ChainLead : EscalationLevel.Prefecture);
    }

    private ProblemPlan NewProblem(ProjectDraft d, DemoTexts.ProblemText text, ProblemStatus status, EscalationLevel level)
    {
        var actions = new List<(ProblemActionKind Kind, string? Text)>();
        if (status != ProblemStatus.New && (status != ProblemStatus.Escalated || Chance(0.6))) actions.Add((ProblemActionKind.Start, null));
        if (level >= EscalationLevel.ChainLead) actions.Add((ProblemActionKind.Escalate, PickOne(DemoTexts.ChainLeadEscalations)));
        if (level >= EscalationLevel.Prefecture) actions.Add((ProblemActionKind.Escalate, PickOne(DemoTexts.PrefectureEscalations)));
        if (status == ProblemStatus.Resolved) actions.Add((ProblemActionKind.Resolve, text.Resolution));

        // Raised once the project is in negotiation; open entries are mostly recent, resolved ones any time.
        var projectStart = d.Moves.First(m => m.Stage == ProjectStage.Negotiating).Day;
        var latest = _yesterday.AddDays(-actions.Count);
        var earliest = status == ProblemStatus.Resolved ? projectStart : Max(projectStart, _yesterday.AddDays(-120));
        if (earliest > latest) earliest = latest;
        var raisedDay = RandomDay(earliest, latest);
        var raisedAt = At(raisedDay);

        var owner = _random.NextDouble() switch
        {
            < 0.5 => d.Host.Id,
            < 0.8 => _reference.Unit(text.DepartmentCode).Id,
            _ => d.Chain.LeadUnitId,
        };

        // The county escalates to the chain lead, which escalates to the prefecture (the Bureau then owns it).
        var hostActor = new DemoActor(d.Host.Code, d.Host.Id);
        var chainActor = new DemoActor($"chain-{d.Chain.Code}", d.Chain.LeadUnitId);
        var bureau = Actor(ReferenceData.BureauCode);
        var days = actions.Select(_ => RandomDay(raisedDay.AddDays(1), _yesterday)).Order().ToList();
        var planned = new List<ProblemActionPlan>();
        var previous = raisedAt;
        var escalations = 0;
        for (var i = 0; i < actions.Count; i++)
        {
            var at = At(days[i]);
            if (at <= previous) at = previous.AddMinutes(30);
            var (kind, actionText) = actions[i];
            planned.Add(kind switch
            {
                ProblemActionKind.Escalate => escalations++ == 0
                    ? new ProblemActionPlan(kind, at, actionText, hostActor, d.Chain.LeadUnitId)
                    : new ProblemActionPlan(kind, at, actionText, chainActor, bureau.UnitId),
                _ => new ProblemActionPlan(kind, at, actionText, escalations switch { 0 => hostActor, 1 => chainActor, _ => bureau }),
            });
            previous = at;
        }
        var raisedBy = _random.NextDouble() switch
        {
            < 0.7 => new DemoActor(d.Host.Code, d.Host.Id),
            < 0.9 => new DemoActor($"chain-{d.Chain.Code}", d.Chain.LeadUnitId),
            _ => Actor(ReferenceData.BureauCode),
        };
        var severity = Pick([(ProblemSeverity.Low, 20), (ProblemSeverity.Medium, 40), (ProblemSeverity.High, 28), (ProblemSeverity.Blocking, 12)], s => s.Item2).Item1;
        return new ProblemPlan(text.Category, text.Factor, text.Description, severity, owner, raisedDay.AddDays(_random.Next(10, 46)),
            raisedBy, raisedAt, planned);
    }
}
