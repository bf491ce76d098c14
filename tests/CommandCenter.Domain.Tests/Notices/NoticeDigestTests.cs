using CommandCenter.Domain.Notices;

namespace CommandCenter.Domain.Tests.Notices;

public sealed class NoticeDigestTests
{
    private const string First = "【指挥中心】案件A1已派遣至某单位，请及时签收办理。";

    [Fact]
    public void OneCase_KeepsItsOwnText() => Assert.Equal(First, NoticeDigest.Text(First, ["A1"]));

    [Fact]
    public void SameCaseTwice_IsStillOneCase() => Assert.Equal(First, NoticeDigest.Text(First, ["A1", "A1"]));

    [Fact]
    public void SeveralCases_NameHowManyMoreAndWhich() =>
        Assert.Equal(First + "（同批另有2件：A2、A3）", NoticeDigest.Text(First, ["A1", "A2", "A3"]));

    [Fact]
    public void ManyCases_NameTheFirstFiveAndSayThereAreMore() =>
        Assert.Equal(First + "（同批另有7件：A2、A3、A4、A5、A6等）", NoticeDigest.Text(First, ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"]));

    [Fact]
    public void ALongText_IsCutSoTheCountStillFits()
    {
        var text = NoticeDigest.Text(new string('长', NoticeTemplate.MaxRenderedLength), ["A1", "A2"]);

        Assert.Equal(NoticeTemplate.MaxRenderedLength, text.Length);
        Assert.EndsWith("（同批另有1件：A2）", text);
    }
}
