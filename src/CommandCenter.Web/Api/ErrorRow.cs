namespace CommandCenter.Web.Api;

/// <summary>One row of <see cref="ErrorTable"/>: an exception type and the answer it gets.</summary>
public sealed record ErrorRow(Type Type, Func<Exception, ErrorEntry> Answer);
