using System.Runtime.CompilerServices;
using Bunit;

namespace CommandCenter.Web.Tests.Support;

/// <summary>
/// bUnit's "wait for" gives up after one second by default: enough on an idle machine, not on two cores shared
/// with the suite's apps and browsers. A passing wait returns as soon as it passes; only a failing one waits this long.
/// </summary>
internal static class ComponentWaits
{
    [ModuleInitializer]
    internal static void Lengthen() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
}
