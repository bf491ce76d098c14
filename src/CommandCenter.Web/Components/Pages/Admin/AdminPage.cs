using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>What the admin pages share: run a change, say in the user's language whether it was saved, show the table again.</summary>
public abstract class AdminPage : ComponentBase
{
    [Inject] public required IStringLocalizer<SharedResource> Localizer { get; init; }
    [Inject] public required Session.CurrentActor Actor { get; init; }

    /// <summary>Who makes the change: written to the audit log with it.</summary>
    protected Domain.Access.Post By => Actor.Post;

    protected string? Message { get; private set; }
    protected bool Failed { get; private set; }

    /// <summary>A sentence of the page's own: what it did, or why not.</summary>
    protected void Say(string? message, bool failed) => (Message, Failed) = (message, failed);

    /// <param name="savedKey">What to say once saved; by default, that new deadlines use it.</param>
    protected async Task RunAsync(Func<Task> change, Func<Task> reload, string savedKey = "Admin.Saved")
    {
        try
        {
            await change();
            (Message, Failed) = (Localizer[savedKey], false);
        }
        catch (Exception e) when (UserMessages.TryDescribe(Localizer, e, out var sentence))
        {
            (Message, Failed) = (sentence, true);
        }
        await reload();
    }
}
