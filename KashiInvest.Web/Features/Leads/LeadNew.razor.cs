using KashiInvest.Domain.Access;
using KashiInvest.Domain.Common;
using KashiInvest.Domain.Leads;
using KashiInvest.Web.Security;
using KashiInvest.Web.Shared;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using KashiInvest.Web.Shared.Writes;

namespace KashiInvest.Web.Features.Leads;

/// <summary>The information-transfer registration form (《重要招商引资信息转办登记表》, Art. 18), filed after a visit.</summary>
public partial class LeadNew
{
    private LeadFormModel? _form;
    private UserScope? _scope;
    private ReferenceCache.Snapshot? _ref;
    private Dictionary<string, string> _errors = [];
    private string? _generalError;
    private bool _saving;

    [Inject] private FileLeadCommand Command { get; set; } = default!;
    [Inject] private LeadQuery Query { get; set; } = default!;
    [Inject] private IUserScopeProvider ScopeProvider { get; set; } = default!;
    [Inject] private ReferenceCache Reference { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ILogger<LeadNew> Logger { get; set; } = default!;

    /// <summary>Prefill from a pushed target ("file a lead" in the inbox).</summary>
    [SupplyParameterFromQuery(Name = "name")] public string? Name { get; set; }
    [SupplyParameterFromQuery(Name = "code")] public string? Code { get; set; }
    // Bound as text: a query value that is not a number must not fail the page (see QueryValues).
    [SupplyParameterFromQuery(Name = "chain")] public string? ChainQuery { get; set; }

    private int? Chain => QueryValues.Id(ChainQuery);

    private DateTime TodayDate => BeijingTime.Today(Clock).ToDateTime(TimeOnly.MinValue);

    protected override async Task OnInitializedAsync()
    {
        _scope = await ScopeProvider.GetAsync();
        _ref = await Reference.GetAsync();
        if (!LeadAccess.CanFileLead(_scope))
        {
            Navigation.NotFound();
            return;
        }
        var units = await Query.UnitsAsync();
        var own = units.FirstOrDefault(u => u.Id == _scope.UnitId);
        _form = new LeadFormModel
        {
            EnterpriseName = Name,
            CreditCode = Code,
            ChainId = Chain is { } c && _ref.Chain(c) is not null ? c : null,
            Region = own.Region,
            VisitedOn = TodayDate,
        };
    }

    private bool Has(string field) => _errors.ContainsKey(field);

    private string? Err(string field) => _errors.GetValueOrDefault(field);

    private void OnChainChanged(int? chainId)
    {
        _form!.ChainId = chainId;
        if (_ref?.Link(_form.ChainLinkId)?.ChainId != chainId) _form.ChainLinkId = null;
    }

    private async Task SubmitAsync()
    {
        if (_form is null || _scope is null || _saving) return;
        _saving = true;
        _generalError = null;
        _errors = [];
        try
        {
            var result = await Command.ExecuteAsync(_scope, _form);
            switch (result.Status)
            {
                case WriteStatus.Saved:
                    Snackbar.Add(T["Leads.New.Filed"], Severity.Success);
                    Navigation.NavigateTo($"/leads/{result.Id}");
                    break;
                case WriteStatus.Invalid:
                    foreach (var e in result.Errors!)
                    {
                        if (string.IsNullOrEmpty(e.Field)) _generalError = T.Rule(e.Violation);
                        else _errors.TryAdd(e.Field, T.Rule(e.Violation));
                    }
                    _generalError ??= T["Form.FixErrors", _errors.Count];
                    break;
                default:
                    // Not allowed, or not saved (the database was busy): the input stays in the form.
                    _generalError = WriteFeedback.Of(T, result).Message;
                    break;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Filing a lead form failed");
            _generalError = T["Write.Failed"];
        }
        finally
        {
            _saving = false;
        }
    }
}
