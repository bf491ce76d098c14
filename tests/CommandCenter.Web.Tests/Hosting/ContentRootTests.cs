using CommandCenter.Web.Hosting;

namespace CommandCenter.Web.Tests.Hosting;

/// <summary>
/// The app reads its settings and static files from its own folder wherever it is started from, unless it is given a
/// content root (checked by hand on a published build started from its parent folder: its scripts were served empty before).
/// </summary>
public sealed class ContentRootTests
{
    [Fact]
    public void WithoutAContentRoot_ItIsTheAppsOwnFolder() =>
        Assert.Equal(AppContext.BaseDirectory, ContentRoot.Default(["--urls", "http://127.0.0.1:5000"]));

    [Theory]
    [InlineData("--contentRoot", "/srv/app")]
    [InlineData("--contentRoot=/srv/app")]
    [InlineData("--contentroot", "/srv/app")]
    public void AContentRootGiven_IsLeftToTheHost(params string[] args) =>
        Assert.Null(ContentRoot.Default(args));
}
