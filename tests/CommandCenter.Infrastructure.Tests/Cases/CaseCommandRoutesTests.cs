using CommandCenter.Domain.Organisation;
using CommandCenter.Domain.Cases;
using CommandCenter.Infrastructure.Cases;

namespace CommandCenter.Infrastructure.Tests.Cases;

/// <summary>The route table is read off the request types: each command is run by one request type, under its own route.</summary>
public sealed class CaseCommandRoutesTests
{
    [Fact]
    public void All_EveryCommandOnce_InTheEnumsOrder()
    {
        Assert.Equal(Enum.GetValues<CaseCommand>(), CaseCommandRoutes.All.Select(r => r.Command));
    }

    [Fact]
    public void All_RoutesAreDistinct_AndEachTypeIsARequest()
    {
        Assert.Equal(CaseCommandRoutes.All.Count, CaseCommandRoutes.All.Select(r => r.Route).Distinct().Count());
        Assert.All(CaseCommandRoutes.All, r => Assert.True(r.RequestType.IsSubclassOf(typeof(CaseCommandRequest)), r.RequestType.Name));
    }

    [Theory]
    [InlineData(CaseCommand.Sign, typeof(SignCase), "sign")]
    [InlineData(CaseCommand.AddProgress, typeof(AddProgress), "progress")]
    [InlineData(CaseCommand.RequestEscalation, typeof(RequestEscalation), "escalation-request")]
    [InlineData(CaseCommand.ApproveRequest, typeof(ApproveRequest), "request/approve")]
    [InlineData(CaseCommand.ClosePart, typeof(ClosePart), "parts/close")]
    public void Of_Command_IsItsRequestTypeAndRoute(CaseCommand command, Type requestType, string route)
    {
        Assert.Equal(new CommandRoute(command, route, requestType), CaseCommandRoutes.Of(command));
        Assert.Equal(command, CaseCommandRoutes.Of(requestType).Command);
    }

    [Fact]
    public void Command_OfARequest_IsTheOneItsTypeDeclares()
    {
        Assert.Equal(CaseCommand.Sign, new SignCase().Command);
        Assert.Equal(CaseCommand.Return, new ReturnCase(ReturnReason.Other, "不是本单位的").Command);
        Assert.Equal(CaseCommand.ClosePart, new ClosePart(new UnitId(3), "已完成").Command);
    }
}
