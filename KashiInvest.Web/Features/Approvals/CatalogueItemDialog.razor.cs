using KashiInvest.Domain.Approvals;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// Adds an item to the catalogue (<see cref="Entry"/> null) or edits one through <see cref="CatalogueCommands.SaveAsync"/>.
/// Refused input stays here with the reasons next to the fields; anything else closes the dialog with the
/// <see cref="WriteResult"/> for the page to report.
/// </summary>
public partial class CatalogueItemDialog
{
    private sealed class Form
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? NameEn { get; set; }
        public int DepartmentUnitId { get; set; }
        public ApprovalLevel Level { get; set; }
        public int StatutoryLimit { get; set; } = 20;
        public LimitUnit Unit { get; set; }
        public string? LegalSource { get; set; }
        public ApprovalStage Stage { get; set; }
        public IReadOnlyCollection<string> Prerequisites { get; set; } = [];
        public bool MayRunInParallel { get; set; } = true;
        public int? GreenChannelLimit { get; set; }
        public int? DepartmentCommitment { get; set; }
    }

    private Form _form = new();
    private IReadOnlyDictionary<string, string> _errors = new Dictionary<string, string>();
    private string? _general;
    private bool _busy;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    /// <summary>The item to edit; null to add one.</summary>
    [Parameter] public CatalogueEntry? Entry { get; set; }
    [Parameter, EditorRequired] public IReadOnlyList<CatalogueDepartment> Departments { get; set; } = [];
    /// <summary>The codes an item may wait on.</summary>
    [Parameter, EditorRequired] public IReadOnlyList<string> Codes { get; set; } = [];

    [Inject] private CatalogueCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private ILogger<CatalogueItemDialog> Logger { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (Entry?.Input is not { } i) return;
        _form = new Form
        {
            Code = i.Code, Name = i.Name, NameEn = i.NameEn, DepartmentUnitId = i.DepartmentUnitId, Level = i.Level, StatutoryLimit = i.StatutoryLimit,
            Unit = i.Unit, LegalSource = i.LegalSource, Stage = i.Stage, Prerequisites = i.Prerequisites, MayRunInParallel = i.MayRunInParallel,
            GreenChannelLimit = i.GreenChannelLimit, DepartmentCommitment = i.DepartmentCommitment,
        };
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? ErrorOf(string field) => _errors.GetValueOrDefault(field);

    private async Task SubmitAsync()
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var input = new CatalogueItemInput(_form.Code ?? string.Empty, _form.Name ?? string.Empty, _form.NameEn ?? string.Empty, _form.DepartmentUnitId,
                _form.Level, _form.StatutoryLimit, _form.Unit, _form.LegalSource ?? string.Empty, _form.Stage, [.. _form.Prerequisites], _form.MayRunInParallel,
                _form.GreenChannelLimit, _form.DepartmentCommitment);
            var result = await SafeWrite.RunAsync(Logger, async () =>
                await Commands.SaveAsync(await Scopes.GetAsync(), Entry?.Item.Id, Entry?.Item.Version, input));
            if (result.Status == WriteStatus.Invalid)
            {
                var feedback = WriteFeedback.Of(T, result);
                _errors = feedback.FieldErrors;
                _general = feedback.Message;
                return;
            }
            Dialog.Close(DialogResult.Ok(result));
        }
        finally
        {
            _busy = false;
        }
    }
}
