using System.Net;
using Bunit;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Components.Pages.Admin;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static CommandCenter.Web.Tests.Admin.AuditPageDriver;

namespace CommandCenter.Web.Tests.Admin;

/// <summary>
/// A person with two posts acts as one at a time (docs/decisions/0016): the audit log finds the acts done as either post,
/// on the page by the post's name and through the API by its number, and refuses a post asked for without its person or
/// one they never held.
/// </summary>
public sealed class AuditPostFilterTests(ApiApp app) : AdminTest(app.Factory), IClassFixture<ApiApp>
{
    [Fact]
    public async Task AuditApi_FilterByPost_ListsOnlyTheActsDoneAsThatPost()
    {
        var (person, _) = await TwoPostsAsync();
        var api = new ApiClient(app.Factory.ClientAs("admin"));

        var asFirst = await api.GetAsync<PagedResult<AuditRecord>>($"/api/admin/audit?staffId={person.Id}&postNumber=1");
        var asSecond = await api.GetAsync<PagedResult<AuditRecord>>($"/api/admin/audit?staffId={person.Id}&postNumber=2");

        // Written: two sign-ins as the first post, one 岗位切换 as the second.
        Assert.Equal(2, asFirst.TotalCount);
        Assert.All(asFirst.Items, e => Assert.Equal((person.Id, 1, AuditActions.SignedIn), (e.StaffId!.Value, e.PostNumber!.Value, e.Action)));
        Assert.Equal((person.Id, 2, AuditActions.PostChosen), (Assert.Single(asSecond.Items).StaffId!.Value, asSecond.Items[0].PostNumber!.Value, asSecond.Items[0].Action));
    }

    [Fact]
    public async Task AuditApi_BadPostFilter_IsRefusedWithItsCode_NeverA500()
    {
        var (person, _) = await TwoPostsAsync();
        using var admin = app.Factory.ClientAs("admin");

        foreach (var (query, status, code, field) in new (string, HttpStatusCode, string, string?)[]
        {
            ("postNumber=2", HttpStatusCode.UnprocessableEntity, "AuditPostNeedsPerson", "postNumber"),
            ($"staffId={person.Id}&postNumber=3", HttpStatusCode.UnprocessableEntity, "UnknownReference", "postNumber"),
            ($"staffId={person.Id}&postNumber=0", HttpStatusCode.UnprocessableEntity, "UnknownReference", "postNumber"),
            ("staffId=999999&postNumber=1", HttpStatusCode.UnprocessableEntity, "UnknownReference", "staffId"),
            ($"staffId={person.Id}&postNumber=two", HttpStatusCode.BadRequest, "BadRequest", null),
        })
        {
            var response = await admin.GetAsync($"/api/admin/audit?{query}");

            Assert.Equal(status, response.StatusCode);
            var problem = await ApiClient.ProblemAsync(response);
            Assert.Equal(code, problem.GetProperty("code").GetString());
            if (field is not null) Assert.Equal(field, problem.GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task AuditPage_FilterByPost_OffersItByName_AndListsOnlyItsActs()
    {
        var (person, second) = await TwoPostsAsync();
        var page = RenderPage<Audit>();
        var select = Select<PersonsPost?>(page, "post");

        await select.InvokeAsync(select.Instance.OpenMenu);
        var offered = Popovers.FindComponents<MudSelectItem<PersonsPost?>>().Single(i => i.Instance.Value == new PersonsPost(person.Id, 2));
        Assert.Equal($"{person.Name} · 社区工作人员 · {second.Name}", offered.Nodes.Select(n => n.TextContent).Aggregate(string.Concat).Trim());
        await Choose<PersonsPost?>(page, "post", new PersonsPost(person.Id, 2));

        page.WaitForAssertion(() => Assert.Single(Rows(page)));
        var post = Rows(page)[0].QuerySelector("[data-post]")!;
        Assert.Equal(("2", $"社区工作人员 · {second.Name}"), (post.GetAttribute("data-post"), post.TextContent.Trim()));
    }

    [Fact]
    public async Task AuditPage_ALinkNamingAPostBadly_SaysSoInAPlainSentence()
    {
        var (person, _) = await TwoPostsAsync();
        Context.Render<MudPopoverProvider>();

        var navigation = Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/admin/audit?post=2");
        var noPerson = Context.Render<Audit>();
        noPerson.WaitForAssertion(() => Assert.Equal("请同时指定是哪个人的岗位。", noPerson.Find("[data-refusal]").TextContent.Trim()));
        Assert.Empty(Rows(noPerson));

        navigation.NavigateTo($"/admin/audit?staffId={person.Id}&post=3");
        var neverHeld = Context.Render<Audit>();
        neverHeld.WaitForAssertion(() => Assert.Equal("岗位不存在。", neverHeld.Find("[data-refusal]").TextContent.Trim()));
    }

    /// <summary>A new person, community staff in two communities, with two sign-ins in the first post and a choice of the second.</summary>
    private async Task<(Staff Person, Community Second)> TwoPostsAsync()
    {
        var (first, second) = (Directory.Communities.First(), Directory.Communities.Skip(1).First());
        var phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}";
        var added = await People.AddAsync(new NewStaff(Unique("两岗"), phone, AccessRole.CommunityStaff, null, first.Id, null, null, null), System);
        var number = await People.AddPostAsync(added.Id, new NewPost(AccessRole.CommunityStaff, null, second.Id, null, null), System);
        Assert.Equal(2, number);
        var person = Directory.StaffMember(added.Id)!;
        await Log.WriteAsync(Directory.PostOf(person, ActSource.Console, 1), AuditActions.SignedIn);
        await Log.WriteAsync(Directory.PostOf(person, ActSource.Phone, 1), AuditActions.SignedIn);
        await Log.WriteAsync(Directory.PostOf(person, ActSource.Console, 2), AuditActions.PostChosen);
        return (person, second);
    }
}
