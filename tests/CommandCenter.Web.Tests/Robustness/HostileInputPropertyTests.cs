using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Infrastructure.Access;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Organisation;
using CommandCenter.Infrastructure.PublicReporting;
using CommandCenter.Web.Tests.Support;
using CsCheck;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommandCenter.Web.Tests.Robustness;

/// <summary>
/// Generated requests against every endpoint and page, as other systems and hostile clients
/// would send them. Properties: no answer is a 5xx; every API error is a ProblemDetails with a
/// <c>code</c> and a <c>detail</c> in the request's language; nothing stored changes unless the
/// answer was a success (and a GET never changes anything).
/// </summary>
public sealed class HostileInputPropertyTests(HostileInputPropertyTests.App app) : IClassFixture<HostileInputPropertyTests.App>
{
    private const int SamplesPerEndpoint = 100;

    [Fact]
    public async Task EveryApiEndpoint_GeneratedRequests_HoldTheProperties()
    {
        var failures = new List<string>();
        foreach (var endpoint in app.Endpoints)
        {
            var requests =
                from route in app.Inputs.Route(endpoint.Route)
                from query in endpoint.Method == "GET" ? app.Inputs.Query : Gen.Const("")
                from body in endpoint.Method is "POST" or "PUT" ? app.Inputs.BodyFor(endpoint.RequestType) : Gen.Const<(string?, byte[])>((null, []))
                from caller in Gen.OneOf(HostileInputs.Callers)
                from language in Gen.OneOf(HostileInputs.Languages)
                select new HostileRequest(endpoint.Method, route + query, caller, language, body.Item1, body.Item2);
            await Collect(failures, $"{endpoint.Method} {endpoint.Route}", () => requests.SampleAsync(app.CheckAsync, iter: SamplesPerEndpoint, threads: 1));
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task FormEndpoints_BrokenFraming_HoldTheProperties()
    {
        var failures = new List<string>();
        foreach (var url in new[] { "/api/public/reports", "/account/signin", "/account/logout" })
        {
            var requests =
                from body in HostileInputs.Forms
                from language in Gen.OneOf(HostileInputs.Languages)
                select new HostileRequest("POST", url, "anon", language, body.ContentType, body.Body);
            await Collect(failures, url, () => requests.SampleAsync(app.CheckAsync, iter: 150, threads: 1));
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task Pages_HostileRouteValues_RenderOrRefuse()
    {
        var failures = new List<string>();
        foreach (var page in app.Pages)
        {
            var requests =
                from route in app.Inputs.Route(page)
                from query in app.Inputs.Query
                from caller in Gen.OneOf("admin", "grid", "anon")
                from language in Gen.OneOf("zh-CN", "en-US")
                select new HostileRequest("GET", route + query, caller, language, null, []);
            await Collect(failures, page, () => requests.SampleAsync(app.CheckAsync, iter: 30, threads: 1));
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static async Task Collect(List<string> failures, string what, Func<Task> sample)
    {
        try
        {
            await sample();
        }
        catch (Exception e)
        {
            failures.Add($"{what}: {e.Message}\n  → {e.InnerException?.Message}");
        }
    }

    /// <summary>An endpoint as the generators see it: method, route pattern and the body type it reads.</summary>
    public sealed record Endpoint(string Method, string Route, Type? RequestType);

    /// <summary>The app over its own SQLite file, with tokens per caller and cases in several states.</summary>
    public sealed class App : IAsyncLifetime
    {
        private readonly CommandCenterFactory _factory = new()
        {
            DemoCases = 0,
            // Generated load is not abuse: the limits have tests of their own.
            Settings = new Dictionary<string, string>
            {
                ["PublicLimits:ReadsPerMinute"] = "100000",
                ["PublicLimits:SubmissionsPerTenMinutes"] = "10000",
            },
        };
        private readonly Dictionary<string, string> _tokens = [];
        private HttpClient _http = null!;
        private StoredState _stored = null!;

        public HostileInputs Inputs { get; private set; } = null!;

        public IReadOnlyList<Endpoint> Endpoints { get; private set; } = [];

        public IReadOnlyList<string> Pages { get; private set; } = [];

        public async Task InitializeAsync()
        {
            _http = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
            _stored = new StoredState(_factory.DatabaseFile);
            var services = _factory.Services;
            var directory = services.GetRequiredService<OrganisationDirectory>();
            var tokens = services.GetRequiredService<AccessTokenService>();
            var system = Post.System(ActSource.Console);
            // Token ids above every id the generators use, so a generated revoke never ends a caller's access.
            for (var i = 0; i < 64; i++) await tokens.CreateDisplayAsync($"spare {i}", null, null, system);
            foreach (var caller in HostileInputs.Callers.Where(c => c != "anon")) _tokens[caller] = TestAccess.StaffToken(services, caller);

            var cases = await CasesInEveryStateAsync(services.GetRequiredService<CaseService>(), directory, system);
            var street = directory.Streets.Single();
            var courtyardCode = CourtyardCode.Of(street, directory.Courtyards.First());
            var trackingCode = await ReportAsResidentAsync(courtyardCode);
            var units = directory.Units.Select(u => u.Id.Value).Take(4).Concat(directory.Units.Select(u => u.Id.Value).TakeLast(4));
            Inputs = new HostileInputs(new KnownValues(
                [.. cases.Select(c => c.Id)], [.. cases.Select(c => c.Number)], [.. units.Concat([1, 2, directory.Courtyards.First().Id.Value]).Distinct()],
                courtyardCode, trackingCode));

            var routes = services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
            Endpoints =
            [
                .. routes.Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null && IsMachinePath(e.RoutePattern.RawText ?? ""))
                    .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(method =>
                        new Endpoint(method, e.RoutePattern.RawText!, e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType)))
                    .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal),
            ];
            Pages =
            [
                .. routes.Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.RoutePattern.Parameters.Count > 0)
                    .Select(e => e.RoutePattern.RawText!).Distinct().Order(StringComparer.Ordinal),
            ];
        }

        public async Task DisposeAsync()
        {
            _stored.Dispose();
            await _factory.DisposeAsync();
        }

        /// <summary>Sends the request and checks every property against its answer and the stored state.</summary>
        public async Task CheckAsync(HostileRequest request)
        {
            var before = _stored.Current();
            using var message = request.ToMessage(_tokens.GetValueOrDefault(request.Caller));
            using var response = await _http.SendAsync(message);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var answer = $"answered {status} {response.Content.Headers.ContentType}: {text[..Math.Min(text.Length, 300)]}";

            if (status >= 500) throw new InvalidOperationException($"5xx: {answer}");
            if (request.IsMachinePath && status >= 400) CheckProblem(request, response, text, answer);
            if (status is < 200 or >= 300 || !request.Writes)
            {
                if (_stored.Current() != before) throw new InvalidOperationException($"stored data changed although it {answer}");
            }
        }

        private static void CheckProblem(HostileRequest request, HttpResponseMessage response, string text, string answer)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                throw new InvalidOperationException($"not a ProblemDetails: {answer}");
            using var problem = JsonDocument.Parse(text);
            if (!problem.RootElement.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String || code.GetString() is not { Length: > 0 })
                throw new InvalidOperationException($"no code: {answer}");
            if (!problem.RootElement.TryGetProperty("detail", out var detailElement) || detailElement.GetString() is not { Length: > 0 } detail)
                throw new InvalidOperationException($"no detail: {answer}");
            // One language per request: the caller's, zh-CN unless it asks for English.
            var echoesChinese = HasChinese(request.Url) || HasChinese(Encoding.UTF8.GetString(request.Body));
            if (request.Language == "en-US" && HasChinese(detail) && !echoesChinese)
                throw new InvalidOperationException($"Chinese detail for an English request: {answer}");
            if (request.Language is "zh-CN" or "fr-FR" or "" && !HasChinese(detail))
                throw new InvalidOperationException($"detail not in Chinese for {request.Language}: {answer}");
        }

        private static bool HasChinese(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

        private static bool IsMachinePath(string route) => route.StartsWith("/api/", StringComparison.Ordinal) || route.StartsWith("/photos/", StringComparison.Ordinal);

        /// <summary>One case waiting in each state the commands act on, and a cross-agency one.</summary>
        private static async Task<List<Case>> CasesInEveryStateAsync(CaseService service, OrganisationDirectory directory, Post system)
        {
            var courtyard = directory.Courtyards.First();
            var holder = directory.UnitsServing(Domain.Organisation.HandlingLevel.Courtyard, courtyard.Id).First();
            var departments = directory.Units.Where(u => u.Level == Domain.Organisation.HandlingLevel.District).Take(3).ToList();
            async Task<Case> New() => await service.ReportAsync(
                new ReportCaseRequest(Channel.Hotline, "0101", Urgency.Normal, courtyard.Id, null, "楼道堆放杂物", "张三", "13812345678"), system);
            async Task<Case> Run(Case c, CaseCommandRequest command) => await service.ExecuteAsync(c.Id, command, system);

            var reported = await New();
            var pending = await Run(await New(), new AcceptCase(holder.Level));
            var dispatched = await Run(await Run(await New(), new AcceptCase(holder.Level)), new DispatchCase(holder.Id));
            var inProgress = await Run(await Run(await Run(await New(), new AcceptCase(holder.Level)), new DispatchCase(holder.Id)), new SignCase());
            var done = await Run(await Run(await Run(await Run(await New(), new AcceptCase(holder.Level)), new DispatchCase(holder.Id)), new SignCase()), new ReportDone("已清理"));
            var crossAgency = await Run(await Run(await New(), new AcceptCase(Domain.Organisation.HandlingLevel.District)),
                new DispatchCase(departments[0].Id, [.. departments.Skip(1).Select(d => d.Id)]));
            return [reported, pending, dispatched, inProgress, done, crossAgency];
        }

        private async Task<string> ReportAsResidentAsync(string courtyardCode)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(courtyardCode), "courtyardCode" },
                { new StringContent("0101"), "categoryCode" },
                { new StringContent("单元门口堆满了纸箱"), "description" },
            };
            using var response = await _http.PostAsync("/api/public/reports", form);
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
        }
    }
}
