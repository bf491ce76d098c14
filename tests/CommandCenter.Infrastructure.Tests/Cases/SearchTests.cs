using CommandCenter.Infrastructure.Cases;
using CommandCenter.Infrastructure.Cases.Search;
using CommandCenter.Infrastructure.Persistence;
using CommandCenter.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

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

    [Theory, TestedProviders]
    public async Task QueueSearch_ChineseSubstring_FindsOnlyDescriptionsContainingIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
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

    [Theory, TestedProviders]
    public async Task QueueSearch_CaseNumberPrefixInAnyCase_FindsByNumber(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider: provider);
        var first = await database.Cases.ReportAsync(database.Report(), database.Actor());
        await database.Cases.ReportAsync(database.Report(), database.Actor());

        var exact = await database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Search = first.Number.ToLowerInvariant() });
        var prefix = await database.Queries.QueueAsync(TestDatabase.Everyone, new CaseQuery { Search = first.Number[..^2] });

        Assert.Equal([first.Id], exact.Items.Select(i => i.Id));
        Assert.Equal(2, prefix.TotalCount);
    }

    /// <summary>
    /// PostgreSQL answers the description search (<see cref="SearchText.LikePattern"/>) from its trigram index, Chinese
    /// included (the server's UTF-8 character classes make CJK characters trigram letters), not by reading every case.
    /// </summary>
    [Fact]
    public async Task DescriptionSearch_OnPostgres_ReadsTheTrigramIndex()
    {
        var plan = await PostgresPlanAsync($"SELECT \"Id\" FROM \"Cases\" WHERE {SearchText.PostgresLikeMatch}", SearchText.LikePattern("楼道漏水"));

        Assert.Contains(plan, line => line.Contains("Bitmap Index Scan on \"IX_CaseSearchTexts_Description\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// Two characters hold no trigram, so the trigram index would be read whole: PostgreSQL answers them from the
    /// index of the description's character pairs instead (<see cref="SearchText.PostgresPairMatch"/>).
    /// </summary>
    [Fact]
    public async Task TwoCharacterSearch_OnPostgres_ReadsThePairIndex()
    {
        var plan = await PostgresPlanAsync($"SELECT \"Id\" FROM \"Cases\" WHERE {SearchText.PostgresPairMatch}", "漏水");

        Assert.Contains(plan, line => line.Contains("Bitmap Index Scan on \"IX_CaseSearchTexts_Bigrams\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// The case row changes at every step and its description never does: an index of the description on it would be
    /// written again at every step. The search's copy of a report's description is there as soon as it is stored.
    /// </summary>
    [Fact]
    public async Task OnPostgres_TheCaseRowCarriesNoSearchIndex_AndTheSearchTableHasEveryDescription()
    {
        await using var database = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        var reported = await database.Cases.ReportAsync(database.Report(description: "楼道漏水三天了"), database.Actor());
        await using var db = database.NewContext();

        var ginOnCases = await db.Database.SqlQueryRaw<string>(
            "SELECT indexname AS \"Value\" FROM pg_indexes WHERE tablename = 'Cases' AND indexdef LIKE '%USING gin%'").ToListAsync();
        var copied = await db.Database.SqlQueryRaw<string>(
            "SELECT \"Description\" AS \"Value\" FROM \"CaseSearchTexts\" WHERE \"CaseId\" = {0}", reported.Id).ToListAsync();

        Assert.Empty(ginOnCases);
        Assert.Equal(["楼道漏水三天了"], copied);
    }

    [Theory]
    [InlineData("漏水", true)]
    [InlineData("ab", true)]
    [InlineData("𠀀水", true)]
    [InlineData("水", false)]
    [InlineData("楼道漏水", false)]
    public void IsPair_CountsCodePointsAsPostgresDoes(string text, bool pair) => Assert.Equal(pair, SearchText.IsPair(text));

    private static async Task<List<string>> PostgresPlanAsync(string sql, params object[] parameters)
    {
        await using var database = await TestDatabase.CreateAsync(provider: DatabaseProvider.PostgreSql);
        await using var db = database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // A handful of rows would be read whole anyway (or walked by their key); the question is whether the index can answer.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off");
        var explain = "EXPLAIN " + sql;
        return await db.Database.SqlQueryRaw<string>(explain, parameters).ToListAsync();
    }
}
