using System.Reflection;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components;
using CommandCenter.Web.Components.Pages.Cases;
using CommandCenter.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Components;

/// <summary>
/// The catalog has a form for every command: it asks something exactly when the command's request carries
/// something, and its answers build that command's own request type.
/// </summary>
public sealed class CommandCatalogTests(ApiApp app) : ComponentTest, IClassFixture<ApiApp>
{
    private static readonly Post System = Post.System(ActSource.Console);

    public static TheoryData<CaseCommand> Commands() => [.. Enum.GetValues<CaseCommand>()];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task FormFor_EveryCommand_AnsweredBuildsItsRequestType_OrSaysItTakesNone(CaseCommand command)
    {
        var detail = await CrossAgencyCaseInProgressAsync();
        var catalog = CatalogFor(app.Factory.Services, System);

        var form = await catalog.FormForAsync(command, detail);
        foreach (var field in form.Fields) Answer(field);
        var request = await form.BuildAsync([], CancellationToken.None);

        var route = CaseCommandRoutes.Of(command);
        Assert.Equal(command, form.Command);
        Assert.Equal(CarriesSomething(route.RequestType), form.Fields.Count > 0);
        Assert.IsType(route.RequestType, request);
        Assert.Equal(command, request.Command);
    }

    [Theory]
    [InlineData(CaseCommand.AddProgress)]
    [InlineData(CaseCommand.ReportDone)]
    public async Task FormFor_WhatAHandlerReports_TakesPhotos_AndNamesThemInItsRequest(CaseCommand command)
    {
        var detail = await CrossAgencyCaseInProgressAsync();
        var catalog = CatalogFor(app.Factory.Services, System);
        var form = await catalog.FormForAsync(command, detail);
        Guid[] photos = [Guid.NewGuid(), Guid.NewGuid()];

        ((TextField)Assert.Single(form.Fields)).Value = "已到现场";
        var request = await form.BuildAsync(photos, CancellationToken.None);

        Assert.True(form.TakesPhotos);
        Assert.Equal(photos, request switch
        {
            AddProgress progress => progress.PhotoIds,
            ReportDone done => done.PhotoIds,
            _ => null,
        });
    }

    [Theory]
    [InlineData(Channel.Hotline, true)]
    [InlineData(Channel.ResidentQr, false)]
    public async Task FormFor_RatingAHotlineCase_IsTheRevisitCall_WithTheRevisitAsItsOnlySource(Channel channel, bool byRevisit)
    {
        var inProgress = await CrossAgencyCaseInProgressAsync();
        var detail = inProgress with { Report = inProgress.Report with { Channel = channel } };

        var form = await CatalogFor(app.Factory.Services, System).FormForAsync(CaseCommand.Rate, detail);

        var source = form.Fields.OfType<ChoiceField<RatingSource>>().Single();
        Assert.Equal(byRevisit ? 1 : RatingRules.PersonSources.Count, source.Choices.Count);
        Assert.Equal(byRevisit ? RatingSource.Revisit : RatingSource.Reporter, source.Value);
        Assert.Equal(byRevisit, form.Title is not null);
        Assert.Equal(byRevisit, form.Hint is not null);
    }

    [Fact]
    public async Task FormFor_PartProgress_OffersTheSignedPart_TakesPhotos_AndNamesThemInItsRequest()
    {
        var detail = await CrossAgencyCaseInProgressAsync();
        var signed = detail.Parts.Single(p => p.Role == PartRole.CoHandler && p.IsSigned);
        var form = await CatalogFor(app.Factory.Services, System).FormForAsync(CaseCommand.AddPartProgress, detail);
        Guid[] photos = [Guid.NewGuid()];

        var unit = (ChoiceField)form.Fields[0];
        Assert.Equal([signed.UnitName], unit.Choices.Select(c => c.Text));
        foreach (var field in form.Fields) Answer(field);
        var request = Assert.IsType<AddPartProgress>(await form.BuildAsync(photos, CancellationToken.None));

        Assert.True(form.TakesPhotos);
        Assert.Equal((signed.UnitId, photos), (request.UnitId!.Value, request.PhotoIds));
    }

    [Fact]
    public async Task FormFor_AnythingElse_TakesNoPhotos()
    {
        var detail = await CrossAgencyCaseInProgressAsync();
        var catalog = CatalogFor(app.Factory.Services, System);

        foreach (var command in Enum.GetValues<CaseCommand>().Except([CaseCommand.AddProgress, CaseCommand.ReportDone, CaseCommand.AddPartProgress]))
            Assert.False((await catalog.FormForAsync(command, detail)).TakesPhotos, $"{command}");
    }

    [Fact]
    public async Task FormFor_ApprovingAPostponement_OffersTheRequestedDate_AndSendsOnlyAChangedOne()
    {
        var signed = await CrossAgencyCaseInProgressAsync();
        var requested = signed.Deadlines.HandlingDeadlineUtc!.Value.AddHours(24);
        requested = new DateTime(requested.Year, requested.Month, requested.Day, requested.Hour, requested.Minute, 0, DateTimeKind.Utc);
        var service = app.Factory.Services.GetRequiredService<CaseService>();
        await service.ExecuteAsync(signed.Id, new RequestPostponement("等待配件", requested), System);
        var detail = (await Queries.DetailAsync(System, signed.Id))!;
        var catalog = CatalogFor(app.Factory.Services, System);

        var asked = await catalog.FormForAsync(CaseCommand.ApproveRequest, detail);
        var date = Assert.IsType<DateTimeField>(asked.Fields[0]);
        Assert.Equal(requested, date.Utc);
        var unchanged = Assert.IsType<ApproveRequest>(await asked.BuildAsync([], CancellationToken.None));
        date.Time -= TimeSpan.FromHours(6);
        var shortened = Assert.IsType<ApproveRequest>(await asked.BuildAsync([], CancellationToken.None));

        Assert.Null(unchanged.GrantedDeadlineUtc);
        Assert.Equal(requested.AddHours(-6), shortened.GrantedDeadlineUtc);
    }

    [Fact]
    public async Task FormFor_RequestingAPostponement_SaysTheLatestDeadlineAllowed()
    {
        var detail = await CrossAgencyCaseInProgressAsync();
        var catalog = CatalogFor(app.Factory.Services, System);

        var form = await catalog.FormForAsync(CaseCommand.RequestPostponement, detail);

        Assert.NotNull(detail.Deadlines.LatestPostponementUtc);
        Assert.Contains(ChinaTimeText.Format(detail.Deadlines.LatestPostponementUtc), form.Hint, StringComparison.Ordinal);
    }

    private OrganisationDirectory Directory => app.Factory.Services.GetRequiredService<OrganisationDirectory>();
    private CaseQueries Queries => app.Factory.Services.GetRequiredService<CaseQueries>();

    /// <summary>
    /// A district case signed by its lead department with two co-handling departments, and a second report of
    /// the same courtyard and category: every form has something to offer (units, parts, a duplicate, a deadline).
    /// </summary>
    private async Task<CaseDetail> CrossAgencyCaseInProgressAsync()
    {
        var service = app.Factory.Services.GetRequiredService<CaseService>();
        ReportCaseRequest Report(string description) => new(Channel.Hotline, "0101", Domain.Categories.Urgency.Normal, new CourtyardId(1), null, description);
        var id = (await service.ReportAsync(Report("道路塌陷，燃气管线外露"), System)).Id;
        await service.ReportAsync(Report("路面塌了一个坑"), System);
        await service.ExecuteAsync(id, new AcceptCase(HandlingLevel.District), System);
        var departments = Directory.Units.Where(u => u.Kind == UnitKind.DistrictDepartment).Take(3).Select(u => u.Id).ToArray();
        await service.ExecuteAsync(id, new DispatchCase(departments[0], departments[1..]), System);
        await service.ExecuteAsync(id, new SignCase(), System);
        // One co-handler has signed its part and one has not, so each part command has a part to act on.
        await service.ExecuteAsync(id, new SignPart(departments[1]), System);
        return (await Queries.DetailAsync(System, id))!;
    }

    /// <summary>Answers a question as a user would: some text, the first option, a later deadline.</summary>
    private static void Answer(FormField field)
    {
        switch (field)
        {
            case TextField text:
                text.Value = "已核实";
                break;
            case ChoiceField choice:
                choice.SelectedKey = choice.Choices[0].Key;
                break;
            case MultiChoiceField multi:
                multi.SelectedKeys = [multi.Choices[^1].Key];
                break;
            case DateTimeField moment:
                moment.Date ??= DateTime.Today.AddDays(3);
                moment.Time ??= TimeSpan.FromHours(10);
                break;
        }
    }

    /// <summary>Whether the request has anything of its own to say beyond the command itself (签收, 自动结案 have not).</summary>
    private static bool CarriesSomething(Type requestType) =>
        requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Length > 0;
}
