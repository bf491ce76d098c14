using System.Text.RegularExpressions;
using CommandCenter.Domain.Access;
using CommandCenter.Domain.Common;

namespace CommandCenter.Domain.Organisation;

/// <summary>
/// What a street gives on its first start: its district, its own name and case-number code, and the
/// first administrator. Checked here once, whether it comes from the setup page, the API or the
/// command line, and made into the records that open the street (ids given by the caller, who
/// holds the write gate).
/// </summary>
public sealed partial record FirstSetup
{
    public const int MaxPlaceNameLength = 64;
    public const int MaxPersonNameLength = 32;

    private FirstSetup(string districtName, string streetName, string streetCode, string adminName, string adminPhone)
    {
        DistrictName = districtName;
        StreetName = streetName;
        StreetCode = streetCode;
        AdminName = adminName;
        AdminPhone = adminPhone;
    }

    public string DistrictName { get; }
    public string StreetName { get; }
    /// <summary>Two to four capital letters, the prefix of every case number (CT in CT-20261122-0042).</summary>
    public string StreetCode { get; }
    public string AdminName { get; }
    public string AdminPhone { get; }

    /// <summary>The setup as typed, trimmed and checked; refused naming the first field that is wrong.</summary>
    public static FirstSetup Of(string? districtName, string? streetName, string? streetCode, string? adminName, string? adminPhone)
    {
        var district = PlainText.Required(districtName, "districtName", MaxPlaceNameLength);
        var street = PlainText.Required(streetName, "streetName", MaxPlaceNameLength);
        var code = CheckedStreetCode(streetCode, "streetCode");
        var admin = PlainText.Required(adminName, "adminName", MaxPersonNameLength);
        var phone = PhoneNumber.Check(adminPhone, "adminPhone")
            ?? throw new DomainValidationException("Required", "adminPhone is required.", "adminPhone");
        return new FirstSetup(district, street, code, admin, phone);
    }

    public District District(DistrictId id) => new() { Id = id, Name = DistrictName };

    public Street Street(StreetId id, DistrictId districtId) => new() { Id = id, DistrictId = districtId, Name = StreetName, Code = StreetCode };

    /// <summary>The first administrator: street-wide, of no unit.</summary>
    public Staff Administrator(StaffId id) => Staff.New(id, AdminName, AdminPhone, AccessRole.Administrator, null, null, null);

    /// <summary>A street's case-number code, upper-cased: two to four Latin letters.</summary>
    public static string CheckedStreetCode(string? streetCode, string field)
    {
        var code = PlainText.Required(streetCode, field, 4).ToUpperInvariant();
        return Code().IsMatch(code) ? code
            : throw new DomainValidationException("InvalidStreetCode", "The street code is two to four Latin letters.", field);
    }

    [GeneratedRegex("^[A-Z]{2,4}$")]
    private static partial Regex Code();
}
