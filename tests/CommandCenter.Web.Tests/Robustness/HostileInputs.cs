using System.Reflection;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace CommandCenter.Web.Tests.Robustness;

/// <summary>
/// Generators of what clients send: for every field of an endpoint's request type a value that
/// is plausible for its type most of the time and hostile the rest (wrong type, out of range,
/// markup, control characters, huge); bodies in every framing (JSON, truncated JSON, forms,
/// broken multipart, wrong content types); route and query values of every kind.
/// </summary>
public sealed class HostileInputs(KnownValues known)
{
    private static readonly string[] HostileStrings =
    [
        "", " ", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(document.cookie)",
        "http://127.0.0.1:9/x.png", "\u0000", "a\u0007b", "CT0001\u0000", "CT00001", "ct0001", "温度 a<b 时", "'; DROP TABLE Cases; --",
        "../../etc/passwd", "%00", "\ud800", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "2026-13-45T25:61:00Z", "Bogus", "NaN",
        "-1", "{}", "\u202Eevil", new string('长', 3000), new string('a', 70_000),
    ];

    private static readonly string[] HostileJson =
    [
        "null", "true", "false", "0", "-1", "2147483648", "-2147483649", "99", "1e308", "1e999", "-0.5", "[]", "{}", "[1,2,3]",
        "[null]", "[{}]", "{\"a\":{\"b\":{\"c\":[]}}}", string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200)),
        "\"00000000-0000-0000-0000-000000000000\"",
    ];

    private static readonly string[] ExtraFields = ["", "__proto__", "$type", "id", "version", "state", "photoIds", "attachments"];

    public static readonly string[] Languages = ["zh-CN", "en-US", "en", "zh", "fr-FR", "*", "xx-INVALID;q=abc", ""];

    public static readonly string[] Callers = ["admin", "dispatcher", "liaison", "grid", "anon"];

    private static readonly string[] QueryNames =
    [
        "state", "level", "communityId", "courtyardId", "unitId", "categoryCode", "urgency", "supervised", "search", "sort", "descending",
        "page", "pageSize", "from", "to", "fromUtc", "toUtc", "actor", "source", "caseNumber", "caseId", "t", "year", "kind",
    ];

    public Gen<string> HostileJsonValue { get; } = Gen.OneOf<string>(Gen.OneOf(HostileJson), Gen.OneOf(HostileStrings).Select(s => JsonSerializer.Serialize(s)));

    /// <summary>A value for a member of this type: plausible three times in four, hostile otherwise.</summary>
    public Gen<string> ValueFor(Type type) => Gen.Frequency<string>((3, Plausible(Nullable.GetUnderlyingType(type) ?? type)), (1, HostileJsonValue));

    private Gen<string> Plausible(Type type)
    {
        if (type == typeof(string)) return Gen.OneOf("测试说明", "已到现场处理", "0101", "0301", known.CourtyardCode, "张三", "13812345678", "");
        if (type == typeof(int) || type == typeof(long) || IsTypedId(type)) return Gen.OneOf<string>([.. known.Ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "0", "-1"]);
        if (type == typeof(bool)) return Gen.OneOf("true", "false");
        if (type == typeof(double) || type == typeof(decimal)) return Gen.OneOf("29.56", "106.55", "-91", "1e300");
        if (type == typeof(Guid)) return Gen.OneOf<string>(Gen.OneOf<string>([.. known.CaseIds.Select(id => JsonSerializer.Serialize(id))]), Gen.Guid.Select(g => JsonSerializer.Serialize(g)));
        if (type == typeof(DateTime) || type == typeof(DateTimeOffset))
            return Gen.OneOf(
                JsonSerializer.Serialize(DateTime.UtcNow.AddDays(3)), JsonSerializer.Serialize(DateTime.UtcNow.AddDays(-3)),
                JsonSerializer.Serialize(DateTime.UtcNow.AddYears(50)), "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00Z\"");
        if (type == typeof(DateOnly)) return Gen.OneOf("\"2026-12-25\"", "\"9999-12-31\"", "\"0001-01-01\"");
        if (type == typeof(TimeSpan)) return Gen.OneOf("\"00:30:00\"", "\"-00:30:00\"", "\"10675199.02:48:05.4775807\"", "\"24.00:00:00\"");
        if (type.IsEnum) return Gen.OneOf<string>([.. Enum.GetNames(type).Select(n => JsonSerializer.Serialize(n)), "99", "-1", "\"Bogus\""]);
        if (type.IsArray || type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            var item = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
            return Plausible(item).Array[0, 4].Select(items => $"[{string.Join(",", items)}]");
        }
        return Gen.Const("{}");
    }

    // A typed id is a JSON number on the wire (IntIdJsonConverter).
    private static bool IsTypedId(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(Domain.Organisation.IIntId<>));

    /// <summary>A JSON object for the request type: some of its members, maybe a stray one, maybe a member twice.</summary>
    public Gen<string> JsonObjectFor(Type? requestType)
    {
        var members = requestType is null ? [] : MembersOf(requestType);
        var field = members.Count == 0
            ? Gen.OneOf(ExtraFields).SelectMany(name => HostileJsonValue.Select(value => (name, value)))
            : Gen.Frequency<(string name, string value)>(
                (6, Gen.OneOf(members.ToArray()).SelectMany(m => ValueFor(m.Type).Select(value => (name: m.Name, value)))),
                (1, Gen.OneOf(ExtraFields).SelectMany(name => HostileJsonValue.Select(value => (name, value)))));
        return field.Array[0, members.Count + 2].Select(fields => "{" + string.Join(",", fields.Select(f => $"{JsonSerializer.Serialize(f.name)}:{f.value}")) + "}");
    }

    /// <summary>A body in one of the framings a client may get wrong.</summary>
    public Gen<(string? ContentType, byte[] Body)> BodyFor(Type? requestType) =>
        Gen.Frequency<(string? ContentType, byte[] Body)>(
            (8, JsonObjectFor(requestType).Select(json => ((string?)"application/json", Encoding.UTF8.GetBytes(json)))),
            (2, JsonObjectFor(requestType).SelectMany(json => Gen.Int[0, Math.Max(0, json.Length - 1)].Select(cut => ((string?)"application/json", Encoding.UTF8.GetBytes(json[..cut]))))),
            (1, HostileJsonValue.Select(json => ((string?)"application/json", Encoding.UTF8.GetBytes(json)))),
            (1, Gen.OneOf<(string?, byte[])>(
                (null, []), ("application/json", []), ("text/plain", "hello"u8.ToArray()), ("application/json; charset=utf-16", "{\"a\":1}"u8.ToArray()),
                ("application/json", [0xFF, 0xFE, 0xC3, 0x28, 0x7B]), ("application/xml", "<a/>"u8.ToArray()), ("application/json", new byte[1_200_000]))),
            (2, Forms));

    /// <summary>Forms and multipart bodies framed wrongly: no or odd boundary, truncated, headerless parts, too many fields.</summary>
    public static Gen<(string? ContentType, byte[] Body)> Forms { get; } = Gen.OneOf<(string? ContentType, byte[] Body)>(
        Gen.OneOf<(string?, byte[])>(
            ("multipart/form-data", "hello"u8.ToArray()),
            ("multipart/form-data; boundary=x", "hello"u8.ToArray()),
            ($"multipart/form-data; boundary={new string('b', 200)}", Multipart(new string('b', 200), Part("description", "漏水"))),
            ("multipart/form-data; boundary=abc", Multipart("abc", Part("description", "漏水"))[..40]),
            ("multipart/form-data; boundary=abc", Encoding.UTF8.GetBytes("--abc\r\nX-Nothing: 1\r\n\r\nvalue\r\n--abc--\r\n")),
            ("multipart/form-data; boundary=abc", Encoding.UTF8.GetBytes($"--abc\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Big: {new string('h', 20_000)}\r\n\r\nv\r\n--abc--\r\n")),
            ("multipart/form-data; boundary=abc", Multipart("abc", [.. Enumerable.Range(0, 2_000).Select(i => Part($"f{i}", "v"))])),
            ("multipart/form-data; boundary=abc", Multipart("abc", Part("description", "第一"), Part("description", "第二"), Part("courtyardCode", "CT0001"), Part("categoryCode", "0101"))),
            ("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes(string.Join("&", Enumerable.Range(0, 5_000).Select(i => $"f{i}=v")))),
            ("application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("a=%ZZ&b=%&c=" + new string('x', 100_000))),
            ("application/x-www-form-urlencoded", [0xFF, 0xFE, 0x3D, 0x26])),
        Gen.Byte.Array[0, 300].Select(bytes => ((string?)"multipart/form-data; boundary=abc", bytes)));

    public static byte[] Multipart(string boundary, params string[] parts) =>
        Encoding.UTF8.GetBytes(string.Concat(parts.Select(p => $"--{boundary}\r\n{p}\r\n")) + $"--{boundary}--\r\n");

    public static string Part(string name, string value) => $"Content-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}";

    /// <summary>A route with each parameter filled by a known value or a hostile one.</summary>
    public Gen<string> Route(string pattern)
    {
        Gen<string> gen = Gen.Const("");
        foreach (var segment in pattern.Split('/').Skip(1))
        {
            var value = Segment(segment);
            gen = gen.SelectMany(path => value.Select(v => $"{path}/{v}"));
        }
        return gen;
    }

    private Gen<string> Segment(string segment) => segment switch
    {
        "{id:guid}" => Gen.Frequency<string>((4, Gen.OneOf<string>([.. known.CaseIds.Select(id => id.ToString())])), (1, Gen.Guid.Select(g => g.ToString()))),
        "{number}" => Gen.OneOf<string>(Gen.OneOf<string>([.. known.CaseNumbers]), EscapedSegment),
        "{code}" => Gen.OneOf<string>(Gen.OneOf(known.CourtyardCode, known.TrackingCode), EscapedSegment),
        "{date}" => Gen.OneOf("2026-12-25", "9999-12-31", "0001-01-01", "2026-02-30", "x"),
        "{documentName}.json" => Gen.Const("v1.json"),
        _ when segment.StartsWith('{') => Gen.OneOf<string>([.. known.Ids.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "0", "-1", "2147483647"]),
        _ => Gen.Const(segment),
    };

    private static Gen<string> Escaped { get; } = Gen.OneOf(HostileStrings).Select(s => Uri.EscapeDataString(s.Length > 300 ? s[..300] : s));

    /// <summary>Kestrel refuses a path with an encoded NUL before the app sees it; the test server throws instead.</summary>
    private static Gen<string> EscapedSegment { get; } = Gen.OneOf([.. HostileStrings.Where(s => !s.Contains('\0', StringComparison.Ordinal))])
        .Select(s => Uri.EscapeDataString(s.Length > 300 ? s[..300] : s));

    public Gen<string> Query { get; } = Gen.OneOf(QueryNames)
        .SelectMany(name => Gen.OneOf<string>(Gen.OneOf("1", "0", "-1", "99999999999", "InProgress", "Bogus", "true", "2026-12-01", "9999-12-31", "0101"), Escaped)
            .Select(value => $"{name}={value}"))
        .Array[0, 4].Select(pairs => pairs.Length == 0 ? "" : "?" + string.Join("&", pairs));

    private static List<(string Name, Type Type)> MembersOf(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || type.GetConstructors().Any(c => c.GetParameters().Any(a => string.Equals(a.Name, p.Name, StringComparison.OrdinalIgnoreCase))))
            .Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name), p.PropertyType))];
}

/// <summary>Ids and codes that exist, so generated requests reach past "not found" into the commands' rules.</summary>
public sealed record KnownValues(
    IReadOnlyList<Guid> CaseIds, IReadOnlyList<string> CaseNumbers, IReadOnlyList<int> Ids, string CourtyardCode, string TrackingCode);
