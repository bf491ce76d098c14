using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;

namespace CommandCenter.Web.Api;

/// <summary>
/// The page a person's browser gets when a page request fails outside Blazor (a fault, a refused form post, a rate
/// limit): the app's header and colours, one plain sentence, a way back; never internals. Self-contained (styles
/// inline), since whatever failed may be what serves the stylesheets.
/// </summary>
internal static class ErrorPage
{
    // The default encoder escapes every Chinese character; the page should stay readable as sent.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // The theme's colours (CommandCenterTheme): app bar blue-darken-4, primary blue-darken-3, background blue-grey-lighten-5.
    private const string Style = """
        html,body{margin:0;min-height:100%;background:#eceff1;color:#263238;font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
        header{display:flex;align-items:center;gap:.6rem;height:56px;padding:0 1.25rem;background:#0d47a1;color:#fff;font-size:1.15rem;font-weight:500}
        header svg{width:24px;height:24px;fill:currentColor}
        main{max-width:34rem;margin:12vh auto 0;padding:2rem 2rem 1.5rem;background:#fff;border:1px solid #cfd8dc;border-radius:6px;box-sizing:border-box}
        h1{margin:0 0 .75rem;font-size:1.5rem;font-weight:500}
        p{margin:0 0 1.5rem;font-size:1rem;line-height:1.6}
        nav{display:flex;flex-wrap:wrap;gap:.75rem}
        a{display:inline-block;padding:.5rem 1.1rem;border-radius:4px;text-decoration:none;font-size:.95rem;border:1px solid #1565c0;color:#1565c0}
        a.primary{background:#1565c0;color:#fff}
        a:focus-visible{outline:2px solid #1565c0;outline-offset:2px}
        @media (max-width:600px){main{margin:1rem;padding:1.5rem 1.25rem}}
        """;

    // Material "hub", the app bar's mark.
    private const string Mark = """<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M8.4 18.2c.38.5.6 1.12.6 1.8 0 1.66-1.34 3-3 3s-3-1.34-3-3 1.34-3 3-3c.44 0 .85.09 1.23.26l1.41-1.77c-.92-1.03-1.29-2.39-1.09-3.69l-2.03-.68c-.54.8-1.45 1.33-2.52 1.33-1.66 0-3-1.34-3-3s1.34-3 3-3 3 1.34 3 3v.2l2.03.69c.64-1.21 1.82-2.09 3.22-2.32V5.85C9.96 5.41 9 4.32 9 3c0-1.66 1.34-3 3-3s3 1.34 3 3c0 1.32-.96 2.41-2.25 2.85v2.16c1.4.23 2.58 1.11 3.22 2.32l2.03-.69V9.5c0-1.66 1.34-3 3-3s3 1.34 3 3-1.34 3-3 3c-1.07 0-1.98-.53-2.52-1.33l-2.03.68c.2 1.29-.16 2.65-1.09 3.69l1.41 1.77c.38-.17.79-.26 1.23-.26 1.66 0 3 1.34 3 3s-1.34 3-3 3-3-1.34-3-3c0-.68.22-1.3.6-1.8l-1.41-1.77c-1.35.75-3.01.76-4.37 0L8.4 18.2z"/></svg>""";

    /// <param name="sentence">What went wrong, for a person: the error table's sentence in the request's language.</param>
    public static string Of(HttpContext http, IStringLocalizer text, int status, string sentence)
    {
        var title = status >= StatusCodes.Status500InternalServerError ? text["ErrorPage.Title"].Value : sentence;
        // A page read again is the way out of a passing fault; a form post is not sent twice by a link.
        string again = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : http.Request.Path.Value ?? "/";
        // A resident has no desk to go back to: only the page again.
        var back = Public.ResidentPages.Contains(http.Request.Path)
            ? ""
            : $"""<a href="/">{Html.Encode(text["NotFound.Back"])}</a>""";
        return $"""
            <!DOCTYPE html><html lang="{CultureInfo.CurrentUICulture.Name}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{Html.Encode(title)} · {Html.Encode(text["App.Name"])}</title><style>{Style}</style></head>
            <body data-error-page="{status}"><header>{Mark}<span>{Html.Encode(text["App.Name"])}</span></header>
            <main><h1>{Html.Encode(title)}</h1><p>{Html.Encode(sentence)}</p>
            <nav><a class="primary" href="{Html.Encode(again)}">{Html.Encode(text["ErrorPage.Again"])}</a>{back}</nav></main></body></html>
            """;
    }
}
