using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.DemoData;
using CommandCenter.Infrastructure.Organisation;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CommandCenter.Infrastructure.Simulation;

/// <summary>
/// Plays the street: reports new cases in the demo street's proportions and moves open ones
/// along through the same commands people use (accept, dispatch, sign or return, done or let
/// run late, verify, rate), with actors of the right roles and source <see cref="ActSource.Simulator"/>.
/// </summary>
public sealed class CaseSimulator(
    CaseService cases, CaseQueries queries, OrganisationDirectory directory,
    IOptions<SimulatorOptions> options, ILogger<CaseSimulator> logger) : BackgroundService
{
    private const ActSource Source = ActSource.Simulator;
    private static readonly CaseState[] Moving =
        [CaseState.Reported, CaseState.PendingDispatch, CaseState.Dispatched, CaseState.InProgress, CaseState.PendingVerification, CaseState.PendingEvaluation];

    private readonly Random _random = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(1 / options.Value.CasesPerMinute);
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await ReportAsync(stoppingToken);
                await MoveSomeAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A refused or conflicting step is part of the play; the stream goes on.
                logger.LogDebug(e, "A simulated step was refused");
            }
        }
    }

    private async Task ReportAsync(CancellationToken cancellationToken)
    {
        var item = Pick(DemoCaseTexts.Items, i => i.Weight);
        var courtyard = Pick(directory.Courtyards.ToArray(), c => c.Homes);
        var channel = Pick([(Channel.ResidentQr, 35.0), (Channel.GridPatrol, 30.0), (Channel.Hotline, 25.0), (Channel.Dispatcher, 10.0)], c => c.Item2).Item1;
        var urgency = Pick([(Urgency.Normal, 85.0), (Urgency.Urgent, 12.0), (Urgency.Critical, 3.0)], u => u.Item2).Item1;
        var description = $"{courtyard.Name}{item.Problems[_random.Next(item.Problems.Length)]}";
        await cases.ReportAsync(new ReportCaseRequest(channel, item.Code, urgency, courtyard.Id, null, description), Post.Resident(Source), cancellationToken);
    }

    private async Task MoveSomeAsync(CancellationToken cancellationToken)
    {
        var open = await queries.QueueAsync(Post.System(Source), new CaseQuery { States = Moving, PageSize = 40 }, cancellationToken);
        foreach (var item in open.Items.OrderBy(_ => _random.Next()).Take(3))
        {
            if (Step(item) is not { } step) continue;
            await cases.ExecuteAsync(item.Id, step with { ExpectedVersion = item.Version }, ActorFor(item), cancellationToken);
        }
    }

    private CaseCommandRequest? Step(CaseListItem item) => item.State switch
    {
        CaseState.Reported => new AcceptCase(),
        CaseState.PendingDispatch => DispatchStep(item),
        CaseState.Dispatched => Chance(0.08) ? new ReturnCase(ReturnReason.JurisdictionMismatch) : new SignCase(),
        // Some cases are left to run late so the timers have work.
        CaseState.InProgress => Chance(0.6) ? new ReportDone("已处理完毕，现场已恢复") : null,
        CaseState.PendingVerification => new VerifyCase(Chance(0.9), "现场复核仍有问题"),
        CaseState.PendingEvaluation => new RateCase(Chance(0.85) ? Rating.Satisfied : Chance(0.7) ? Rating.BasicallySatisfied : Rating.Unsatisfied),
        _ => null,
    };

    private DispatchCase? DispatchStep(CaseListItem item) =>
        directory.UnitsServing(item.Level, item.CourtyardId).FirstOrDefault() is { } unit ? new DispatchCase(unit.Id) : null;

    /// <summary>
    /// The person whose post may run the next step: someone of the unit holding the case, a
    /// dispatcher for the desk's steps, the reporter for the rating. Rights apply as to anyone.
    /// </summary>
    private Post ActorFor(CaseListItem item)
    {
        if (item.State == CaseState.PendingEvaluation) return Post.Resident(Source, item.Id);
        Func<Staff, bool> fits = item.State is CaseState.Dispatched or CaseState.InProgress
            ? s => s.UnitId == item.UnitId && s.Role != AccessRole.GridWorker
            : s => s.Role == AccessRole.Dispatcher;
        var staff = directory.Staff.Where(fits).ToArray();
        return staff.Length == 0 ? Post.System(Source) : directory.PostOf(staff[_random.Next(staff.Length)], Source);
    }

    private bool Chance(double share) => _random.NextDouble() < share;

    private T Pick<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var roll = _random.NextDouble() * items.Sum(weight);
        foreach (var item in items)
            if ((roll -= weight(item)) <= 0) return item;
        return items[^1];
    }
}
