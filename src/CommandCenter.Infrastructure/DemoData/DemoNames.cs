using System.Globalization;

namespace CommandCenter.Infrastructure.DemoData;

/// <summary>Plausible Chinese personal names and mobile numbers for demo staff and reporters.</summary>
internal static class DemoNames
{
    // Surnames weighted towards those common in Chongqing (谭, 冉, 向 …).
    private static readonly string[] Surnames =
    [
        "陈", "李", "王", "张", "刘", "杨", "周", "黄", "谭", "罗", "何", "邓", "冉", "向", "唐", "吴",
        "徐", "赵", "胡", "曾", "彭", "蒋", "余", "熊", "袁", "龙", "秦", "郑", "马", "朱", "杜", "田",
        "廖", "蒲", "牟", "汪", "程", "付", "雷", "邹",
    ];

    private static readonly string[] GivenNames =
    [
        "建华", "晓燕", "志强", "丽娟", "海涛", "春梅", "国平", "小红", "文静", "德明", "秀英", "永刚",
        "红梅", "俊杰", "雪梅", "明辉", "玉兰", "光荣", "晓东", "婷婷", "浩然", "思雨", "家豪", "金凤",
        "宇航", "丹", "勇", "敏", "伟", "静", "磊", "娟", "雪", "军", "霞", "超", "欣怡", "子涵", "梓萱", "一鸣",
    ];

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153",
        "155", "158", "159", "166", "177", "180", "181", "183", "185", "186", "187", "189", "199",
    ];

    /// <summary>The <paramref name="index"/>th name of a fixed sequence; distinct for the first 1,600 indexes.</summary>
    public static string Person(int index)
    {
        var surname = index % Surnames.Length;
        var given = (index / Surnames.Length + 7 * surname) % GivenNames.Length;
        return Surnames[surname] + GivenNames[given];
    }

    /// <summary>The <paramref name="index"/>th mobile number of a fixed sequence (11 digits).</summary>
    public static string Phone(int index)
    {
        var digits = (index * 7_919L * 104_729L + 23_456_789L) % 100_000_000L;
        return MobilePrefixes[index % MobilePrefixes.Length] + digits.ToString("D8", CultureInfo.InvariantCulture);
    }

    public static string Phone(Random random) =>
        MobilePrefixes[random.Next(MobilePrefixes.Length)]
        + random.Next(100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>How a caller gives a name on the hotline: often just 陈女士 / 王先生.</summary>
    public static string Caller(Random random)
    {
        var surname = Surnames[random.Next(Surnames.Length)];
        return random.Next(3) switch
        {
            0 => surname + "女士",
            1 => surname + "先生",
            _ => surname + GivenNames[random.Next(GivenNames.Length)],
        };
    }
}
