using CommandCenter.Infrastructure.PublicReporting;

namespace CommandCenter.Infrastructure.Tests.PublicReporting;

/// <summary>What counts as markup in a resident's text: real tags, script URLs and event handlers, never a comparison.</summary>
public sealed class PublicTextTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "a script element")]
    [InlineData("看看 <SCRIPT src=//x.cn/a.js", "an unclosed script tag, in capitals")]
    [InlineData("<img src=x onerror=alert(1)>", "an image with an error handler")]
    [InlineData("<img/src=x>", "an image without a space")]
    [InlineData("<svg onload=alert(1)>", "an svg with a load handler")]
    [InlineData("<iframe src=//x>", "a frame")]
    [InlineData("点<a href=\"//x.cn\">这里</a>", "a link")]
    [InlineData("<a onclick=\"x()\">点我</a>", "a link with a click handler")]
    [InlineData("楼道灯坏了</div>", "a closing tag")]
    [InlineData("<b>很急</b>", "a bold tag")]
    [InlineData("<br/>第二行", "a self-closing tag")]
    [InlineData("<!-- 注释 -->", "a comment")]
    [InlineData("<?xml version=\"1.0\"?>", "a declaration")]
    [InlineData("点这里 javascript:alert(1) 看看", "a script URL")]
    [InlineData("x\" onerror=\"alert(1)", "an event handler breaking out of an attribute")]
    [InlineData("垃圾桶 onmouseover =alert(1)", "an event handler with a space")]
    public void Check_Markup_IsRefused(string text, string why)
    {
        var refusal = Assert.Throws<PublicReportRefusedException>(() => PublicText.Screen(text, "description"));

        Assert.True(refusal.Code == "Markup", why);
    }

    [Theory]
    [InlineData("温度 a<b 时空调不制冷", "a comparison of two letters")]
    [InlineData("楼下噪音 3 < 5 分钟就响一次", "a comparison of numbers")]
    [InlineData("积水深度<50cm，小孩过不去", "less than a measure")]
    [InlineData("水温<40度，热水器坏了", "less than a temperature")]
    [InlineData("a < b > c 这样排队", "a chain of comparisons with spaces")]
    [InlineData("x<y 或 y>z 都不对", "comparisons either way")]
    [InlineData("<<通知>> 没有张贴", "quotation marks made of angle brackets")]
    [InlineData("on 时间 = 晚上十点", "the word on before an equals sign")]
    [InlineData("喇叭声音 >80 分贝", "more than a measure")]
    public void Check_PlainComparison_IsAccepted(string text, string why)
    {
        var accepted = PublicText.Screen(text, "description");

        Assert.True(accepted == text, why);
    }
}
