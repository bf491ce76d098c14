using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Cases.Search;
using CommandCenter.Infrastructure.Tests.Support;

namespace CommandCenter.Infrastructure.Tests.Cases;

public sealed class SearchTests
{
    [Theory]
    [InlineData("楼道漏水", " 楼  道  漏  水 ")]
    [InlineData("3栋 lift broken!", "3 栋  lift broken ")]
    [InlineData("", "")]
    public void Tokens_SplitsCjkIntoCharactersAndKeepsLatinWords(string text, string tokens) =>
        Assert.Equal(tokens, SearchText.Tokens(text));

    [Theory]
    [InlineData("漏水", "\"漏 水\"")]
    [InlineData("  \"x\" ", "\"x\"")]
    [InlineData("!!", null)]
    public void PhraseQuery_QuotesTheTokensAsOnePhrase(string text, string? query) =>
        Assert.Equal(query, SearchText.PhraseQuery(text));

    [Fact]
    public async Task QueueSearch_ChineseSubstring_FindsOnlyDescriptionsContainingIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var leak = await database.Cases.ReportAsync(database.Report(description: "5栋3单元楼道漏水严重"), database.Actor());
        var water = await database.Cases.ReportAsync(database.Report(description: "小区漏了水管"), database.Actor());
        await database.Cases.ReportAsync(database.Report(description: "暴露垃圾无人清运"), database.Actor());

        var found = await database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Search = "漏水" });
        var latin = await database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Search = "5栋3单元" });

        Assert.Equal([leak.Id], found.Items.Select(i => i.Id));
        Assert.Equal(1, found.TotalCount);
        Assert.Equal([leak.Id], latin.Items.Select(i => i.Id));
        Assert.DoesNotContain(water.Id, found.Items.Select(i => i.Id));
    }

    [Fact]
    public async Task QueueSearch_CaseNumberPrefixInAnyCase_FindsByNumber()
    {
        await using var database = await TestDatabase.CreateAsync();
        var first = await database.Cases.ReportAsync(database.Report(), database.Actor());
        await database.Cases.ReportAsync(database.Report(), database.Actor());

        var exact = await database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Search = first.Number.ToLowerInvariant() });
        var prefix = await database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Search = first.Number[..^2] });

        Assert.Equal([first.Id], exact.Items.Select(i => i.Id));
        Assert.Equal(2, prefix.TotalCount);
    }
}
