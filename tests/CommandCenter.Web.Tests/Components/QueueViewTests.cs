using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;
using CommandCenter.Infrastructure.Cases;
using CommandCenter.Web.Components.Pages.Cases;

namespace CommandCenter.Web.Tests.Components;

/// <summary>The queue's state in its URL: what is written is read back the same; defaults and nonsense leave the URL short and harmless.</summary>
public sealed class QueueViewTests
{
    [Fact]
    public void Parse_OfItsOwnParameters_GivesTheSameView()
    {
        var view = new QueueView(QueueTab.All.Single(t => t.Key == "PendingDispatch"), new CaseQuery
        {
            Search = "漏水", CommunityId = new CommunityId(3), Level = HandlingLevel.Community, Urgency = Urgency.Urgent, CategoryCode = "0102",
            Time = TimeStatus.Overdue, Sort = CaseSort.HandlingDeadline, Descending = false, Page = 2, PageSize = 50,
        });

        var parsed = QueueView.Parse(view.ToParameters().Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => (string?)Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(view.Tab, parsed.Tab);
        Assert.Equal(view.Filter with { States = null }, parsed.Filter with { States = null });
    }

    [Fact]
    public void ToParameters_OfTheDefaultView_AreAllLeftOut()
    {
        Assert.All(QueueView.Default.ToParameters(), p => Assert.Null(p.Value));
    }

    [Theory]
    [InlineData("tab", "NoSuchTab")]
    [InlineData("level", "Planet")]
    [InlineData("urgency", "42")]
    [InlineData("page", "-3")]
    [InlineData("size", "7")]
    [InlineData("sort", "Colour")]
    public void Parse_OfAValueThatDoesNotParse_KeepsTheDefault(string name, string value)
    {
        var parsed = QueueView.Parse(new Dictionary<string, string?> { [name] = value });

        Assert.Equal(QueueView.Default.Tab, parsed.Tab);
        Assert.Equal(QueueView.Default.Filter, parsed.Filter);
    }
}
