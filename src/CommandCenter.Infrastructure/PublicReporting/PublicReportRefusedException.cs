using CommandCenter.Infrastructure.Images;

namespace CommandCenter.Infrastructure.PublicReporting;

/// <summary>
/// A resident's report or rating refused before anything was stored. <see cref="Code"/> names
/// the reason for the page and the API to put in the resident's language; a refused photo
/// carries its <see cref="PhotoRefusal"/>.
/// </summary>
public sealed class PublicReportRefusedException(string code, string field, string message, PhotoRefusal? photo = null) : Exception(message)
{
    public string Code { get; } = code;
    public string Field { get; } = field;
    public PhotoRefusal? Photo { get; } = photo;
}
