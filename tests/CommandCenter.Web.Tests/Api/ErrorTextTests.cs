using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Web.Api;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Tests.Api;

/// <summary>
/// Every refusal is said in both languages: each code the code base throws has its sentence in both
/// resource files, so no error answer falls back to another language.
/// </summary>
public sealed partial class ErrorTextTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> ThrownCodes()
    {
        var codes = new TheoryData<string>();
        foreach (var code in Scan(ThrownCode()).Order()) codes.Add(code);
        return codes;
    }

    public static TheoryData<string> PublicRefusalCodes()
    {
        var codes = new TheoryData<string>();
        // A photo's refusal is told by PhotoRefusalText, per reason, not by a Public.Refusal key.
        foreach (var code in Scan(PublicRefusal()).Where(c => c != "Photo").Order()) codes.Add(code);
        return codes;
    }

    [Theory]
    [MemberData(nameof(ThrownCodes))]
    public void EveryThrownCode_HasASentenceInBothLanguages(string code)
    {
        Assert.Contains($"Error.{code}", Keys(English));
        Assert.Contains($"Error.{code}", Keys(Chinese));
    }

    [Theory]
    [MemberData(nameof(PublicRefusalCodes))]
    public void EveryPublicRefusal_HasASentenceInBothLanguages(string code)
    {
        Assert.Contains($"Public.Refusal.{code}", Keys(English));
        Assert.Contains($"Public.Refusal.{code}", Keys(Chinese));
    }

    [Fact]
    public void EveryHttpProblem_HasASentenceInBothLanguages()
    {
        foreach (var problem in Enum.GetNames<HttpProblem>())
        {
            Assert.Contains($"Error.Http.{problem}", Keys(English));
            Assert.Contains($"Error.Http.{problem}", Keys(Chinese));
        }
    }

    [Theory]
    [InlineData("zh-CN", "部分输入内容无效，请检查后重试。", "内容已被他人先行修改，请刷新后重试（本次未保存）。")]
    [InlineData("en-US", "Some of the input is not valid; check it and try again.", "Someone changed this first. Reload it and try again; nothing was saved.")]
    public void CodeWithoutASentence_FallsBackToItsStatusSentence_InTheRequestsLanguage(string culture, string invalid, string conflict)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var validation = ProblemDetailsExceptionHandler.Describe(new DomainValidationException("PhotoIdUnknown", "Photo 42 is not this case's.", "photoIds"), Text);
            var refusal = ProblemDetailsExceptionHandler.Describe(
                new CaseCommandRejectedException(CaseCommand.ClosePart, CaseState.InProgress, "CT-20261203-0001", new CaseRefusal("PartNotYours", "not your part")), Text);

            Assert.Equal((422, "PhotoIdUnknown", "photoIds", invalid),
                (validation.Status, validation.Extensions["code"], validation.Extensions["field"], validation.Detail));
            Assert.Equal((409, "PartNotYours", conflict), (refusal.Status, refusal.Extensions["code"], refusal.Detail));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void ThrownCodes_AreFound() => Assert.Contains("StateForbids", Scan(ThrownCode()));

    private static readonly IStringLocalizer Text = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    private const string English = "SharedResource.resx";
    private const string Chinese = "SharedResource.zh-CN.resx";

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Root, "src", "CommandCenter.Web", "Resources", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet();

    private static HashSet<string> Scan(Regex pattern) =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => pattern.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommandCenter.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("CommandCenter.sln not found above " + AppContext.BaseDirectory);
    }

    // Invalid("Code", …), new DomainValidationException("Code", …), new DomainException("Code", …), a CaseRefusal new("Code", …).
    [GeneratedRegex("""(?:\bInvalid|DomainValidationException|DomainException|\bnew)\(\s*"([A-Z][A-Za-z]+)"\s*,""")]
    private static partial Regex ThrownCode();

    [GeneratedRegex("""(?:\bRefused|PublicReportRefusedException)\(\s*"([A-Z][A-Za-z]+)"\s*,""")]
    private static partial Regex PublicRefusal();
}
