using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommandCenter.Web.Api;

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

    [Fact]
    public void ThrownCodes_AreFound() => Assert.Contains("StateForbids", Scan(ThrownCode()));

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
