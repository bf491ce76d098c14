using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CommandCenter.Domain.Archive;
using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Common;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Images;
using CommandCenter.Web.Api;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CommandCenter.Web.Tests.Api;

/// <summary>
/// Every refusal is said in both languages: each code the code base throws or answers with has its
/// sentence "Error.{code}" in both resource files, so no error answer falls back to another language,
/// and no sentence outlives its code.
/// </summary>
public sealed partial class ErrorTextTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> ThrownCodes()
    {
        var codes = new TheoryData<string>();
        // A photo's refusal is said per reason ("PhotoRefusal.{reason}"), not by its code.
        foreach (var code in Scan(ThrownCode()).Where(c => c != "Photo").Order()) codes.Add(code);
        return codes;
    }

    [Theory]
    [MemberData(nameof(ThrownCodes))]
    public void EveryThrownCode_HasASentenceInBothLanguages(string code)
    {
        Assert.Contains(ErrorTable.Sentence(code), Keys(English));
        Assert.Contains(ErrorTable.Sentence(code), Keys(Chinese));
    }

    [Fact]
    public void EverySentence_BelongsToACodeStillThrown_OrIsShownByAScreen()
    {
        var thrown = Scan(ThrownCode());
        var shown = Scan(ShownKey(), "*.razor").Concat(Scan(ShownKey())).ToHashSet();

        var orphans = Keys(English).Where(k => k.StartsWith("Error.", StringComparison.Ordinal) && !k.StartsWith("Error.Http.", StringComparison.Ordinal))
            .Where(k => !thrown.Contains(k["Error.".Length..]) && !shown.Contains(k["Error.".Length..]));

        Assert.Empty(orphans);
    }

    /// <summary>A roster or archive row refused for its word names every word the template takes, from the one list the import reads.</summary>
    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-CN")]
    public void AnUnknownRosterWord_IsAnsweredWithEveryWordTheTemplateTakes(string culture)
    {
        foreach (var (code, words) in new (string, IEnumerable<string>)[]
        {
            ("ImportUnknownRole", RosterWords.Roles.Values), ("ImportUnknownUnitKind", RosterWords.UnitKinds.Values),
            ("ImportUnknownCourtyardKind", RosterWords.CourtyardKinds.Values), ("ImportUnknownRelation", ArchiveWords.Relations.Values),
            ("ImportUnknownTag", ArchiveWords.Tags.Values), ("ImportUnknownAreaSource", ArchiveWords.AreaSources.Values),
            ("ImportUnknownUse", ArchiveWords.Uses.Values), ("ImportUnknownOwnerKind", ArchiveWords.OwnerKinds.Values),
        })
        {
            var sentence = InCulture(culture, () => Text[ErrorTable.Sentence(code)].Value);
            Assert.All(words, word => Assert.Contains(word, sentence));
        }
    }

    [Fact]
    public void BothLanguages_HaveTheSameKeys()
    {
        Assert.Equal(Keys(English).Order(), Keys(Chinese).Order());
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
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void EveryPhotoRefusal_HasItsOwnSentence(string culture)
    {
        var sentences = InCulture(culture, () => Enum.GetValues<PhotoRefusal>().Select(r => ErrorText.Of(Text, ErrorTable.OfPhoto(r))).ToList());

        Assert.All(sentences, s => Assert.False(string.IsNullOrWhiteSpace(s)));
        Assert.Equal(sentences.Count, sentences.Distinct().Count());
        Assert.All(sentences, s => Assert.Equal(culture == "zh-CN", Regex.IsMatch(s, @"\p{IsCJKUnifiedIdeographs}")));
    }

    [Fact]
    public void UnsupportedHeic_TellsTheResidentWhatToDo()
    {
        var chinese = InCulture("zh-CN", () => ErrorText.Of(Text, ErrorTable.OfPhoto(PhotoRefusal.UnsupportedHeic)));
        var english = InCulture("en-US", () => ErrorText.Of(Text, ErrorTable.OfPhoto(PhotoRefusal.UnsupportedHeic)));

        Assert.Contains("HEIC", chinese);
        Assert.Contains("兼容性最佳", chinese);
        Assert.Contains("截图", chinese);
        Assert.Contains("HEIC", english);
        Assert.Contains("\"Most Compatible\"", english);
        Assert.Contains("screenshot", english);
    }

    [Theory]
    [InlineData("zh-CN", "部分输入内容无效，请检查后重试。", "内容已被他人先行修改，请刷新后重试（本次未保存）。")]
    [InlineData("en-US", "Some of the input is not valid; check it and try again.", "Someone changed this first. Reload it and try again; nothing was saved.")]
    public void CodeWithoutASentence_FallsBackToItsStatusSentence_InTheRequestsLanguage(string culture, string invalid, string conflict)
    {
        var validation = ErrorTable.Of(new DomainValidationException("PhotoIdUnknown", "Photo 42 is not this case's.", "photoIds"));
        var refusal = ErrorTable.Of(
            new CaseCommandRejectedException(CaseCommand.ClosePart, CaseState.InProgress, "CT-20261203-0001", new CaseRefusal("PartNotYours", "not your part")));

        Assert.Equal((422, "PhotoIdUnknown", "photoIds", invalid),
            (validation.Status, validation.Code, validation.Field, InCulture(culture, () => ErrorText.Of(Text, validation))));
        Assert.Equal((409, "PartNotYours", conflict), (refusal.Status, refusal.Code, InCulture(culture, () => ErrorText.Of(Text, refusal))));
    }

    [Fact]
    public void ThrownCodes_AreFound_FromEveryKindOfThrower()
    {
        var codes = Scan(ThrownCode());

        // The lifecycle, a domain rule, the one enum check, a public screen, a refusal answered by an endpoint.
        Assert.Superset(new HashSet<string> { "StateForbids", "TooShort", "InvalidPhone", "UnknownValue", "Markup", "NotAForm" }, codes);
    }

    internal static readonly IStringLocalizer Text = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    internal const string English = "SharedResource.resx";
    internal const string Chinese = "SharedResource.zh-CN.resx";

    internal static HashSet<string> Keys(string file) =>
        XDocument.Load(Path.Combine(Root, "src", "CommandCenter.Web", "Resources", file)).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!).ToHashSet();

    internal static T InCulture<T>(string culture, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    private static HashSet<string> Scan(Regex pattern, string files = "*.cs") =>
        Directory.EnumerateFiles(Path.Combine(Root, "src"), files, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => pattern.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CommandCenter.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("CommandCenter.sln not found above " + AppContext.BaseDirectory);
    }

    // Invalid("Code", …), new DomainValidationException("Code", …), new DomainException("Code", …), a CaseRefusal new("Code", …),
    // a public refusal Refused/PublicReportRefusedException("Code", …), and a code an endpoint answers with, ErrorTable.Sentence("Code").
    [GeneratedRegex("""(?:\bInvalid|DomainValidationException|DomainException|PublicReportRefusedException|\bRefused|\bnew|\bSentence)\(\s*"([A-Z][A-Za-z]+)"\s*[,)]""")]
    private static partial Regex ThrownCode();

    // A screen showing a sentence by its key: L["Error.Conflict"].
    [GeneratedRegex("""\["Error\.([A-Z][A-Za-z]+)"[],]""")]
    private static partial Regex ShownKey();
}
