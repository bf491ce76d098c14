using System.Text;

namespace CommandCenter.Infrastructure.Cases.Search;

/// <summary>
/// Turns text into what the SQLite full-text index stores and matches (and, for the other servers, into a LIKE pattern). Chinese has no
/// spaces between words, so every CJK character becomes a token of its own; a query is
/// then a phrase of adjacent tokens, which finds any substring of two or more characters
/// without a word list. Latin words and numbers stay whole.
/// </summary>
public static class SearchText
{
    /// <summary>The SQL function the insert trigger calls on each new description.</summary>
    public const string SqlFunction = "cc_search_tokens";

    public static string Tokens(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length * 2);
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsIdeographic(rune))
                builder.Append(' ').Append(rune.ToString()).Append(' ');
            else if (Rune.IsLetterOrDigit(rune))
                builder.Append(rune.ToString());
            else
                builder.Append(' ');
        }
        return builder.ToString();
    }

    /// <summary>An FTS5 phrase query matching the text as a substring (quotes doubled as FTS5 wants).</summary>
    public static string? PhraseQuery(string text)
    {
        var tokens = Tokens(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return tokens.Length == 0 ? null : $"\"{string.Join(' ', tokens).Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>The escape character of <see cref="LikePattern"/>.</summary>
    public const string LikeEscape = @"\";

    /// <summary>A LIKE pattern matching the text as a substring, its wildcards (SQL Server's [ too) escaped by <see cref="LikeEscape"/>.</summary>
    public static string LikePattern(string text) =>
        $"%{text.Replace(LikeEscape, LikeEscape + LikeEscape, StringComparison.Ordinal).Replace("%", LikeEscape + "%", StringComparison.Ordinal)
            .Replace("_", LikeEscape + "_", StringComparison.Ordinal).Replace("[", LikeEscape + "[", StringComparison.Ordinal)}%";

    /// <summary>
    /// PostgreSQL's condition on a case for a search of two characters, {0} being them: a trigram index has no trigram in
    /// 漏水 to look up, so the description's pairs of adjacent characters (cc_bigrams, migration CaseSearchBigrams) are
    /// indexed too. Both indexes are on the descriptions' own table (migration CaseSearchTexts).
    /// </summary>
    public const string PostgresPairMatch =
        "\"Id\" IN (SELECT \"CaseId\" FROM \"CaseSearchTexts\" WHERE cc_bigrams(\"Description\") @> ARRAY[{0}])";

    /// <summary>PostgreSQL's condition on a case for a longer search, {0} being its <see cref="LikePattern"/>: the trigram index answers it.</summary>
    public const string PostgresLikeMatch =
        "\"Id\" IN (SELECT \"CaseId\" FROM \"CaseSearchTexts\" WHERE \"Description\" LIKE {0} ESCAPE '" + LikeEscape + "')";

    /// <summary>Whether the text is two characters (code points, as PostgreSQL counts them): the pair index's case.</summary>
    public static bool IsPair(string text) => text.EnumerateRunes().Count() == 2;

    private static bool IsIdeographic(Rune rune) =>
        rune.Value is >= 0x3400 and <= 0x9FFF or >= 0xF900 and <= 0xFAFF or >= 0x20000 and <= 0x3134F;
}
