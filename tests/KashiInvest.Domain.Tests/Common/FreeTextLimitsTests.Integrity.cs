using KashiInvest.Domain.Common;
using KashiInvest.Domain.Integrity;
using KashiInvest.Domain.Tests.Integrity;

namespace KashiInvest.Domain.Tests.Common;

/// <summary>The probes of the integrity ledger: what the Bureau types when it opens a case and its reasons, the unit's plan and report.</summary>
public partial class FreeTextLimitsTests
{
    private static readonly DateTime IntegrityNow = new(2026, 11, 16, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly IntegrityDay = new(2026, 11, 16);
    private static readonly Actor IntegrityBureau = new("bureau", 1);

    private static RuleViolation? IntegrityField(string field, IntegrityCaseInput input) => FieldOf(IntegrityCase.Validate(input, IntegrityDay), field);

    private static Probe[] IntegrityProbes() =>
    [
        new("IntegrityCaseInput.Title", IntegrityCase.TitleMaxLength, false, v => IntegrityField("Title", IntegrityCaseTests.Input(title: v))),
        new("IntegrityCaseInput.Description", IntegrityCase.DescriptionMaxLength, true, v => IntegrityField("Description", IntegrityCaseTests.Input(description: v))),
        new("IntegrityCase.EnterPlan(plan)", IntegrityCase.PlanMaxLength, true, v => Thrown(() => IntegrityCaseTests.At(IntegrityCaseStatus.Open).EnterPlan(v, IntegrityBureau, IntegrityNow))),
        new("IntegrityCase.ReportRectified(report)", IntegrityCase.ReportMaxLength, true, v => Thrown(() =>
            IntegrityCaseTests.At(IntegrityCaseStatus.Rectifying).ReportRectified(v, IntegrityDay, IntegrityBureau, IntegrityNow))),
        new("IntegrityCase.Return(reason)", IntegrityCase.ReasonMaxLength, true, v => Thrown(() =>
            IntegrityCaseTests.At(IntegrityCaseStatus.Reported).Return(v, null, IntegrityDay, IntegrityBureau, IntegrityNow))),
        new("IntegrityCase.RecordBreach(reasons)", IntegrityCase.ReasonMaxLength, true, v => Thrown(() =>
            IntegrityCaseTests.At(IntegrityCaseStatus.Open).RecordBreach(v, IntegrityDay, IntegrityBureau, IntegrityNow))),
    ];
}
