using CommandCenter.Domain.Cases;
using CommandCenter.Domain.Organisation;

namespace CommandCenter.Infrastructure.DemoData;

/// <summary>The words of the demo cases: what residents report, what units answer, per category item.</summary>
internal static class DemoCaseTexts
{
    /// <summary>
    /// Weight: how often the item is reported (courtyard-level items dominate). Indoor: the report
    /// nearly always names a building. Hazard: more often 紧急/特急. A description is
    /// courtyard + building + one problem + one tail; a result is what the unit reports done.
    /// </summary>
    public static readonly (string Code, double Weight, bool Indoor, bool Hazard, string[] Problems, string[] Results)[] Items =
    [
        ("0101", 10, false, false,
            ["垃圾桶满溢,周边散落大量生活垃圾", "有人倾倒装修垃圾,堆在路边无人清运", "绿化带内有暴露垃圾,蚊蝇较多"],
            ["已安排保洁人员清运垃圾并冲洗地面", "垃圾已清运完毕,已增加当日清运频次"]),
        ("0102", 8, false, false,
            ["楼下空地堆放废旧家具和纸箱", "单元门口长期堆放杂物,影响通行", "有住户在公共区域堆放建材"],
            ["已联系住户自行清理,剩余杂物由物业清运", "杂物已清理,已张贴文明提示"]),
        ("0103", 5, false, false,
            ["垃圾分类投放点混投严重,厨余垃圾与其他垃圾混在一起", "分类垃圾桶破损缺盖,无法正常分类投放", "分类督导员不在岗,居民随意投放"],
            ["已更换分类桶并安排督导员定时值守", "已开展入户宣传,投放点恢复正常"]),
        ("0104", 4, true, false,
            ["楼道墙面和单元门贴满小广告", "电梯间内被喷涂办证小广告", "宣传栏和电线杆上张贴大量牛皮癣"],
            ["小广告已清除,墙面已粉刷", "已清理完毕并加强巡查"]),
        ("0105", 3, false, false,
            ["小区门口有流动摊贩占道经营,堵塞通道", "早市摊点占用人行道,垃圾遍地", "夜间烧烤摊占道经营,油烟和噪音扰民"],
            ["执法队员已现场劝离摊贩,恢复通行", "已规劝摊主进入便民市场经营,并安排定时巡查"]),
        ("0201", 4, false, false,
            ["休闲区长椅木条断裂,老人坐下有危险", "公共座椅螺丝松动、靠背脱落", "广场座椅被撞坏,铁架外露"],
            ["已更换损坏木条并紧固螺丝", "座椅已维修完毕,可正常使用"]),
        ("0202", 5, false, false,
            ["路灯不亮已有数天,夜间出行不便", "庭院灯忽明忽暗,线路可能老化", "路灯灯杆倾斜,灯罩脱落"],
            ["已更换灯具并检修线路,照明恢复", "灯杆已扶正加固,路灯恢复正常"]),
        ("0203", 2, false, true,
            ["雨水井盖缺失,有行人踩空的危险", "污水井盖破裂下陷,车辆经过时异响", "井盖移位,周边未设置警示"],
            ["已设置警示并更换新井盖", "破损井盖已更换,周边已清理"]),
        ("0204", 3, false, false,
            ["健身器材转轴断裂,存在安全隐患", "儿童滑梯边缘破损,有划伤风险", "健身路径上的太空漫步机松动"],
            ["已拆除损坏部件并更换新器材", "器材已加固维修,安全检查合格"]),
        ("0301", 7, true, true,
            ["电梯运行中突然停梯,有居民被困", "电梯门反复开关无法运行", "电梯运行有异响,居民担心安全"],
            ["维保单位已到场解困并完成检修", "已更换门机部件,电梯经检测恢复运行"]),
        ("0302", 6, true, false,
            ["楼道顶部渗水,墙皮大面积脱落", "消防管道漏水,楼梯间积水", "雨天楼道窗户渗水,地面湿滑"],
            ["已更换破损管件,漏水已止住", "已修补防水层并清理积水"]),
        ("0303", 5, false, false,
            ["物业保洁不到位,楼道长期无人打扫", "物业服务中心电话无人接听,报修无人处理", "物业收费后服务质量下降,居民意见较大"],
            ["社区已约谈物业负责人,落实整改措施", "物业已调整保洁排班并公示服务电话"]),
        ("0304", 2, false, false,
            ["小区停车费和广告收入未按时公示", "居民对公共收益支出明细有疑问", "公共收益公示栏内容长期未更新"],
            ["已督促物业在公示栏和线上同步公示收支明细", "社区已组织业委会与物业对账并公开结果"]),
        ("0305", 1, true, true,
            ["外墙瓷砖脱落,砸坏楼下车辆", "楼体出现明显裂缝,居民担心安全", "阳台挑梁开裂,存在坠落风险"],
            ["已拉设警戒线,经专业机构鉴定后完成排危", "已清除外墙空鼓部位并完成修复"]),
        ("0401", 6, true, false,
            ["楼上住户夜间噪音扰民,多次沟通无果", "广场舞音响音量过大,影响休息", "底商深夜装修施工噪音大"],
            ["社区已上门调解,双方达成共识", "已约定活动时间和音量,噪音问题已缓解"]),
        ("0402", 4, true, false,
            ["邻居占用公共过道引发争执", "住户之间因晾晒衣物滴水发生矛盾", "邻里因宠物问题多次争吵"],
            ["网格员已组织双方调解,签订调解协议", "经社区调解,双方矛盾已化解"]),
        ("0403", 5, true, false,
            ["楼上卫生间漏水渗到楼下天花板", "邻居家水管破裂导致楼下墙面发霉", "楼上厨房防水失效,楼下吊顶渗水"],
            ["已协调楼上住户重做防水,楼下已停止渗水", "物业已关闭阀门并维修管道,协调双方赔偿"]),
        ("0404", 4, false, false,
            ["车辆长期占用他人车位引发纠纷", "僵尸车长期占用公共停车位", "车辆乱停放,早高峰出行拥堵"],
            ["已联系车主挪车并规划临时停车位", "僵尸车已联系车主拖离"]),
        ("0501", 3, false, true,
            ["消防通道被私家车长期占用", "消防通道被摊位和杂物堵塞", "消防车登高面被改作停车区"],
            ["已联系车主挪车并施划禁停标线", "执法队已清理占道杂物,消防通道恢复畅通"]),
        ("0502", 5, true, true,
            ["有住户从楼上拉飞线给电动车充电", "电动车推入楼道和电梯内充电", "车棚充电桩不足,居民私拉电线充电"],
            ["已劝导住户拆除飞线并引导至充电桩充电", "已增设充电桩并加强巡查"]),
        ("0503", 5, true, false,
            ["楼道内堆放纸箱杂物,堵塞疏散通道", "安全出口被自行车和杂物堵塞", "楼梯间堆放易燃物品"],
            ["已督促住户清理楼道杂物", "物业已清理杂物,安全出口畅通"]),
        ("0504", 3, true, false,
            ["楼道灭火器过期,消火栓箱内无水带", "应急照明灯和疏散指示损坏", "消火栓漏水,水压不足"],
            ["已更换灭火器并补齐水带", "已维修消防设施,经测试正常"]),
        ("0601", 3, true, false,
            ["邻居家的狗整夜吠叫,影响休息", "住户在家中饲养多只犬只,气味和噪音扰民", "流浪犬聚集在小区内,居民害怕"],
            ["已上门劝导犬主,犬只吠叫问题改善", "已联系相关部门收容流浪犬"]),
        ("0602", 3, false, false,
            ["有人遛狗不拴绳,犬只追咬儿童", "大型犬在小区内无牵引活动", "遛狗不清理粪便,草坪上随处可见"],
            ["已对犬主进行文明养犬宣传教育", "已加强巡查并张贴文明养犬提示"]),
        ("0701", 2, true, false,
            ["顶楼住户在楼顶违章搭建彩钢房", "底楼住户私自扩建院墙", "有住户在阳台外违规搭建雨棚"],
            ["执法队已下达限期整改通知书,违建已拆除", "已督促当事人自行拆除违章搭建"]),
        ("0702", 1, false, false,
            ["住户在公共绿地上开荒种菜", "有人擅自砍伐绿化树木改作停车位", "底楼住户将公共绿地圈为私家花园"],
            ["已恢复绿地原貌并补种苗木", "已责令当事人恢复原状"]),
        ("0801", 2, true, false,
            ["整栋楼停水超过半天,没有任何通知", "自来水发黄有异味", "供水管网爆管,路面积水"],
            ["水务公司已抢修爆管,供水恢复", "已冲洗管网,水质检测合格"]),
        ("0802", 1.5, true, false,
            ["突然停电,电梯和照明都停了", "电压不稳,家电频繁跳闸", "配电箱冒烟,有焦糊味"],
            ["供电公司已更换故障设备,供电恢复", "已调整变压器负荷,电压恢复正常"]),
        ("0803", 0.8, true, true,
            ["楼道内有明显燃气味", "燃气管道锈蚀,疑似漏气", "底商燃气罐摆放不规范,有泄漏隐患"],
            ["燃气公司已关阀抢修,检测无泄漏", "已更换锈蚀管段并完成安全检查"]),
        ("0901", 1.5, false, false,
            ["楼下餐馆油烟直排,熏黑外墙", "烧烤店油烟净化器未开启,住户无法开窗", "餐馆排烟管道正对住户窗户"],
            ["已责令餐馆安装并规范使用油烟净化设施", "已督促商户改造排烟管道"]),
        ("0902", 1.5, false, false,
            ["附近工地夜间施工,噪音扰民", "渣土车凌晨作业,噪音很大", "工地未办理夜间施工许可仍连夜作业"],
            ["已责令工地停止夜间施工", "已核查夜间施工许可,要求工地采取降噪措施"]),
        ("0903", 0.7, false, false,
            ["雨水管有污水排出,流入河道", "洗车店污水直排进雨水井", "化粪池满溢,污水外流"],
            ["已封堵违规排污口,对责任人立案调查", "已清掏化粪池并疏通管网"]),
        ("1001", 1, false, false,
            ["附近公园步道护栏松动", "公园公厕损坏无法使用", "公园儿童游乐设施损坏"],
            ["园林部门已维修护栏", "已完成设施维修并恢复开放"]),
        ("1002", 1, false, false,
            ["行道树枝叶遮挡住户窗户和路灯", "绿化带内杂草丛生,有枯死树木", "大风吹倒树木压在道路上"],
            ["已修剪树枝并清运枝叶", "已补种苗木并完成养护"]),
    ];

    public static readonly string[] Tails =
    [
        "。", ",请尽快处理。", ",已经持续好几天了。", ",希望尽快解决。", ",影响居民正常生活。", ",麻烦派人来看看。",
    ];

    public static readonly string[] RejectReasons =
    [
        "非本辖区事项,已告知反映人向所在地街道反映", "现场核查无此问题,反映内容不实", "咨询类诉求,已当场答复",
        "信息不全且无法联系反映人核实", "测试信息",
    ];

    public static readonly string[] DispatchNotes = ["请尽快处置", "请按时限办结并上传照片", "居民反映较多,请优先处理"];

    public const string ArbitrationNote = "经指挥中心审定,由你单位负责处置,不得再退单";

    public const string RaiseOnAcceptNote = "涉及多户居民,提级处置";

    public static readonly (ReturnReason Reason, string? Note)[] Returns =
    [
        (ReturnReason.JurisdictionMismatch, "该点位不在我单位服务范围内"),
        (ReturnReason.OwnershipUnclear, "设施产权不明,需核实权属后再派"),
        (ReturnReason.FunctionOverlap, null),
        (ReturnReason.Other, "现场情况与描述不符,请重新核实"),
    ];

    public static readonly string[] ProgressNotes =
    [
        "已到现场查看,正在安排处置", "已联系相关人员,预计今日处理完毕", "材料已到位,正在施工", "已与当事人沟通,正在协调",
    ];

    public static readonly string[] EscalationReasons =
    [
        "超出本单位处置能力,申请提级处置", "需多部门联合处置,申请升级", "当事人拒不配合,需执法力量介入",
    ];

    public static readonly string[] PostponementReasons =
    [
        "需采购配件,申请延期", "需等待天气好转后施工", "需协调业主入户,申请延期",
    ];

    public static readonly string[] DeferralReasons =
    [
        "需纳入老旧小区改造计划统筹解决", "维修资金申请中,暂缓处置", "涉及历史遗留问题,需专题研究",
    ];

    /// <summary>Why a leader ended a deferral (恢复办理) or kept it longer (延长挂账).</summary>
    public static readonly string[] ResumeNotes = ["维修资金已到位,恢复办理", "改造计划已批复,请尽快处置"];

    public static readonly string[] ExtensionNotes = ["专项资金尚未批复,延长挂账", "待汛期结束后再行处置"];

    public static readonly string[] RefusalNotes = ["理由不充分,请按原时限处置", "请加快处置,按时办结"];

    public static readonly string[] SupervisionNotes =
    [
        "请加快处置进度,按时办结", "群众反映强烈,请优先处理", "已超时限,请立即处置并说明原因",
    ];

    public static readonly string[] SupervisionAnswers =
    [
        "已安排人员今日到场处置,预计明日办结", "已联系物业协同处理,正在推进", "超时原因为材料待采购,已加急落实",
    ];

    public static readonly string[] PartResults = ["已配合完成现场核查", "本部门职责范围内事项已处理完毕", "已派员参与联合处置"];

    public static readonly string[] VerificationFailNotes = ["现场核查问题未彻底解决,请返工", "整改不到位,仍有残留"];

    public const string VerificationPassNote = "经现场核查,问题已解决";

    public static readonly string[] SatisfiedComments = ["处理很及时,谢谢!", "问题解决了,点赞", "工作人员态度很好"];

    public static readonly string[] BasicallySatisfiedComments = ["解决了,但速度有点慢", "基本解决,希望加强日常管理"];

    public static readonly string[] UnsatisfiedComments = ["问题没有彻底解决", "处理后又出现了同样的问题"];

    /// <summary>How a channel's reports open: hotline calls are written down by the dispatcher, and so on.</summary>
    public static string Prefix(Channel channel) => channel switch
    {
        Channel.Hotline => "市民来电反映:",
        Channel.GridPatrol => "巡查发现:",
        Channel.Dispatcher => "领导巡查交办:",
        Channel.ExternalSystem => "数字城管平台推送:",
        _ => "",
    };

    public static string LevelName(HandlingLevel level) => level switch
    {
        HandlingLevel.Courtyard => "院落",
        HandlingLevel.Community => "社区",
        HandlingLevel.Street => "街道",
        _ => "区级部门",
    };
}
