namespace CommandCenter.Domain.Categories;

/// <summary>一般 / 紧急 / 特急.</summary>
public enum Urgency
{
    Normal,
    Urgent,
    Critical,
}
