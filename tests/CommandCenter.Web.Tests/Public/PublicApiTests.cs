using CommandCenter.Domain.Policies;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Archive;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CommandCenter.Web.Tests.Public;

/// <summary>One app for the public API tests, with room for many submissions from the test's one address.</summary>
public sealed class PublicApiApp : IAsyncLifetime
{
    public CommandCenterFactory Factory { get; } = new() { Settings = new Dictionary<string, string> { ["PublicLimits:SubmissionsPerTenMinutes"] = "1000" } };
    public HttpClient Http { get; private set; } = null!;

    public Task InitializeAsync()
    {
        Http = Factory.CreateClient();
        Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The residents' API with good and hostile input: every refusal is a clear 4xx and leaves stored data exactly as it was.</summary>
public sealed class PublicApiTests(PublicApiApp app) : IClassFixture<PublicApiApp>
{
    private const string Courtyard = "CT0001";

    public static TheoryData<string, string, string> HostileText() => new()
    {
        { "description", "<script>alert(1)</script>垃圾没人清", "Markup" },
        { "description", "<img src=x onerror=alert(1)>", "Markup" },
        { "description", "点这里 javascript:alert(1) 看看", "Markup" },
        { "description", new string('长', CaseDescription.MaxLength + 1), "TooLong" },
        { "description", "短", "TooShort" },
        { "description", "楼道有杂物\u0000\u0007堆着", "ControlCharacters" },
        // A lone surrogate cannot cross the wire as UTF-8: it arrives as U+FFFD.
        { "description", "楼道有杂物\uD800堆着", "WrongEncoding" },
        { "description", "Ã¦Â¥Â¼é\uFFFD\uFFFD杂物", "WrongEncoding" },
        { "name", "张三<script>", "Markup" },
        { "name", new string('名', ReporterName.MaxLength + 1), "TooLong" },
        { "phone", "138-0000-000x", "InvalidPhone" },
        { "phone", new string('1', 40), "InvalidPhone" },
    };

    [Theory]
    [MemberData(nameof(HostileText))]
    public async Task HostileText_IsRefusedWithItsCode_AndNothingIsStored(string field, string value, string code)
    {
        var before = await StoredAsync();
        var fields = new Dictionary<string, string> { ["courtyardCode"] = Courtyard, ["categoryCode"] = "0101", ["description"] = "楼道里堆满了杂物" };
        fields[field] = value;

        using var response = await app.Http.PostAsync("/api/public/reports", Form(fields));

        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(before, await StoredAsync());
    }

    /// <summary>One rule per field, whichever door the text comes through: the staff API's field name, the residents' form's, the text.</summary>
    public static TheoryData<string, string, string, string> OneRuleForBothDoors() => new()
    {
        { "description", "description", new string('长', CaseDescription.MaxLength + 1), "TooLong" },
        { "description", "description", "漏", "TooShort" },
        { "description", "description", "楼道有杂物\u0007堆着", "ControlCharacters" },
        { "reporterName", "name", new string('名', ReporterName.MaxLength + 1), "TooLong" },
        { "reporterPhone", "phone", "138-0000-000x", "InvalidPhone" },
        { "reporterPhone", "phone", "67891234", "InvalidPhone" },
    };

    [Theory]
    [MemberData(nameof(OneRuleForBothDoors))]
    public async Task SameText_IsRefusedByTheStaffApiAndTheResidentsForm_WithTheSameCode(string apiField, string formField, string value, string code)
    {
        var before = await StoredAsync();
        var body = new Dictionary<string, object> { ["channel"] = "Hotline", ["categoryCode"] = "0101", ["urgency"] = "Normal", ["courtyardId"] = 1, ["description"] = "楼道里堆满了杂物" };
        body[apiField] = value;
        var fields = Valid();
        fields[formField] = value;
        using var staff = app.Factory.ClientAs("dispatcher");
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        using var viaApi = await staff.PostAsJsonAsync("/api/cases", body);
        using var viaForm = await app.Http.PostAsync("/api/public/reports", Form(fields));

        var api = await AssertRefusedAsync(viaApi, HttpStatusCode.UnprocessableEntity, code);
        var form = await AssertRefusedAsync(viaForm, HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal((apiField, formField), (api.GetProperty("field").GetString(), form.GetProperty("field").GetString()));
        if (apiField == formField) Assert.Equal(api.GetProperty("detail").GetString(), form.GetProperty("detail").GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task TextAtTheLimits_IsAcceptedByTheResidentsFormAsByTheStaffApi()
    {
        var fields = Valid();
        fields["description"] = new string('长', CaseDescription.MaxLength);
        fields["name"] = new string('名', ReporterName.MaxLength);
        fields["phone"] = "+86 23 6789 1234";

        using var response = await app.Http.PostAsync("/api/public/reports", Form(fields));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        var stored = await db.Cases.SingleAsync(c => c.Number == number);
        Assert.Equal((CaseDescription.MaxLength, ReporterName.MaxLength, "02367891234"), (stored.Description.Length, stored.ReporterName!.Length, stored.ReporterPhone));
    }

    public static TheoryData<string, string, string> HostilePhotos() => new()
    {
        { "script.jpg", "NotAnImage", "text" },
        { "photo.jpg", "TooLarge", "oversize" },
        { "IMG_0001.HEIC", "UnsupportedHeic", "heic" },
        { "bomb.png", "TooManyPixels", "bomb" },
        { "broken.jpg", "Corrupt", "truncated" },
    };

    [Theory]
    [MemberData(nameof(HostilePhotos))]
    public async Task HostilePhoto_IsRefusedWithASentence_AndNothingIsStored(string fileName, string refusal, string kind)
    {
        var before = await StoredAsync();

        using var response = await app.Http.PostAsync("/api/public/reports", Form(Valid(), (fileName, Photos.Of(kind))));

        var problem = await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "Photo");
        Assert.Equal(refusal, problem.GetProperty("photo").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task FourPhotos_AreRefused()
    {
        var before = await StoredAsync();
        var photo = Photos.Of("jpeg");

        using var response = await app.Http.PostAsync("/api/public/reports", Form(Valid(), ("1.jpg", photo), ("2.jpg", photo), ("3.jpg", photo), ("4.jpg", photo)));

        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, "TooManyPhotos");
        Assert.Equal(before, await StoredAsync());
    }

    [Theory]
    [InlineData("XX0001", "0101", "UnknownCourtyard")]
    [InlineData("CT99999", "0101", "UnknownCourtyard")]
    [InlineData("CT0001", "01", "UnknownCategory")]
    [InlineData("CT0001", "9999", "UnknownCategory")]
    public async Task UnknownCourtyardOrCategory_IsRefused(string courtyard, string category, string code)
    {
        var before = await StoredAsync();

        using var response = await app.Http.PostAsync("/api/public/reports",
            Form(new Dictionary<string, string> { ["courtyardCode"] = courtyard, ["categoryCode"] = category, ["description"] = "楼道里堆满了杂物" }));

        await AssertRefusedAsync(response, HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task JsonInsteadOfAForm_Is415()
    {
        using var response = await app.Http.PostAsJsonAsync("/api/public/reports", new { courtyardCode = Courtyard });

        await AssertRefusedAsync(response, HttpStatusCode.UnsupportedMediaType, "NotAForm");
    }

    [Fact]
    public async Task GoodReport_GivesATrackingCode_AndThePublicViewHidesPersonalData()
    {
        var fields = Valid();
        fields["name"] = "王秀英";
        fields["phone"] = "13812345678";

        using var response = await app.Http.PostAsync("/api/public/reports", Form(fields, ("IMG_2041.png", Photos.Of("png"))));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var code = receipt.GetProperty("trackingCode").GetString()!;
        var tracked = await app.Http.GetStringAsync($"/api/public/track/{code}");
        Assert.DoesNotContain("王秀英", tracked);
        Assert.DoesNotContain("13812345678", tracked);
        Assert.DoesNotContain("5678", tracked);
        var view = JsonDocument.Parse(tracked).RootElement;
        Assert.Equal("Reported", view.GetProperty("steps")[0].GetProperty("type").GetString());
        var photo = await app.Http.GetByteArrayAsync(view.GetProperty("photoPaths")[0].GetString());
        Assert.Equal([0xFF, 0xD8, 0xFF], photo[..3]);
        using var decoded = SKBitmap.Decode(photo);
        Assert.Equal(1600, Math.Max(decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task APhoto_OpensWithItsTrackingCode_OrForStaffWhoSeeTheCase_AndForNobodyElse()
    {
        using var response = await app.Http.PostAsync("/api/public/reports", Form(Valid(), ("IMG_2042.jpg", Photos.Of("jpeg"))));
        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        var withCode = (await app.Http.GetFromJsonAsync<JsonElement>($"/api/public/track/{code}")).GetProperty("photoPaths")[0].GetString()!;
        var bare = withCode[..withCode.IndexOf('?')];
        using var other = await app.Http.PostAsync("/api/public/reports", Form(Valid()));
        var otherCode = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        var courtyardOne = app.Factory.Services.GetRequiredService<Infrastructure.Organisation.OrganisationDirectory>().Courtyard(new Domain.Organisation.CourtyardId(1))!;
        var outsider = app.Factory.Services.GetRequiredService<Infrastructure.Organisation.OrganisationDirectory>().Staff
            .First(s => s.Role == Domain.Access.AccessRole.CommunityStaff && s.CommunityId != courtyardOne.CommunityId);

        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync(withCode)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync(bare)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync($"{bare}?t={otherCode}")).StatusCode);
        using var dispatcher = app.Factory.ClientAs("dispatcher");
        Assert.Equal(HttpStatusCode.OK, (await dispatcher.GetAsync(bare)).StatusCode);
        var outsiderToken = await app.Factory.Services.GetRequiredService<Infrastructure.Access.AccessTokenService>()
            .CreateStaffAsync("outsider", outsider.Id, Domain.Access.Post.System(ActSource.Console));
        using var elsewhere = app.Factory.CreateClient().WithToken(outsiderToken.Secret);
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync(bare)).StatusCode);
    }

    [Fact]
    public async Task SecondReportOfTheSameProblem_IsOfferedTheFirstToFollow()
    {
        using var first = await app.Http.PostAsync("/api/public/reports", Form(Valid("0301")));
        var firstReceipt = await first.Content.ReadFromJsonAsync<JsonElement>();
        var firstNumber = firstReceipt.GetProperty("number").GetString();

        using var second = await app.Http.PostAsync("/api/public/reports", Form(Valid("0301")));

        var similar = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("similar").EnumerateArray().ToList();
        var offered = Assert.Single(similar, s => s.GetProperty("number").GetString() == firstNumber);
        var followerCode = offered.GetProperty("trackingCode").GetString();
        Assert.NotEqual(firstReceipt.GetProperty("trackingCode").GetString(), followerCode);
        var followed = await app.Http.GetFromJsonAsync<JsonElement>($"/api/public/track/{followerCode}");
        Assert.Equal(firstNumber, followed.GetProperty("number").GetString());
        // Following is not being the reporter: no rating, no photos.
        Assert.False(followed.GetProperty("canRate").GetBoolean());
        using var rating = await app.Http.PostAsJsonAsync($"/api/public/track/{followerCode}/rating", new { rating = "Unsatisfied" });
        Assert.Equal("NotTheReporter", (await ApiClient.ProblemAsync(rating)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task MergedReport_ItsReporterFollowsTheCaseItWasMergedInto_AndMayRateIt()
    {
        var (firstNumber, _) = await PublicReportAsync("0302");
        var (secondNumber, secondCode) = await PublicReportAsync("0302");
        var cases = app.Factory.Services.GetRequiredService<Infrastructure.Cases.CaseService>();
        var queries = app.Factory.Services.GetRequiredService<Infrastructure.Cases.CaseQueries>();
        var desk = Post.System(ActSource.Console);
        var first = (await queries.FindByNumberAsync(desk, firstNumber))!.Value;
        var second = (await queries.FindByNumberAsync(desk, secondNumber))!.Value;
        await cases.ExecuteAsync(second, new Infrastructure.Cases.MergeCase(first), desk);
        await cases.ExecuteAsync(first, new Infrastructure.Cases.AcceptCase(), desk);
        var unit = app.Factory.Services.GetRequiredService<Infrastructure.Organisation.OrganisationDirectory>()
            .UnitsServing(Domain.Organisation.HandlingLevel.Courtyard, (await queries.DetailAsync(desk, first))!.Place.CourtyardId).First().Id;
        await cases.ExecuteAsync(first, new Infrastructure.Cases.DispatchCase(unit), desk);
        await cases.ExecuteAsync(first, new Infrastructure.Cases.SignCase(), desk);
        await cases.ExecuteAsync(first, new Infrastructure.Cases.ReportDone("路灯已修好"), desk);
        await cases.ExecuteAsync(first, new Infrastructure.Cases.VerifyCase(true), desk);

        var followed = await app.Http.GetFromJsonAsync<JsonElement>($"/api/public/track/{secondCode}");

        Assert.Equal((secondNumber, firstNumber, "PendingEvaluation", true),
            (followed.GetProperty("number").GetString(), followed.GetProperty("mergedIntoNumber").GetString(),
             followed.GetProperty("state").GetString(), followed.GetProperty("canRate").GetBoolean()));
        Assert.Equal(["Reported", "MergedInto", "Accepted", "Dispatched", "Signed", "ReportedDone", "VerificationPassed"],
            followed.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("type").GetString()));
        using var rating = await app.Http.PostAsJsonAsync($"/api/public/track/{secondCode}/rating", new { rating = "Satisfied" });
        Assert.Equal(HttpStatusCode.NoContent, rating.StatusCode);
        var rated = (await queries.DetailAsync(desk, first))!;
        Assert.Equal((CaseState.Closed, Rating.Satisfied), (rated.State, rated.Rating!.Rating));
    }

    [Fact]
    public async Task ClosedByALeadersDecision_TheReporterReadsWhy()
    {
        var (number, code) = await PublicReportAsync("0303");
        var (cases, desk) = (Cases, Desk);
        var id = await SignedAtCourtyardAsync(number);
        for (var round = 0; round <= StreetRules.DefaultUnsatisfiedReopenings; round++)
        {
            await cases.ExecuteAsync(id, new Infrastructure.Cases.ReportDone("井盖已更换"), desk);
            await cases.ExecuteAsync(id, new Infrastructure.Cases.VerifyCase(true), desk);
            using var unsatisfied = await app.Http.PostAsJsonAsync($"/api/public/track/{code}/rating", new { rating = "Unsatisfied" });
            Assert.Equal(HttpStatusCode.NoContent, unsatisfied.StatusCode);
        }
        const string Why = "已三次更换井盖，异响来自地下管线，已转区水务局另行立项";
        await cases.ExecuteAsync(id, new Infrastructure.Cases.DecideCloseCase(Why), desk);

        var view = await app.Http.GetFromJsonAsync<JsonElement>($"/api/public/track/{code}");

        var last = view.GetProperty("steps").EnumerateArray().Last();
        Assert.Equal(("Closed", "Unsatisfied", "ClosedByDecision", Why),
            (view.GetProperty("state").GetString(), view.GetProperty("rating").GetString(), last.GetProperty("type").GetString(), last.GetProperty("note").GetString()));
        Assert.All(view.GetProperty("steps").EnumerateArray().SkipLast(1), step => Assert.Equal(JsonValueKind.Null, step.GetProperty("note").ValueKind));
    }

    [Fact]
    public async Task DoneCase_TheReporterReadsWhatWasDoneAndOpensTheAfterPhoto_AFollowerReadsItWithoutPhotos()
    {
        var (number, code) = await PublicReportAsync("0304");
        using var second = await app.Http.PostAsync("/api/public/reports", Form(Valid("0304")));
        var followerCode = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("similar").EnumerateArray()
            .Single(s => s.GetProperty("number").GetString() == number).GetProperty("trackingCode").GetString();
        var (cases, desk) = (Cases, Desk);
        var id = await SignedAtCourtyardAsync(number);
        Assert.Equal(JsonValueKind.Null, (await app.Http.GetFromJsonAsync<JsonElement>($"/api/public/track/{code}")).GetProperty("result").ValueKind);

        var batch = await app.Factory.Services.GetRequiredService<Infrastructure.Images.PhotoStore>()
            .PrepareAsync([new Infrastructure.PublicReporting.UploadedPhoto(new MemoryStream(Photos.Of("jpeg")), "after.jpg")]);
        var enclosures = new Infrastructure.Cases.CaseEnclosures(batch.Photos);
        await cases.ExecuteAsync(id, new Infrastructure.Cases.ReportDone("消防栓已更换并试水", enclosures.PhotoIds), desk, enclosures);

        var result = (await app.Http.GetFromJsonAsync<JsonElement>($"/api/public/track/{code}")).GetProperty("result");
        Assert.Equal("消防栓已更换并试水", result.GetProperty("text").GetString());
        var photo = Assert.Single(result.GetProperty("photoPaths").EnumerateArray()).GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync(photo)).StatusCode);
        var followed = (await app.Http.GetFromJsonAsync<JsonElement>($"/api/public/track/{followerCode}")).GetProperty("result");
        Assert.Equal("消防栓已更换并试水", followed.GetProperty("text").GetString());
        Assert.Empty(followed.GetProperty("photoPaths").EnumerateArray());

        // A rework makes the result stale until the unit reports done again.
        await cases.ExecuteAsync(id, new Infrastructure.Cases.VerifyCase(false, "试水仍漏"), desk);
        Assert.Equal(JsonValueKind.Null, (await app.Http.GetFromJsonAsync<JsonElement>($"/api/public/track/{code}")).GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task Courtyard_ListsTheMostReportedGroupsFirst_AndTheMostReportedProblemsFirstWithinEach()
    {
        var codes = (await app.Http.GetFromJsonAsync<JsonElement>($"/api/public/courtyards/{Courtyard}")).GetProperty("categories")
            .EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
        var counts = await app.Factory.Services.GetRequiredService<Infrastructure.PublicReporting.CategoryUsage>().CountsAsync();

        Assert.NotEmpty(counts);
        var groups = codes.GroupBy(c => c[..2]).Select(g => (Total: g.Sum(c => counts.GetValueOrDefault(c)), Items: g.Select(c => counts.GetValueOrDefault(c)).ToList())).ToList();
        Assert.Equal(groups.Select(g => g.Total).OrderDescending(), groups.Select(g => g.Total));
        Assert.All(groups, g => Assert.Equal(g.Items.OrderDescending(), g.Items));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("ABCDEFGHJKMN")]
    [InlineData("short")]
    [InlineData("'; DROP TABLE Cases; --")]
    public async Task UnknownOrMalformedTrackingCode_Is404(string code)
    {
        using var response = await app.Http.GetAsync($"/api/public/track/{Uri.EscapeDataString(code)}");

        await AssertRefusedAsync(response, HttpStatusCode.NotFound, "NotFound");
    }

    [Fact]
    public async Task RatingBeforeTheCaseIsDone_IsRefused_AndTheCaseIsUnchanged()
    {
        using var report = await app.Http.PostAsync("/api/public/reports", Form(Valid()));
        var code = (await report.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString();
        var before = await app.Http.GetStringAsync($"/api/public/track/{code}");

        using var response = await app.Http.PostAsJsonAsync($"/api/public/track/{code}/rating", new { rating = "Satisfied" });

        await AssertRefusedAsync(response, HttpStatusCode.Conflict, null);
        Assert.Equal(before, await app.Http.GetStringAsync($"/api/public/track/{code}"));
    }

    [Fact]
    public async Task AFacilityOfTheCourtyard_IsOfferedAndNamedByTheResidentsReport()
    {
        var courtyard = CourtyardCode.Find(Courtyard, Directory)!;
        var lift = await Lists.AddFacilityAsync(Desk, courtyard.Id, new FacilityInput(FacilityKind.Lift, 1, "扫码2栋电梯"));
        await Lists.AddFacilityAsync(Desk, courtyard.Id, new FacilityInput(FacilityKind.Camera, 1, "扫码门口监控"));
        var offered = await app.Http.GetFromJsonAsync<JsonElement>($"/api/public/courtyards/{Courtyard}");
        Assert.Contains(offered.GetProperty("facilities").EnumerateArray(),
            f => f.GetProperty("id").GetInt64() == lift && f.GetProperty("place").GetString() == "扫码2栋电梯");
        // Where the street's cameras stand is not for the public.
        Assert.DoesNotContain(offered.GetProperty("facilities").EnumerateArray(), f => f.GetProperty("kind").GetString() == nameof(FacilityKind.Camera));
        var fields = Valid();
        fields["facilityId"] = lift.ToString(CultureInfo.InvariantCulture);

        using var response = await app.Http.PostAsync("/api/public/reports", Form(fields));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        Assert.Equal(new FacilityId(lift), (await db.Cases.SingleAsync(c => c.Number == number)).FacilityId);
    }

    /// <summary>The staff API's codes for the same facilityId (<see cref="Api.CaseFacilityApiTests"/>).</summary>
    [Theory]
    [InlineData("unknown", HttpStatusCode.UnprocessableEntity, "UnknownReference")]
    [InlineData("retired", HttpStatusCode.UnprocessableEntity, "ReportedFacilityRetired")]
    [InlineData("otherCourtyard", HttpStatusCode.UnprocessableEntity, "FacilityNotInCourtyard")]
    [InlineData("camera", HttpStatusCode.UnprocessableEntity, "FacilityNotForResidents")]
    [InlineData("notANumber", HttpStatusCode.BadRequest, "UnreadableBody")]
    public async Task AFacilityTheReportMayNotName_IsRefusedWithItsCode_AndNothingIsStored(string which, HttpStatusCode status, string code)
    {
        var courtyard = CourtyardCode.Find(Courtyard, Directory)!;
        var facilityId = which switch
        {
            "unknown" => "987654321",
            "retired" => (await RetiredAsync(courtyard.Id)).ToString(CultureInfo.InvariantCulture),
            "otherCourtyard" => (await Lists.AddFacilityAsync(Desk, Directory.Courtyards.First(c => c.Id != courtyard.Id).Id,
                new FacilityInput(FacilityKind.Bin, 2, "别院垃圾站"))).ToString(CultureInfo.InvariantCulture),
            "camera" => (await Lists.AddFacilityAsync(Desk, courtyard.Id, new FacilityInput(FacilityKind.Camera, 1, "北门监控"))).ToString(CultureInfo.InvariantCulture),
            _ => "电梯",
        };
        var before = await StoredAsync();
        var fields = Valid();
        fields["facilityId"] = facilityId;

        using var response = await app.Http.PostAsync("/api/public/reports", Form(fields));

        var problem = await AssertRefusedAsync(response, status, code);
        Assert.Equal("facilityId", problem.GetProperty("field").GetString());
        Assert.Equal(before, await StoredAsync());
    }

    private async Task<long> RetiredAsync(Domain.Organisation.CourtyardId courtyard)
    {
        var retired = await Lists.AddFacilityAsync(Desk, courtyard, new FacilityInput(FacilityKind.FireEquipment, 4, "旧消防栓"));
        await Lists.RetireFacilityAsync(Desk, retired);
        return retired;
    }

    private CourtyardLists Lists => app.Factory.Services.GetRequiredService<CourtyardLists>();
    private Infrastructure.Organisation.OrganisationDirectory Directory => app.Factory.Services.GetRequiredService<Infrastructure.Organisation.OrganisationDirectory>();

    private static Dictionary<string, string> Valid(string category = "0101") =>
        new() { ["courtyardCode"] = Courtyard, ["categoryCode"] = category, ["description"] = "楼道里堆满了杂物，请处理" };

    private static MultipartFormDataContent Form(Dictionary<string, string> fields, params (string Name, byte[] Content)[] photos)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in fields) form.Add(new StringContent(value, Encoding.UTF8), key);
        foreach (var (name, content) in photos) form.Add(new ByteArrayContent(content), "photos", name);
        return form;
    }

    private static async Task<JsonElement> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (code is not null) Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.DoesNotContain("   at ", problem.GetProperty("detail").GetString());
        return problem;
    }

    private Infrastructure.Cases.CaseService Cases => app.Factory.Services.GetRequiredService<Infrastructure.Cases.CaseService>();
    private static Post Desk => Post.System(ActSource.Console);

    /// <summary>A resident's report taken in by the desk, dispatched to a unit of its courtyard and signed: its id.</summary>
    private async Task<Guid> SignedAtCourtyardAsync(string number)
    {
        var queries = app.Factory.Services.GetRequiredService<Infrastructure.Cases.CaseQueries>();
        var id = (await queries.FindByNumberAsync(Desk, number))!.Value;
        await Cases.ExecuteAsync(id, new Infrastructure.Cases.AcceptCase(Domain.Organisation.HandlingLevel.Courtyard), Desk);
        var unit = app.Factory.Services.GetRequiredService<Infrastructure.Organisation.OrganisationDirectory>()
            .UnitsServing(Domain.Organisation.HandlingLevel.Courtyard, (await queries.DetailAsync(Desk, id))!.Place.CourtyardId).First().Id;
        await Cases.ExecuteAsync(id, new Infrastructure.Cases.DispatchCase(unit), Desk);
        await Cases.ExecuteAsync(id, new Infrastructure.Cases.SignCase(), Desk);
        return id;
    }

    /// <summary>A resident's report through the public API: its number and the reporter's own tracking code.</summary>
    private async Task<(string Number, string Code)> PublicReportAsync(string category)
    {
        using var response = await app.Http.PostAsync("/api/public/reports", Form(Valid(category)));
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (receipt.GetProperty("number").GetString()!, receipt.GetProperty("trackingCode").GetString()!);
    }

    /// <summary>Cases, timeline events, photos and tracking codes as stored: a refusal must leave all four as they were.</summary>
    private async Task<(int Cases, int Events, int Photos, int Trackings)> StoredAsync()
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<CommandCenterDbContext>>().CreateDbContextAsync();
        // The street's own timers keep working meanwhile (an old demo case's waiting clock may fire): only events people caused count.
        return (await db.Cases.CountAsync(), await db.TimelineEvents.CountAsync(e => e.Source != ActSource.Timer), await db.Photos.CountAsync(), await db.CaseTrackings.CountAsync());
    }
}
