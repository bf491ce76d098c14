using System.Net;
using System.Net.Http.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Access;

/// <summary>
/// Every API and hub endpoint × every post, with a case in the post's scope and one outside
/// it. P: the call gets past authorization (any answer but 401, 403 or a scope's 404);
/// U: 401; F: 403; N: 404, the case does not exist for this post. A new endpoint without a
/// row fails the test, so nobody adds one without deciding who may call it.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.App app) : IClassFixture<AuthorizationMatrixTests.App>
{
    public static readonly string[] Callers = ["anon", "admin", "leader", "dispatcher", "community", "grid", "liaison", "property", "microgrid", "display"];

    // Case rows read "in/out". Community staff's in-scope case is their own committee's, which they do not verify or rate.                                   anon admin leader disp  comm  grid  liais prop  micro display
    private static readonly Dictionary<string, string> Matrix = new()
    {
        ["GET /api/cases/"] =                                      "U    P     P      P     P     P     P     P     P     F",
        ["POST /api/cases/"] =                                     "U    P     P      P     P     P     P     P     P     F",
        ["GET /api/cases/duplicates"] =                            "U    P     P      P     P     P     P     P     P     F",
        ["GET /api/cases/{id:guid}"] =                             "U    P/P   P/P    P/P   P/N   P/N   P/N   P/N   P/N   P/P",
        ["GET /api/cases/by-number/{number}"] =                    "U    P/P   P/P    P/P   P/N   P/N   P/N   P/N   P/N   F/F",
        ["POST /api/cases/{id:guid}/reveal"] =                     "U    P/P   F/F    P/P   P/N   P/N   F/F   P/N   P/N   F/F",
        ["POST /api/cases/{id:guid}/accept"] =                     "U    F/F   F/F    P/P   P/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/reject"] =                     "U    F/F   F/F    P/P   P/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/merge"] =                      "U    F/F   F/F    P/P   P/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/dispatch"] =                   "U    F/F   F/F    P/P   P/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/verify"] =                     "U    F/F   F/F    P/P   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/rate"] =                       "U    F/F   F/F    P/P   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/sign"] =                       "U    F/F   F/F    F/F   P/N   P/N   P/N   P/N   P/N   F/F",
        ["POST /api/cases/{id:guid}/return"] =                     "U    F/F   F/F    F/F   P/N   P/N   P/N   P/N   P/N   F/F",
        ["POST /api/cases/{id:guid}/progress"] =                   "U    F/F   F/F    F/F   P/N   P/N   P/N   P/N   P/N   F/F",
        ["POST /api/cases/{id:guid}/done"] =                       "U    F/F   F/F    F/F   P/N   P/N   P/N   P/N   P/N   F/F",
        ["POST /api/cases/{id:guid}/postponement"] =               "U    F/F   F/F    F/F   P/N   P/N   P/N   P/N   P/N   F/F",
        ["POST /api/cases/{id:guid}/deferral"] =                   "U    F/F   F/F    F/F   P/N   P/N   P/N   P/N   P/N   F/F",
        ["POST /api/cases/{id:guid}/escalation-request"] =         "U    F/F   F/F    F/F   P/N   P/N   P/N   P/N   P/N   F/F",
        ["POST /api/cases/{id:guid}/request/approve"] =            "U    F/F   P/P    P/P   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/request/refuse"] =             "U    F/F   P/P    P/P   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/escalate"] =                   "U    F/F   P/P    P/P   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/supervise"] =                  "U    F/F   P/P    P/P   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/auto-close"] =                 "U    F/F   F/F    F/F   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/parts/close"] =                "U    F/F   F/F    P/P   P/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/parts/sign"] =                 "U    F/F   F/F    F/F   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/parts/progress"] =             "U    F/F   F/F    F/F   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/parts/return"] =               "U    F/F   F/F    P/P   P/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/parts/assign"] =               "U    F/F   F/F    P/P   P/N   P/N   P/N   P/N   P/N   F/F",
        ["POST /api/cases/{id:guid}/decide-close"] =               "U    F/F   P/P    F/F   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/supervision/answer"] =         "U    F/F   F/F    F/F   P/N   P/N   P/N   P/N   P/N   F/F",
        ["POST /api/cases/{id:guid}/deferral/resume"] =            "U    F/F   P/P    F/F   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/cases/{id:guid}/deferral/extend"] =            "U    F/F   P/P    F/F   F/N   F/N   F/N   F/N   F/N   F/F",
        ["POST /api/photos"] =                                     "U    F     F      F     P     P     P     P     P     F",
        ["GET /api/departments/{unitId:int}/tickets"] =            "U    P     F      P     F     F     P     F     F     F",
        ["GET /api/reference/categories"] =                        "U    P     P      P     P     P     P     P     P     P",
        ["GET /api/reference/communities"] =                       "U    P     P      P     P     P     P     P     P     P",
        ["GET /api/reference/courtyards"] =                        "U    P     P      P     P     P     P     P     P     P",
        ["GET /api/reference/courtyards/{id:int}/buildings"] =     "U    P     P      P     P     P     P     P     P     P",
        ["GET /api/reference/units"] =                             "U    P     P      P     P     P     P     P     P     P",
        ["GET /api/policies/"] =                                   "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/policies/"] =                                  "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/policies/{id:int}"] =                           "U    P     F      F     F     F     F     F     F     F",
        ["DELETE /api/policies/{id:int}"] =                        "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/policies/street"] =                             "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/policies/street"] =                             "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/calendar/days/"] =                              "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/calendar/days/"] =                             "U    P     F      F     F     F     F     F     F     F",
        ["DELETE /api/calendar/days/{date}"] =                     "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/routing/"] =                                    "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/routing/"] =                                   "U    P     F      F     F     F     F     F     F     F",
        ["DELETE /api/routing/{id:int}"] =                         "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/courtyards/{id:int}/qr.png"] =                  "U    P     F      P     P     F     F     F     F     F",
        ["GET /api/courtyards/{id:int}/qr.svg"] =                  "U    P     F      P     P     F     F     F     F     F",
        ["GET /api/admin/tokens/"] =                               "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/tokens/display"] =                       "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/tokens/staff"] =                         "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/tokens/{id:int}/revoke"] =               "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/staff/"] =                               "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/accounts/{userName}/disable"] =          "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/accounts/{userName}/unlock"] =           "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/accounts/{userName}/reset-password"] =   "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/admin/accounts/"] =                             "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/admin/staff/"] =                                "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/admin/staff/{staffId:int}"] =                   "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/staff/{staffId:int}/posts"] =            "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/staff/{staffId:int}/posts/{number:int}/end"] = "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/admin/units/"] =                                "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/units/"] =                               "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/admin/units/{id:int}"] =                        "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/admin/import/{sheet}/template.xlsx"] =          "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/import/{sheet}/preview"] =               "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/import/{sheet}/"] =                      "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/courtyards/{courtyardId:int}/service"] = "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/admin/categories/"] =                           "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/admin/categories/{code}"] =                     "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/places/streets"] =                       "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/admin/places/streets/{id:int}"] =               "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/places/communities"] =                   "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/admin/places/communities/{id:int}"] =           "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/places/grids"] =                         "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/admin/places/grids/{id:int}"] =                 "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/places/courtyards"] =                    "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/admin/places/courtyards/{id:int}"] =            "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/places/buildings"] =                     "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/admin/places/buildings/{id:int}"] =             "U    P     F      F     F     F     F     F     F     F",
        // One's own password is a person's, signed in with it: no token, whoever it acts as, may change it.
        ["POST /api/account/password"] =                           "U    F     F      F     F     F     F     F     F     F",
        ["GET /api/admin/audit"] =                                 "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/assessment/area"] =                             "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/units"] =                            "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/scores"] =                           "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/honour-roll"] =                      "U    P     P      P     F     F     F     F     F     F",
        ["POST /api/assessment/honour-roll/publish"] =             "U    F     P      F     F     F     F     F     F     F",
        ["GET /api/admin/scoring/{kind}"] =                        "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/admin/scoring/{kind}"] =                        "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/credit/companies"] =                           "U    P     P      P     F     F     F     P     F     F",
        ["GET /api/credit/companies/{unitId:int}"] =              "U    P     P      P     F     F     F     P     F     F",
        ["POST /api/credit/items"] =                              "U    F     P      P     F     F     F     F     F     F",
        ["POST /api/credit/inspections"] =                        "U    F     P      P     F     F     F     F     F     F",
        ["POST /api/credit/companies/{unitId:int}/appeals"] =     "U    F     F      F     F     F     F     P     F     F",
        ["POST /api/credit/companies/{unitId:int}/appeals/{appealId:long}/decision"] = "U F P F F F F F F F",
        ["POST /api/credit/automatic"] =                          "U    F     P      P     F     F     F     F     F     F",
        ["POST /api/credit/publications"] =                       "U    F     P      P     F     F     F     F     F     F",
        ["GET /api/credit/bands"] =                               "U    P     P      P     F     F     F     P     F     F",
        ["PUT /api/credit/bands"] =                               "U    F     P      P     F     F     F     F     F     F",
        ["GET /api/credit/rules"] =                               "U    P     P      P     F     F     F     P     F     F",
        ["PUT /api/credit/rules"] =                               "U    F     P      P     F     F     F     F     F     F",
        ["GET /api/credit/committees"] =                          "U    P     P      P     F     F     F     P     F     F",
        ["POST /api/credit/committees"] =                         "U    F     P      P     F     F     F     F     F     F",
        ["GET /api/archive/courtyards/{courtyardId:int}"] =       "U    P     P      P     P     P     F     P     P     F",
        ["PUT /api/archive/courtyards/{courtyardId:int}/bodies/{body}"] = "U P F F P P F F F F",
        ["PUT /api/archive/courtyards/{courtyardId:int}/facilities"] = "U  P     F      F     P     P     F     P     F     F",
        ["POST /api/archive/courtyards/{courtyardId:int}/facilities"] = "U P   F      F     P     P     F     P     F     F",
        ["PUT /api/archive/facilities/{facilityId:long}"] =       "U    P     F      F     P     P     F     P     F     F",
        ["DELETE /api/archive/facilities/{facilityId:long}"] =    "U    P     F      F     P     P     F     P     F     F",
        ["GET /api/archive/people"] =                             "U    P     P      P     P     P     F     F     F     F",
        ["POST /api/archive/residents/{residentId:int}/reveal"] = "U    P     F      P     P     P     F     P     P     F",
        ["POST /api/archive/people/export.xlsx"] =                "U    P     P      P     P     P     F     F     F     F",
        ["POST /api/archive/people/export.csv"] =                 "U    P     P      P     P     P     F     F     F     F",
        ["POST /api/archive/homes/{homeId:int}/residents"] =      "U    P     F      F     P     P     F     F     F     F",
        ["PUT /api/archive/residents/{residentId:int}"] =         "U    P     F      F     P     P     F     F     F     F",
        ["POST /api/archive/residents/{residentId:int}/removal"] = "U   P     F      F     P     P     F     F     F     F",
        ["PUT /api/archive/homes/{homeId:int}/owners"] =          "U    P     F      F     P     F     F     P     F     F",
        ["GET /api/archive/round"] =                              "U    P     P      P     P     P     F     P     P     F",
        ["GET /api/archive/round/courtyards/{courtyardId:int}/homes"] = "U P   P      P     P     P     F     P     P     F",
        ["POST /api/archive/homes/{homeId:int}/confirm"] =        "U    P     F      F     P     P     F     F     F     F",
        ["GET /api/archive/homes/{homeId:int}"] =                 "U    P     P      P     P     P     F     P     P     F",
        ["POST /api/archive/homes/{homeId:int}/transfer"] =       "U    P     F      F     P     F     F     P     F     F",
        ["GET /api/archive/imports/residents/template.xlsx"] =    "U    P     F      F     P     P     F     F     F     F",
        ["POST /api/archive/imports/residents/preview"] =         "U    P     F      F     P     P     F     F     F     F",
        ["POST /api/archive/imports/residents/"] =                "U    P     F      F     P     P     F     F     F     F",
        ["GET /api/archive/imports/owners/template.xlsx"] =       "U    P     F      F     P     F     F     P     F     F",
        ["POST /api/archive/imports/owners/preview"] =            "U    P     F      F     P     F     F     P     F     F",
        ["POST /api/archive/imports/owners/"] =                   "U    P     F      F     P     F     F     P     F     F",
        ["GET /api/public/credit/"] =                             "P    P     P      P     P     P     P     P     P     P",
        ["GET /api/public/credit/{month}"] =                      "P    P     P      P     P     P     P     P     P     P",
        ["GET /api/assessment/persons"] =                          "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/persons/scores"] =                   "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/persons/{staffId:int}/cases"] =      "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/levels"] =                           "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/cases"] =                            "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/settings"] =                         "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/units.xlsx"] =                       "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/units.csv"] =                        "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/persons/scores.xlsx"] =              "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/persons/scores.csv"] =               "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/areas.xlsx"] =                       "U    P     P      P     F     F     F     F     F     F",
        ["GET /api/assessment/areas.csv"] =                        "U    P     P      P     F     F     F     F     F     F",
        ["PUT /api/assessment/settings"] =                         "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/exports/cases.xlsx"] =                          "U    P     P      P     P     P     P     P     P     F",
        ["GET /api/exports/cases.csv"] =                           "U    P     P      P     P     P     P     P     P     F",
        ["GET /api/admin/decisions/"] =                            "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/admin/decisions/"] =                            "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/admin/notices/"] =                              "U    P     F      F     F     F     F     F     F     F",
        ["POST /api/admin/notices/{id:long}/resend"] =             "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/admin/notices/templates"] =                     "U    P     F      F     F     F     F     F     F     F",
        ["PUT /api/admin/notices/templates/{kind}"] =              "U    P     F      F     F     F     F     F     F     F",
        ["GET /api/public/courtyards/{code}"] =                    "P    P     P      P     P     P     P     P     P     P",
        ["POST /api/public/reports"] =                             "P    P     P      P     P     P     P     P     P     P",
        ["GET /api/public/track/{code}"] =                         "P    P     P      P     P     P     P     P     P     P",
        ["POST /api/public/track/{code}/rating"] =                 "P    P     P      P     P     P     P     P     P     P",
        ["GET /photos/{id:guid}"] =                                "P    P     P      P     P     P     P     P     P     P",
        ["POST /account/signin"] =                                 "P    P     P      P     P     P     P     P     P     P",
        ["POST /api/setup"] =                                      "P    P     P      P     P     P     P     P     P     P",
        ["POST /account/logout"] =                                 "P    P     P      P     P     P     P     P     P     P",
        ["POST /account/post"] =                                   "P    P     P      P     P     P     P     P     P     P",
        ["POST /account/password/change"] =                        "P    P     P      P     P     P     P     P     P     P",
        ["GET /culture/set"] =                                     "P    P     P      P     P     P     P     P     P     P",
        ["GET /openapi/{documentName}.json"] =                     "P    P     P      P     P     P     P     P     P     P",
        ["* /hubs/live/negotiate"] =                               "U    P     P      P     P     P     P     P     P     P",
        ["* /hubs/live"] =                                         "U    P     P      P     P     P     P     P     P     P",
    };

    [Fact]
    public void EveryEndpoint_HasARow_AndEveryRowAnEndpoint()
    {
        var endpoints = app.Endpoints().ToHashSet();

        Assert.Empty(endpoints.Except(Matrix.Keys));
        Assert.Empty(Matrix.Keys.Except(endpoints));
    }

    public static TheoryData<string> Rows() => [.. Matrix.Keys];

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task EveryPost_GetsItsExpectedAnswer(string endpoint)
    {
        var expected = Matrix[endpoint].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var failures = new List<string>();
        for (var i = 0; i < Callers.Length; i++)
        {
            var scopes = expected[i].Split('/');
            for (var s = 0; s < scopes.Length; s++)
            {
                var inScope = s == 0;
                var status = await app.CallAsync(endpoint, Callers[i], inScope);
                if (Outcome(endpoint, status) != scopes[s])
                    failures.Add($"{Callers[i]} {(scopes.Length > 1 ? inScope ? "in scope " : "out of scope " : "")}got {(int)status}, expected {scopes[s]}");
            }
        }
        Assert.True(failures.Count == 0, $"{endpoint}: {string.Join("; ", failures)}");
    }

    private static string Outcome(string endpoint, HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "U",
        HttpStatusCode.Forbidden => "F",
        // Only a case route can hide a case; elsewhere a 404 is the answer of a call that got in.
        HttpStatusCode.NotFound when endpoint.Contains(" /api/cases/", StringComparison.Ordinal) && endpoint.Contains('{', StringComparison.Ordinal) => "N",
        _ => "P",
    };

    /// <summary>The app, a token per post, and fresh cases made for each call so no call sees another's effects.</summary>
    public sealed class App : IAsyncLifetime
    {
        private readonly CommandCenterFactory _factory = new() { DemoCases = 0 };
        private readonly Dictionary<string, string> _tokens = [];
        private HttpClient _http = null!;
        private OrganisationDirectory _directory = null!;
        private CaseService _cases = null!;
        private static readonly Post Test = Post.System(ActSource.Console);

        public Task InitializeAsync()
        {
            // No cookies: a display token's page visit signs the browser in, which must not carry over to the next caller.
            _http = _factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
            _directory = _factory.Services.GetRequiredService<OrganisationDirectory>();
            _cases = _factory.Services.GetRequiredService<CaseService>();
            foreach (var caller in Callers.Skip(1))
                _tokens[caller] = caller == "display" ? TestAccess.DisplayToken(_factory.Services) : TestAccess.StaffToken(_factory.Services, caller);
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await _factory.DisposeAsync();

        public CommandCenterFactory Factory => _factory;

        public OrganisationDirectory Directory => _directory;

        public string? TokenOf(string caller) => _tokens.GetValueOrDefault(caller);

        public Post? PostOf(string caller) =>
            caller == "anon" ? null : caller == "display" ? Post.Display(0, "display", null, null) : _directory.PostOf(DemoAccounts.StaffOf(caller, _directory.Staff)!, ActSource.Console);

        public IEnumerable<string> Endpoints() =>
            _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null && IsApiOrHub(e.RoutePattern.RawText ?? ""))
                .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"));

        private static bool IsApiOrHub(string route) =>
            new[] { "/api/", "/hubs/", "/photos/", "/account/", "/culture/", "/openapi/" }.Any(p => route.StartsWith(p, StringComparison.Ordinal));

        public async Task<HttpStatusCode> CallAsync(string endpoint, string caller, bool inScope)
        {
            var (method, route) = (endpoint[..endpoint.IndexOf(' ')], endpoint[(endpoint.IndexOf(' ') + 1)..]);
            var post = caller == "display" ? null : PostOf(caller);
            var needsCase = route.Contains("{id:guid}", StringComparison.Ordinal) && route.StartsWith("/api/cases", StringComparison.Ordinal)
                || route.Contains("{number}", StringComparison.Ordinal);
            var @case = needsCase ? await CaseForAsync(post, inScope) : null;
            var url = route
                .Replace("{id:guid}", @case?.Id.ToString() ?? Guid.NewGuid().ToString(), StringComparison.Ordinal)
                .Replace("{number}", @case?.Number ?? "", StringComparison.Ordinal)
                .Replace("{unitId:int}", (post?.UnitId?.Value ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{id:int}", route.Contains("tokens", StringComparison.Ordinal) ? await ThrowawayTokenAsync() : "1", StringComparison.Ordinal)
                .Replace("{code}", "CT0001", StringComparison.Ordinal)
                .Replace("{date}", "2026-12-25", StringComparison.Ordinal)
                .Replace("{appealId:long}", "1", StringComparison.Ordinal)
                .Replace("{staffId:int}", "1", StringComparison.Ordinal)
                .Replace("{number:int}", "7", StringComparison.Ordinal)
                .Replace("{id:long}", "1", StringComparison.Ordinal)
                .Replace("{facilityId:long}", "1", StringComparison.Ordinal)
                .Replace("{courtyardId:int}", "1", StringComparison.Ordinal)
                .Replace("{residentId:int}", "1", StringComparison.Ordinal)
                .Replace("{homeId:int}", "1", StringComparison.Ordinal)
                .Replace("{kind}", "Dispatched", StringComparison.Ordinal)
                .Replace("{sheet}", "staff", StringComparison.Ordinal)
                .Replace("{month}", "2026-11", StringComparison.Ordinal)
                .Replace("{documentName}", "v1", StringComparison.Ordinal);
            if (route == "/api/cases/duplicates") url += "?courtyardId=1&categoryCode=0101";
            if (route == "/api/credit/committees" && method == "GET") url += "?year=2026";
            if (route == "/hubs/live/negotiate") url += "?negotiateVersion=1";

            using var request = new HttpRequestMessage(new HttpMethod(method == "*" ? "GET" : method), url);
            if (method is "POST" or "PUT") request.Content = JsonContent.Create(BodyFor(route, @case, post));
            if (_tokens.TryGetValue(caller, out var token)) request.Headers.Authorization = new("Bearer", token);
            using var response = await _http.SendAsync(request);
            return response.StatusCode;
        }

        /// <summary>
        /// A case dispatched to the post's own unit where it holds cases, in a courtyard of its
        /// scope; or, out of scope, in another community and held by a property company.
        /// </summary>
        public async Task<Case> CaseForAsync(Post? post, bool inScope)
        {
            var courtyard = inScope ? InScopeCourtyard(post) : OutOfScopeCourtyard(post);
            var holder = inScope && post?.UnitId is { } own && _directory.Unit(own) is { } unit && unit.Serves(unit.Level, courtyard.Id, courtyard.CommunityId)
                ? unit
                : _directory.UnitsServing(HandlingLevel.Courtyard, courtyard.Id).First(u => u.Id != post?.UnitId);
            var reported = await _cases.ReportAsync(new ReportCaseRequest(Channel.Hotline, "0101", Domain.Categories.Urgency.Normal, courtyard.Id, null,
                "楼道堆放杂物", "张三", "13812345678"), Test);
            await _cases.ExecuteAsync(reported.Id, new AcceptCase(holder.Level), Test);
            return await _cases.ExecuteAsync(reported.Id, new DispatchCase(holder.Id), Test);
        }

        public Courtyard InScopeCourtyard(Post? post) =>
            post is { CourtyardIds.Count: > 0 } ? _directory.Courtyard(post.CourtyardIds[0])!
            : post?.CommunityId is { } community ? _directory.Courtyards.First(c => c.CommunityId == community)
            : _directory.Courtyards.First();

        public Courtyard OutOfScopeCourtyard(Post? post)
        {
            var home = post is null ? new CommunityId(-1) : InScopeCourtyard(post).CommunityId;
            return _directory.Courtyards.First(c => c.CommunityId != home && c.CommunityId != post?.CommunityId && _directory.UnitsServing(HandlingLevel.Courtyard, c.Id).Any());
        }

        private async Task<string> ThrowawayTokenAsync() =>
            (await _factory.Services.GetRequiredService<AccessTokenService>().CreateDisplayAsync("throwaway", null, null, Test)).Token.Id
                .ToString(System.Globalization.CultureInfo.InvariantCulture);

        private static object BodyFor(string route, Case? @case, Post? post) => route[(route.LastIndexOf('}') + 1)..] switch
        {
            "/reject" or "/deferral" or "/escalation-request" or "/request/refuse" or "/escalate" or "/decide-close" => new { reason = "测试" },
            "/merge" => new { targetCaseId = Guid.NewGuid() },
            "/dispatch" => new { unitId = @case?.CurrentUnitId?.Value ?? 1 },
            "/return" => new { reason = "JurisdictionMismatch" },
            "/progress" => new { note = "已到现场" },
            "/supervise" => new { note = "尽快处理" },
            "/supervision/answer" => new { answer = "已安排" },
            "/done" => new { result = "已处理" },
            "/postponement" => new { reason = "等待材料", newDeadlineUtc = DateTime.UtcNow.AddDays(3) },
            "/verify" => new { passed = true },
            "/rate" => new { rating = "Satisfied" },
            "/parts/close" => new { unitId = post?.UnitId?.Value ?? 1, result = "已处理" },
            "/parts/sign" => new { unitId = post?.UnitId?.Value ?? 1 },
            "/parts/progress" => new { unitId = post?.UnitId?.Value ?? 1, note = "已到现场" },
            "/parts/return" => new { unitId = post?.UnitId?.Value ?? 1, reason = "测试" },
            "/parts/assign" => new { unitId = 1 },
            "/display" => new { name = "测试大屏" },
            "/staff" => new { name = "测试系统", staffId = 1 },
            "/rating" => new { rating = "Satisfied" },
            _ => new { },
        };
    }
}
