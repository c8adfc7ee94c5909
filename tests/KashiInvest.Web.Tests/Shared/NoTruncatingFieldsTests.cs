using System.Text.RegularExpressions;
using KashiInvest.Web.Tests.Support;

namespace KashiInvest.Web.Tests.Shared;

/// <summary>
/// Nothing typed is silently cut: a text field never carries the browser's maxlength (which cuts a paste without a
/// word); it shows the count and the limit, and the command refuses an over-long value with the field's message.
/// </summary>
public sealed partial class NoTruncatingFieldsTests
{
    [GeneratedRegex(@"\b(MaxLength|maxlength)\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex MaxLengthAttribute();

    [Fact]
    public void No_form_sets_a_maxlength_that_would_cut_what_the_user_typed()
    {
        var web = Path.Combine(Repo.Root, "KashiInvest.Web");
        var offenders = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(web, f), Line: i + 1, Text: line)))
            .Where(x => MaxLengthAttribute().IsMatch(x.Text))
            .Select(x => $"{x.File}:{x.Line}")
            .ToList();
        Assert.True(offenders.Count == 0, "Use Counter (and validate in the command) instead of MaxLength: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Every_text_field_a_form_saves_shows_its_count_and_limit()
    {
        // A saved field is bound (@bind-Value); filters and search boxes use Value/ValueChanged and save nothing.
        var web = Path.Combine(Repo.Root, "KashiInvest.Web");
        var missing = new List<string>();
        foreach (var file in Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            for (var at = text.IndexOf("<MudTextField", StringComparison.Ordinal); at >= 0; at = text.IndexOf("<MudTextField", at + 1, StringComparison.Ordinal))
            {
                var end = text.IndexOf("/>", at, StringComparison.Ordinal);
                var tag = text[at..(end < 0 ? text.Length : end)];
                if (!tag.Contains("T=\"string\"", StringComparison.Ordinal) || !tag.Contains("@bind-Value=", StringComparison.Ordinal)) continue;
                if (!tag.Contains("Counter=", StringComparison.Ordinal))
                    missing.Add($"{Path.GetRelativePath(web, file)}:{text[..at].Count(c => c == '\n') + 1}");
            }
        }
        Assert.True(missing.Count == 0, "Text fields without Counter (show the limit; the domain refuses more): " + string.Join(", ", missing));
    }

    [Fact]
    public void Free_text_fields_show_their_count_and_limit()
    {
        var web = Path.Combine(Repo.Root, "KashiInvest.Web", "Features");
        // The fields that used to cut at their limit now count towards it.
        foreach (var (file, field) in new[]
        {
            ("Problems/RaiseProblemDialog.razor", "field-description"),
            ("Reports/ReportForm.razor", "field-narrative"),
            ("Leads/LeadNew.razor", "_form.Background"),
            ("Meetings/MeetingRecordForms.razor", "_discussion"),
        })
        {
            var text = File.ReadAllText(Path.Combine(web, file));
            var at = text.IndexOf(field, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{field} in {file}");
            var tagStart = text.LastIndexOf("<MudTextField", at, StringComparison.Ordinal);
            var tagEnd = text.IndexOf("/>", at, StringComparison.Ordinal);
            Assert.Contains("Counter=", text[tagStart..tagEnd], StringComparison.Ordinal);
        }
    }
}
