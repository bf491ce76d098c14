// The namespace is the root one on purpose: IStringLocalizer<T> looks for
// "{root}.Resources.{T without root}", so this type finds Resources/SharedResource*.resx.
namespace CommandCenter.Web;

/// <summary>Marker for the console's one resource set (Resources/SharedResource.resx, .zh-CN.resx).</summary>
public sealed class SharedResource;
