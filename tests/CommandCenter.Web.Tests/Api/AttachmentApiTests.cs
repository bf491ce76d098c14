using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Tests.Public;
using CommandCenter.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Api;

/// <summary>A case event holds only photos this system stored, named by id; nothing a caller types becomes a link or an image.</summary>
public sealed class AttachmentApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private ApiClient Api => app.Api;

    [Fact]
    public async Task UploadedPhoto_AttachedByItsId_IsRecordedAtItsOwnAddress()
    {
        var property = PropertyClient();
        var id = await SignedCaseAsync();

        var uploaded = await UploadAsync(property, Photos.Of("jpeg"), "IMG_0001.jpg");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var photo = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        var photoId = photo.GetProperty("id").GetGuid();
        Assert.Equal($"/photos/{photoId:N}", photo.GetProperty("path").GetString());

        var progressed = await property.CommandAsync(id, "progress", new { note = "已清走一半", photoIds = new[] { photoId } });

        var attachment = Assert.Single(progressed.Timeline[^1].Attachments);
        Assert.Equal(($"/photos/{photoId:N}", "image/jpeg"), (attachment.Path, attachment.ContentType));
        Assert.Equal(HttpStatusCode.OK, (await property.Http.GetAsync(attachment.Path)).StatusCode);
        var twice = await property.PostAsync(id, "progress", new { note = "同一张照片两次", photoIds = new[] { photoId, photoId } });
        Assert.Equal("DuplicatePhoto", (await ApiClient.ProblemAsync(twice)).GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("progress", "note")]
    [InlineData("done", "result")]
    public async Task UnknownPhotoId_Is422NamingPhotoIds_AndChangesNothing(string command, string textField)
    {
        var id = await SignedCaseAsync();
        var before = await Api.GetAsync(id);

        var response = await Api.PostAsync(id, command, new Dictionary<string, object> { [textField] = "已处理", ["photoIds"] = new[] { Guid.NewGuid() } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(("PhotoNotStored", "photoIds"), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equivalent(before, await Api.GetAsync(id), strict: true);
    }

    [Fact]
    public async Task AnotherCasesPhoto_Is422_AndStaysWithItsCase()
    {
        var property = PropertyClient();
        var first = await SignedCaseAsync();
        var second = await SignedCaseAsync();
        var photoId = (await (await UploadAsync(property, Photos.Of("jpeg"), "a.jpg")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await property.CommandAsync(first, "progress", new { note = "第一处", photoIds = new[] { photoId } });
        var before = await Api.GetAsync(second);

        var response = await property.PostAsync(second, "progress", new { note = "借用别的工单的照片", photoIds = new[] { photoId } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("photoIds", (await ApiClient.ProblemAsync(response)).GetProperty("field").GetString());
        Assert.Equivalent(before, await Api.GetAsync(second), strict: true);
    }

    /// <summary>The old shape — attachments typed by the caller, null or pointing anywhere — is refused, not stored and not ignored.</summary>
    [Theory]
    [InlineData("""{"note":"n","attachments":[{"fileName":null,"contentType":null,"path":null}]}""")]
    [InlineData("""{"note":"n","attachments":[{"fileName":"x.png","contentType":"image/png","path":"javascript:alert(1)"}]}""")]
    [InlineData("""{"note":"n","attachments":[{"fileName":"x.png","contentType":"image/png","path":"http://127.0.0.1:9/x.png"}]}""")]
    public async Task FreeFormAttachments_AreRefused_AndChangeNothing(string json)
    {
        var id = await SignedCaseAsync();
        var before = await Api.GetAsync(id);

        var response = await Api.Http.PostAsync($"/api/cases/{id}/progress", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await ApiClient.ProblemAsync(response);
        Assert.Equivalent(before, await Api.GetAsync(id), strict: true);
    }

    [Fact]
    public async Task UploadThatIsNoPhoto_Is422NamingIt()
    {
        var response = await UploadAsync(PropertyClient(), Photos.Of("text"), "x.jpg");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiClient.ProblemAsync(response);
        Assert.Equal(("photo", "NotAnImage"), (problem.GetProperty("field").GetString(), problem.GetProperty("photo").GetString()));
    }

    [Fact]
    public async Task ApiIntake_AttachesTheSendersUploads_OnceOnly()
    {
        var courtyardId = ServedCourtyard();
        var property = PropertyClient();
        var photoId = await UploadedIdAsync(property, "before.jpg");

        var reported = await property.ReportAsync(new
        {
            channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId, description = "井盖松动", photoIds = new[] { photoId },
        });

        var attachment = Assert.Single(reported.Timeline[0].Attachments);
        Assert.Equal(($"/photos/{photoId:N}", "image/jpeg"), (attachment.Path, attachment.ContentType));
        Assert.Equal(HttpStatusCode.OK, (await PropertyClient().Http.GetAsync(attachment.Path)).StatusCode);
        var again = await property.Http.PostAsJsonAsync("/api/cases", new
        {
            channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId, description = "同一张照片再报一次", photoIds = new[] { photoId },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Equal(("PhotoNotStored", "photoIds"), Problem(await ApiClient.ProblemAsync(again)));
    }

    /// <summary>An upload that belongs to no case yet is its uploader's: others neither see it nor attach it, to a report or a command.</summary>
    [Fact]
    public async Task AnotherStaffMembersUpload_CannotBeOpenedOrAttached_AndNothingIsStored()
    {
        // The grid worker uploads; the property company holding the case tries to use it.
        var grid = new ApiClient(app.Factory.ClientAs("grid"));
        var property = PropertyClient();
        var photoId = await UploadedIdAsync(grid, "mine.jpg");
        var id = await SignedCaseAsync();
        var before = await property.GetAsync(id);
        var casesBefore = await CaseCountAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await property.Http.GetAsync($"/photos/{photoId:N}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grid.Http.GetAsync($"/photos/{photoId:N}")).StatusCode);
        var report = await property.Http.PostAsJsonAsync("/api/cases", new
        {
            channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = ServedCourtyard(), description = "借用别人上传的照片", photoIds = new[] { photoId },
        });
        var command = await property.PostAsync(id, "progress", new { note = "借用别人上传的照片", photoIds = new[] { photoId } });

        Assert.Equal(("PhotoNotStored", "photoIds"), Problem(await ApiClient.ProblemAsync(report)));
        Assert.Equal(("PhotoNotStored", "photoIds"), Problem(await ApiClient.ProblemAsync(command)));
        Assert.Equal(casesBefore, await CaseCountAsync());
        Assert.Equivalent(before, await property.GetAsync(id), strict: true);
        var ownId = await UploadedIdAsync(property, "own.jpg");
        var own = await property.CommandAsync(id, "progress", new { note = "自己的照片", photoIds = new[] { ownId } });
        Assert.Equal($"/photos/{ownId:N}", Assert.Single(own.Timeline[^1].Attachments).Path);
    }

    [Fact]
    public async Task UnattachedUploads_AreRemovedADayLater_ByTheNextUpload()
    {
        var contexts = app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>();
        var stale = new StoredPhoto
        {
            Id = Guid.NewGuid(), Content = Photos.Of("jpeg"), ContentType = "image/jpeg", Sha256 = new string('0', 64),
            StoredAtUtc = DateTime.UtcNow - StaffPhotos.UnattachedKeptFor - TimeSpan.FromMinutes(1),
        };
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.Photos.Add(stale);
            await db.SaveChangesAsync();
        }

        var fresh = await UploadedIdAsync(PropertyClient(), "fresh.jpg");

        await using var check = await contexts.CreateDbContextAsync();
        Assert.False(await check.Photos.AnyAsync(p => p.Id == stale.Id));
        Assert.True(await check.Photos.AnyAsync(p => p.Id == fresh));
    }

    private static (string?, string?) Problem(JsonElement problem) => (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString());

    private async Task<int> CaseCountAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        return await db.Cases.CountAsync();
    }

    private CourtyardId ServedCourtyard()
    {
        var directory = app.Factory.Services.GetRequiredService<OrganisationDirectory>();
        return directory.Unit(Infrastructure.Access.DemoAccounts.StaffOf("property", directory.Staff)!.UnitId!.Value)!.ServedCourtyardIds[0];
    }

    private static async Task<Guid> UploadedIdAsync(ApiClient client, string fileName)
    {
        var uploaded = await UploadAsync(client, Photos.Of("jpeg"), fileName);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        return (await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private ApiClient PropertyClient() => new(app.Factory.ClientAs("property"));

    /// <summary>A case signed by the demo property company, in a courtyard it serves.</summary>
    private async Task<Guid> SignedCaseAsync()
    {
        var directory = app.Factory.Services.GetRequiredService<OrganisationDirectory>();
        var company = directory.Unit(Infrastructure.Access.DemoAccounts.StaffOf("property", directory.Staff)!.UnitId!.Value)!;
        var created = await Api.ReportAsync(new
        {
            channel = "Hotline", categoryCode = "0101", urgency = "Normal", courtyardId = company.ServedCourtyardIds[0], description = "楼道堆放杂物",
        });
        await Api.CommandAsync(created.Id, "accept", new { level = HandlingLevel.Courtyard.ToString() });
        await Api.CommandAsync(created.Id, "dispatch", new { unitId = company.Id });
        await PropertyClient().CommandAsync(created.Id, "sign");
        return created.Id;
    }

    private static Task<HttpResponseMessage> UploadAsync(ApiClient client, byte[] content, string fileName)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "photo", fileName);
        return client.Http.PostAsync("/api/photos", form);
    }
}
