using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Cases;

/// <summary>
/// The questions of one <see cref="CommandForm"/>, bound to its fields: the same form on the console's
/// dialog and on the phone, laid out for each. The page around it sends the request.
/// </summary>
public sealed partial class CommandFields
{
    private const int RadioLimit = 4;
    /// <summary>More options than fit as buttons on a phone go into a list.</summary>
    private const int ButtonLimit = 8;

    [Parameter, EditorRequired] public required CommandForm Form { get; set; }
    [Parameter] public CommandFormLayout Layout { get; set; }
    /// <summary>Set once the user tried to send: from then on, each required question left empty says so.</summary>
    [Parameter] public bool ShowMissing { get; set; }

    private bool Missing(FormField field) => ShowMissing && field.Required && !field.HasValue;

    private string? MissingText(FormField field) => Missing(field) ? L["Error.Required", L[field.LabelKey]].Value : null;

    private static string TextOf(IReadOnlyList<Choice> choices, string? key) => choices.FirstOrDefault(c => c.Key == key)?.Text ?? "";

    /// <summary>A second tap on the chosen button clears an optional choice; a required one stays chosen.</summary>
    private static void Tap(ChoiceField choice, Choice option) =>
        choice.SelectedKey = choice.SelectedKey == option.Key && !choice.Required ? null : option.Key;
}
