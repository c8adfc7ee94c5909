using KashiInvest.Web.Security;
using KashiInvest.Web.Shared.Writes;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace KashiInvest.Web.Features.Approvals;

/// <summary>
/// The approval catalogue (审批事项目录; Administrator, Bureau): the items by stage, a dialog to add or edit one, retire and
/// reinstate, and an import of a pasted tab-separated table that is previewed line by line (with each line's
/// problems) and saved all-or-nothing.
/// </summary>
public partial class CataloguePage
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    private CatalogueView? _view;
    private string? _importText;
    /// <summary>The text the preview was made of: saving needs a preview of exactly this text without problems.</summary>
    private string? _previewedText;
    private IReadOnlyList<CatalogueImportRow>? _preview;
    private string? _importError;
    private bool _busy;

    [Inject] private CatalogueQuery Query { get; set; } = default!;
    [Inject] private CatalogueCommands Commands { get; set; } = default!;
    [Inject] private IUserScopeProvider Scopes { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ILogger<CataloguePage> Logger { get; set; } = default!;

    private bool CanImport => _preview is { Count: > 0 } rows && rows.All(r => r.IsValid) && _previewedText == _importText;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _view = await Query.LoadAsync();

    private async Task EditAsync(CatalogueEntry? entry)
    {
        var parameters = new DialogParameters<CatalogueItemDialog>
        {
            { d => d.Entry, entry },
            { d => d.Departments, _view!.Departments },
            { d => d.Codes, _view.Entries.Where(e => e.Item.IsActive || entry?.Input.Prerequisites.Contains(e.Item.Code) == true).Select(e => e.Item.Code).ToList() },
        };
        var dialog = await Dialogs.ShowAsync<CatalogueItemDialog>(entry is null ? T["Catalogue.New"] : T["Catalogue.EditTitle", entry.Item.Name], parameters, Options);
        var closed = await dialog.Result;
        if (closed is null || closed.Canceled || closed.Data is not WriteResult result) return;
        await ReportAndReloadAsync(result, entry is null ? T["Catalogue.Added"] : T["Catalogue.Saved", entry.Item.Name]);
    }

    private async Task SetActiveAsync(CatalogueEntry entry, bool active)
    {
        var result = await SafeWrite.RunAsync(Logger, async () => await Commands.SetActiveAsync(await Scopes.GetAsync(), entry.Item.Id, entry.Item.Version, active));
        await ReportAndReloadAsync(result, T[active ? "Catalogue.Reinstated" : "Catalogue.RetiredMessage", entry.Item.Name]);
    }

    private async Task ReportAndReloadAsync(WriteResult result, string saved)
    {
        var feedback = WriteFeedback.Of(T, result, saved: saved, conflict: T["Catalogue.Conflict"]);
        feedback.Show(Snackbar);
        await LoadAsync();
    }

    private void ImportTextChanged(string? text)
    {
        _importText = text;
        _importError = null;
    }

    private void CopyCatalogue()
    {
        if (_view is null) return;
        var codes = _view.Departments.ToDictionary(d => d.Id, d => d.Code);
        _importText = CatalogueImport.Format(_view.Entries.Where(e => e.Item.IsActive).Select(e => (e.Item, codes.GetValueOrDefault(e.Item.DepartmentUnitId, e.DepartmentCode))));
        _preview = null;
        _importError = null;
    }

    private async Task PreviewAsync()
    {
        _busy = true;
        try
        {
            var (rows, errors) = await Commands.PreviewImportAsync(_importText);
            _preview = rows;
            _previewedText = _importText;
            _importError = errors.Count > 0 ? T.Rule(errors[0].Violation) : null;
        }
        catch (Exception ex) when (SafeWrite.IsDatabaseFailure(ex))
        {
            Logger.LogWarning(ex, "The catalogue import could not be previewed");
            _importError = T["Write.Unavailable"];
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ImportAsync()
    {
        if (!CanImport) return;
        _busy = true;
        try
        {
            var result = await SafeWrite.RunAsync(Logger, async () => await Commands.ImportAsync(await Scopes.GetAsync(), _importText));
            var feedback = WriteFeedback.Of(T, result, saved: T["Catalogue.Import.Saved", result.Id ?? 0]);
            _importError = feedback.FieldErrors.GetValueOrDefault(CatalogueImport.Field);
            feedback.Show(Snackbar);
            if (result.Status == WriteStatus.Saved)
            {
                _preview = null;
                _importText = _previewedText = null;
                await LoadAsync();
            }
            else await PreviewAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>The label of the column a line's problem is about ("" for the line as a whole).</summary>
    private string FieldLabel(string field) => field switch
    {
        CatalogueImport.Field or "" => string.Empty,
        _ => T[$"Catalogue.Field.{field}"] + ": ",
    };
}
