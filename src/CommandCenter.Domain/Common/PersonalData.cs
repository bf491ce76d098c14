namespace CommandCenter.Domain.Common;

/// <summary>Masks personal data wherever it is shown to someone who does not need it (DESIGN §9).</summary>
public static class PersonalData
{
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return phone;
        // Mobile numbers keep the familiar 138****5678; shorter ones hide at least half.
        var (head, tail) = phone.Length >= 11 ? (3, 4) : phone.Length >= 6 ? (2, 2) : (0, 0);
        return string.Concat(phone.AsSpan(0, head), new string('*', phone.Length - head - tail), phone.AsSpan(phone.Length - tail));
    }

    public static string? MaskName(string? name)
    {
        if (string.IsNullOrEmpty(name)) return name;
        return name.Length == 1 ? "*" : string.Concat(name.AsSpan(0, 1), new string('*', name.Length - 1));
    }

    /// <summary>An ID number keeps its region's first three digits and its last four: 510***********123X.</summary>
    public static string? MaskIdNumber(string? number)
    {
        if (string.IsNullOrEmpty(number)) return number;
        if (number.Length < 8) return new string('*', number.Length);
        return string.Concat(number.AsSpan(0, 3), new string('*', number.Length - 7), number.AsSpan(number.Length - 4));
    }
}
