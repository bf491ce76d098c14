namespace CommandCenter.Domain.Common;

/// <summary>Masks personal data wherever it is shown to someone who does not need it (DESIGN §9).</summary>
public static class PersonalData
{
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return phone;
        if (phone.Length < 7) return new string('*', phone.Length);
        return string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));
    }

    public static string? MaskName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return name;
        return name.Length == 1 ? "*" : string.Concat(name.AsSpan(0, 1), new string('*', name.Length - 1));
    }
}
