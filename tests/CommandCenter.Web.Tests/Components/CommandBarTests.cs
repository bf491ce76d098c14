using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Components.Controls;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Components;

/// <summary>The command bar offers exactly the commands the case's state and the viewer's post allow, for real cases carried through the pipeline.</summary>
public sealed class CommandBarTests(ApiApp app) : ComponentTest, IClassFixture<ApiApp>
{
    [Fact]
    public async Task Buttons_AlongThePipeline_AreExactlyTheAllowedCommands()
    {
        var service = app.Factory.Services.GetRequiredService<CaseService>();
        var queries = app.Factory.Services.GetRequiredService<CaseQueries>();
        var actor = Post.System(ActSource.Console);
        var id = (await service.ReportAsync(new ReportCaseRequest(Channel.Hotline, "0101", Domain.Categories.Urgency.Normal, new CourtyardId(1), null, "垃圾堆放"), actor)).Id;
        var unit = app.Factory.Services.GetRequiredService<Infrastructure.Organisation.OrganisationDirectory>()
            .UnitsServing(HandlingLevel.Courtyard, courtyardId: new CourtyardId(1)).First().Id;
        CaseCommandRequest[] steps = [new AcceptCase(), new DispatchCase(unit), new SignCase(), new ReportDone("已清运"), new VerifyCase(true), new RateCase(Rating.Satisfied)];

        foreach (var step in steps.Prepend(null))
        {
            if (step is not null) await service.ExecuteAsync(id, step, actor);
            var detail = (await queries.DetailAsync(Post.System(ActSource.Console), id))!;

            var bar = Context.Render<CommandBar>(p => p.Add(b => b.Case, detail));

            var shown = bar.FindAll("[data-command]").Select(b => Enum.Parse<CaseCommand>(b.GetAttribute("data-command")!)).ToList();
            Assert.Equal(detail.AllowedCommands, shown);
            Assert.All(shown, c => Assert.True(CaseLifecycle.StateAllows(detail.State, c), $"{c} shown in {detail.State}"));
        }
    }

    [Fact]
    public async Task Click_ReportsTheCommand_WithItsChineseLabel()
    {
        var service = app.Factory.Services.GetRequiredService<CaseService>();
        var queries = app.Factory.Services.GetRequiredService<CaseQueries>();
        var id = (await service.ReportAsync(new ReportCaseRequest(Channel.Hotline, "0101", Domain.Categories.Urgency.Normal, new CourtyardId(1), null, "垃圾堆放"),
            Post.System(ActSource.Console))).Id;
        var detail = (await queries.DetailAsync(Post.System(ActSource.Console), id))!;
        CaseCommand? clicked = null;

        var bar = Context.Render<CommandBar>(p => p
            .Add(b => b.Case, detail)
            .Add(b => b.OnCommand, EventCallback.Factory.Create<CaseCommand>(this, c => clicked = c)));
        bar.Find("[data-command=Accept]").Click();

        Assert.Equal(CaseCommand.Accept, clicked);
        Assert.Equal("受理", bar.Find("[data-command=Accept]").TextContent.Trim());
    }

    [Fact]
    public async Task APostSeesOnlyTheCommandsItMayRun_ADisplaySeesNone()
    {
        var services = app.Factory.Services;
        var directory = services.GetRequiredService<Infrastructure.Organisation.OrganisationDirectory>();
        var queries = services.GetRequiredService<CaseQueries>();
        var id = (await services.GetRequiredService<CaseService>().ReportAsync(
            new ReportCaseRequest(Channel.Hotline, "0101", Domain.Categories.Urgency.Normal, new CourtyardId(1), null, "垃圾堆放"), Post.System(ActSource.Console))).Id;
        Post PostOf(AccessRole role) => directory.PostOf(directory.Staff.First(s => s.Role == role && (role != AccessRole.GridWorker || s.GridId == directory.Courtyard(new CourtyardId(1))!.GridId)), ActSource.Console);

        string[] Shown(Post post)
        {
            var bar = Context.Render<CommandBar>(p => p.Add(b => b.Case, queries.DetailAsync(post, id).GetAwaiter().GetResult()!));
            return [.. bar.FindAll("[data-command]").Select(b => b.GetAttribute("data-command")!)];
        }

        Assert.Contains("Accept", Shown(PostOf(AccessRole.Dispatcher)));
        Assert.Contains("Supervise", Shown(PostOf(AccessRole.StreetLeader)));
        Assert.DoesNotContain("Accept", Shown(PostOf(AccessRole.StreetLeader)));
        Assert.Empty(Shown(PostOf(AccessRole.GridWorker)));
        Assert.Empty(Shown(Post.Display(1, "wall", null, null)));
    }
}
