using CommandCenter.Domain.Categories;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Domain.Tests.Builders;

/// <summary>Theory data shared by tests that must hold for every combination of an enum pair.</summary>
public static class Combinations
{
    public static TheoryData<Urgency, HandlingLevel> EveryUrgencyAndLevel()
    {
        var data = new TheoryData<Urgency, HandlingLevel>();
        foreach (var urgency in Enum.GetValues<Urgency>())
            foreach (var level in Enum.GetValues<HandlingLevel>())
                data.Add(urgency, level);
        return data;
    }
}
