namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// One app over a database the demo data filled with a month of history, enough cases for every channel,
/// shared by the tests of a class.
/// </summary>
public sealed class DemoHistoryApp() : SharedApp(new CommandCenterFactory { DemoCases = 400 });
