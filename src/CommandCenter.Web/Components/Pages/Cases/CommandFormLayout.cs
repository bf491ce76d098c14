namespace CommandCenter.Web.Components.Pages.Cases;

/// <summary>Where <see cref="CommandFields"/> shows a form: the console's dialog, or the width of a phone held in one hand.</summary>
public enum CommandFormLayout
{
    Dialog,
    /// <summary>Short choices as buttons to tap, a date above its time.</summary>
    Phone,
}
