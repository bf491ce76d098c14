using System.Globalization;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Policies;
using CommandCenter.Infrastructure.Deadlines;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.AspNetCore.Components;

namespace CommandCenter.Web.Components.Pages.Admin;

/// <summary>The time-limit policy table: one form both adds a policy and edits the one picked in the table.</summary>
public sealed partial class Policies
{
    private IReadOnlyList<TimePolicy> _policies = [];
    private TimePolicy? _editing;
    private string? _categoryCode;
    private Urgency? _urgency;
    private HandlingLevel _level = HandlingLevel.Courtyard;
    private double _signForMinutes = 30;
    private double _handlingMinutes = 24 * 60;
    private double _warningShare = 0.75;
    private TimeBasis _basis = TimeBasis.Calendar;
    private SignForLapse _signForLapse = SignForLapse.ReturnToDispatch;
    private bool _autoSupervise = true;
    private int _maxPostponements = TimePolicy.DefaultMaxPostponements;
    /// <summary>Empty on a new policy: one handling limit.</summary>
    private double? _longestExtensionMinutes;
    private double? _acceptanceMinutes = WaitingLimits.DefaultFor(Urgency.Normal).Acceptance?.TotalMinutes;
    private double? _dispatchMinutes = WaitingLimits.DefaultFor(Urgency.Normal).Dispatch?.TotalMinutes;
    private double? _verificationMinutes = WaitingLimits.DefaultFor(Urgency.Normal).Verification?.TotalMinutes;

    private StreetRules? _street;
    private double _evaluationWindowDays;
    private double _revisitWindowDays;
    private int _unsatisfiedReopenings;
    private double _backlogAfterDays;

    [Inject] public required DeadlineAdministration Administration { get; init; }
    [Inject] public required OrganisationDirectory Directory { get; init; }

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _policies = await Administration.PoliciesAsync();
        _street = await Administration.StreetRulesAsync();
        (_evaluationWindowDays, _revisitWindowDays, _unsatisfiedReopenings, _backlogAfterDays) =
            (_street.EvaluationWindow.TotalDays, _street.RevisitWindow.TotalDays, _street.UnsatisfiedReopeningsBeforeDecision, _street.BacklogAfter.TotalDays);
    }

    private Task SaveStreetRulesAsync() => RunAsync(() => Administration.UpdateStreetRulesAsync(By,
        new StreetRulesInput(_evaluationWindowDays, _revisitWindowDays, _unsatisfiedReopenings, _backlogAfterDays, _street?.Revision)), ReloadAsync);

    private void Edit(TimePolicy policy)
    {
        _editing = policy;
        (_signForMinutes, _handlingMinutes, _warningShare, _basis, _signForLapse, _autoSupervise) =
            (policy.SignFor.TotalMinutes, policy.Handling.TotalMinutes, policy.WarningShare, policy.Basis, policy.SignForLapse, policy.AutoSuperviseOnOverdue);
        (_maxPostponements, _longestExtensionMinutes) = (policy.MaxPostponements, policy.LongestExtension.TotalMinutes);
        (_acceptanceMinutes, _dispatchMinutes, _verificationMinutes) = WaitingMinutes.Of(policy.Waiting);
    }

    private void New() => _editing = null;

    private Task SaveAsync() => RunAsync(async () =>
    {
        await (_editing is { } policy
            ? Administration.UpdatePolicyAsync(By, policy.Id, new PolicyLimitsInput(_signForMinutes, _handlingMinutes, _warningShare, _basis, policy.Revision, _signForLapse, _autoSupervise,
                _maxPostponements, _longestExtensionMinutes, Waiting))
            : Administration.CreatePolicyAsync(By, new PolicyInput(_categoryCode, _urgency, _level, _signForMinutes, _handlingMinutes, _warningShare, _basis, _signForLapse, _autoSupervise,
                _maxPostponements, _longestExtensionMinutes, Waiting)));
        _editing = null;
    }, ReloadAsync);

    private Task DeleteAsync(TimePolicy policy) => RunAsync(() => Administration.DeletePolicyAsync(By, policy.Id), ReloadAsync);


    private string CategoryText(string? code) =>
        code is null ? L["Admin.Any"] : Directory.Category(code) is { } category ? $"{code} {OrganisationDirectory.Localised(category)}" : code;

    private WaitingMinutes Waiting => new(_acceptanceMinutes, _dispatchMinutes, _verificationMinutes);

    /// <summary>受理 / 派遣 / 核查 in minutes; a dash where the stage runs no clock.</summary>
    private static string WaitingText(WaitingLimits limits) =>
        string.Join(" / ", new[] { limits.Acceptance, limits.Dispatch, limits.Verification }.Select(l => l is { } span ? Minutes(span) : "—"));

    private static string Minutes(TimeSpan span) => span.TotalMinutes.ToString("0.##", CultureInfo.CurrentCulture);
}
