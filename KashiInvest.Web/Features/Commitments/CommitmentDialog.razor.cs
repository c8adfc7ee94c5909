using KashiInvest.Domain.Approvals;
using KashiInvest.Domain.Commitments;
using KashiInvest.Domain.Common;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Commitments;

/// <summary>
/// Records a commitment (<see cref="Detail"/> null) on <see cref="ProjectId"/> or on a project chosen from
/// <see cref="Projects"/>, or edits one not yet due, through <see cref="CommitmentCommands"/>. Refused input stays here
/// with the reasons next to the fields; a conflict or a database failure is said above the form with the input kept;
/// a saved commitment closes the dialog with the <see cref="WriteResult"/>.
/// </summary>
public partial class CommitmentDialog
{
    private const string ProjectField = "Project";

    private sealed class ConditionRow
    {
        public ConditionKind Kind { get; set; } = ConditionKind.FundsInPlace;
        public decimal? Threshold { get; set; }
        public int? MilestoneId { get; set; }
        public string? Description { get; set; }
    }

    private sealed class Form
    {
        public CommitmentKind Kind { get; set; } = CommitmentKind.Subsidy;
        public SupplyFactor? Factor { get; set; }
        public string? DocumentNumber { get; set; }
        public string? Clause { get; set; }
        public string? Promise { get; set; }
        public decimal? AmountWan { get; set; }
        public string? Formula { get; set; }
        public int? ResponsibleUnitId { get; set; }
        public int? TimeLimit { get; set; } = 20;
        public LimitUnit TimeLimitUnit { get; set; } = LimitUnit.WorkingDays;
        public string? EvidenceRequired { get; set; }
        public bool TaxLinked { get; set; }
        public bool Selective { get; set; }
        public string? FairCompetitionReason { get; set; }
        public List<ConditionRow> Conditions { get; set; } = [new()];
    }

    private Form _form = new();
    private int? _projectId;
    private IReadOnlyDictionary<int, string> _milestones = new Dictionary<int, string>();
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _general;
    private Severity _generalSeverity = Severity.Error;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    /// <summary>The commitment to edit; null to record one.</summary>
    [Parameter] public CommitmentDetail? Detail { get; set; }
    /// <summary>The project to record on (from its battle map); null: chosen from <see cref="Projects"/>.</summary>
    [Parameter] public int? ProjectId { get; set; }
    [Parameter] public IReadOnlyList<RecordableProject> Projects { get; set; } = [];
    /// <summary>The units a commitment may be owed by.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<UnitInfo> Units { get; set; } = [];

    [Inject] private CommitmentCommands Commands { get; set; } = default!;
    [Inject] private CommitmentDetailQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private ILogger<CommitmentDialog> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _projectId = Detail?.Commitment.ProjectId ?? ProjectId ?? (Projects.Count == 1 ? Projects[0].Id : null);
        if (Detail is not null)
        {
            var i = Detail.Input;
            _milestones = Detail.Milestones;
            _form = new Form
            {
                Kind = i.Kind, Factor = i.Factor, DocumentNumber = i.DocumentNumber, Clause = i.Clause, Promise = i.Promise, AmountWan = i.AmountWan,
                Formula = i.Formula, ResponsibleUnitId = i.ResponsibleUnitId, TimeLimit = i.TimeLimit, TimeLimitUnit = i.TimeLimitUnit,
                EvidenceRequired = i.EvidenceRequired, TaxLinked = i.Concerns.HasFlag(FairCompetitionConcern.TaxLinkedReward),
                Selective = i.Concerns.HasFlag(FairCompetitionConcern.SelectiveSubsidy), FairCompetitionReason = i.FairCompetitionReason,
                Conditions = i.Conditions.Select(c => new ConditionRow { Kind = c.Kind, Threshold = c.Threshold, MilestoneId = c.MilestoneId, Description = c.Description }).ToList(),
            };
        }
        else if (_projectId is { } id) _milestones = await ReadMilestonesAsync(id);
    }

    private async Task ProjectChangedAsync(int? id)
    {
        _projectId = id;
        _milestones = id is { } p ? await ReadMilestonesAsync(p) : new Dictionary<int, string>();
    }

    /// <summary>The project's milestones; none when the database cannot be read (a milestone condition then cannot be chosen).</summary>
    private async Task<IReadOnlyDictionary<int, string>> ReadMilestonesAsync(int projectId)
    {
        try
        {
            return await Query.MilestonesAsync(projectId);
        }
        catch (Exception ex) when (SafeWrite.IsDatabaseFailure(ex))
        {
            Logger.LogWarning(ex, "The milestones of project {Id} could not be read", projectId);
            return new Dictionary<int, string>();
        }
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private CommitmentInput Input() => new(
        _form.Kind, _form.Factor, _form.DocumentNumber, _form.Clause, _form.Promise, _form.AmountWan, _form.Formula, _form.ResponsibleUnitId, _form.TimeLimit,
        _form.TimeLimitUnit, _form.EvidenceRequired,
        (_form.TaxLinked ? FairCompetitionConcern.TaxLinkedReward : FairCompetitionConcern.None) | (_form.Selective ? FairCompetitionConcern.SelectiveSubsidy : FairCompetitionConcern.None),
        _form.FairCompetitionReason,
        _form.Conditions.Select(c => new CommitmentConditionInput(c.Kind,
            c.Kind is ConditionKind.FundsInPlace or ConditionKind.Jobs ? c.Threshold : null,
            c.Kind == ConditionKind.Milestone ? c.MilestoneId : null,
            c.Kind == ConditionKind.ByHand ? c.Description : null)).ToList());

    private async Task SubmitAsync()
    {
        if (_busy) return;
        _general = null;
        if (Detail is null && _projectId is null)
        {
            _errors = new Dictionary<string, string> { [ProjectField] = T.Rule(new RuleViolation("Field.Required")) };
            return;
        }
        _busy = true;
        try
        {
            var input = Input();
            var result = await SafeWrite.RunAsync(Logger, async () =>
            {
                var scope = await Scopes.GetAsync();
                return Detail is { } d
                    ? await Commands.EditAsync(scope, d.Commitment.Id, d.Commitment.Version, input)
                    : await Commands.RecordAsync(scope, _projectId!.Value, input);
            });
            if (result.Status == WriteStatus.Saved)
            {
                Dialog.Close(DialogResult.Ok(result));
                return;
            }
            // Field errors next to their fields; a rule without a field, a conflict or a database failure above the form.
            var feedback = WriteFeedback.Of(T, result, conflict: T["Commitments.Conflict"], notFound: T["Commitments.Gone"]);
            _errors = feedback.FieldErrors;
            _general = feedback.Message;
            _generalSeverity = feedback.Severity;
        }
        finally
        {
            _busy = false;
        }
    }
}
