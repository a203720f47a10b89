/// The pieces ``RuleSetGenerator`` builds specific phrases from, in the
/// ``KeywordStyle/specificPhrases`` style.
///
/// A phrase follows one of the templates a brand's own rules use. It is a
/// place and an authority or newspaper (杭州市监局, 四川日报), a district and a
/// local office (龙华区法院), a product and a fault (奶粉有异物), a made-up
/// brand and a shop type (鑫瑞旗舰店) or a product (鑫瑞面膜). The rest are
/// words of characters from the whole CJK Unified Ideographs block. Brands are made of
/// characters that shop names use, most of them common in chats too, so
/// the automaton meets many phrase beginnings that end in no match.
struct PhraseVocabulary {
    // MARK: - Templates

    /// Returns a phrase of three to six characters.
    static func phrase(random: inout SplitMix64) -> String {
        while true {
            let roll = random.next(below: 100)
            let candidate: String
            if roll < 20 {
                candidate = random.element(of: places) + random.element(of: authorities)
            } else if roll < 30 {
                candidate = brand(random: &random) + random.element(of: districtTypes) + random.element(of: localOffices)
            } else if roll < 50 {
                candidate = random.element(of: products) + random.element(of: faults)
            } else if roll < 70 {
                candidate = brand(random: &random) + random.element(of: shopTypes)
            } else if roll < 90 {
                candidate = brand(random: &random) + random.element(of: products)
            } else {
                candidate = rareWord(length: 3 + random.next(below: 4), random: &random)
            }
            if (3...6).contains(candidate.unicodeScalars.count) {
                return candidate
            }
        }
    }

    /// Returns `length` characters drawn evenly from U+4E00–U+9FA5, the CJK
    /// Unified Ideographs block, where most characters are rare in chats.
    static func rareWord(length: Int, random: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<length {
            // Every value in the block is a valid scalar.
            scalars.append(Unicode.Scalar(UInt32(0x4E00 + random.next(below: 0x9FA6 - 0x4E00)))!)
        }
        return String(scalars)
    }

    /// Returns a made-up name of two characters that shop and place names use.
    private static func brand(random: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(random.element(of: nameCharacters))
        scalars.append(random.element(of: nameCharacters))
        return String(scalars)
    }

    // MARK: - Pieces

    /// Provinces, regions and cities, without 省 or 市.
    static let places = """
        北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南
        四川 贵州 云南 陕西 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆 石家庄 太原 沈阳 大连 长春 哈尔滨 南京 苏州
        无锡 常州 南通 徐州 扬州 杭州 宁波 温州 绍兴 嘉兴 金华 台州 合肥 芜湖 蚌埠 福州 厦门 泉州 漳州 南昌
        赣州 济南 青岛 烟台 潍坊 临沂 郑州 洛阳 武汉 宜昌 襄阳 长沙 株洲 岳阳 广州 深圳 东莞 佛山 珠海 汕头
        惠州 中山 海口 三亚 成都 绵阳 宜宾 贵阳 遵义 昆明 大理 丽江 西安 兰州 西宁 南宁 桂林 柳州 拉萨 银川
        保定 唐山 邯郸 廊坊 大同 包头 鞍山 呼和浩特 乌鲁木齐
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Authorities and media a customer threatens to go to, short forms included.
    static let authorities = """
        市监局 市场监管局 工商局 消协 消保委 消费者协会 质监局 药监局 食药监 物价局 卫健委 网信办 商务局 邮政局
        信访局 信访办 税务局 公安局 派出所 法院 电视台 日报 晚报 都市报 电台 新闻网
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Products a brand sells, food and goods alike.
    static let products = """
        奶茶 咖啡 果汁 炸鸡 汉堡 披萨 米线 螺蛳粉 麻辣烫 寿司 蛋糕 面包 牛奶 酸奶 奶粉 纸尿裤 湿巾 面膜 口红
        粉底液 精华液 洗发水 沐浴露 牙膏 洗衣液 手机壳 耳机 充电器 数据线 平板 键盘 鼠标 显示器 电饭煲
        空气炸锅 冰箱 空调 洗衣机 吹风机 电动牙刷 扫地机 运动鞋 羽绒服 卫衣 牛仔裤 连衣裙 床单 枕头 行李箱 保温杯
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Faults a customer reports about a product.
    static let faults = """
        质量问题 有异物 有头发 吃坏肚子 过敏 变质 发霉 漏液 掉色 起球 开线 是假货 不是正品 爆炸 起火 漏电 有异味
        有虫子 烂了 死机 黑屏 断了 开胶 掉漆 褪色 缩水
        """.split(whereSeparator: \.isWhitespace).map(String.init)

    /// Characters of brand, shop and district names.
    static let nameCharacters: [Unicode.Scalar] = Array("""
        鑫瑞美佳华康源盛兴隆泰丰宝福安祥和顺达通利恒信诚德润泽雅尚品优良鲜味香甜甘醇膳食坊记阁轩堂斋居苑
        优思维创新科技智能电子数码云天星辰月光明阳春夏秋冬梅兰竹菊松柏桃李杏荷莲金银玉珠晶彩虹蓝青绿红紫
        白黑东南西北中山水江河湖海川峰岭林森木禾田米麦谷豆茶果蔬花草叶根芽心爱乐欣悦喜笑童贝婴宠猫狗熊鹿
        鹤凤龙虎狮象马牛羊鸡鸭鱼虾蟹壹贰叁千百万亿宏伟卓越领航启航远志博雅致尚简素朴真纯净洁雪冰霜露雨风
        """.unicodeScalars.filter(\.properties.isIdeographic))

    /// District kinds between a district name and its office.
    static let districtTypes = ["区", "县", "镇"]

    /// Local offices a customer names in a district.
    static let localOffices = ["市监所", "市监局", "消协", "法院", "派出所", "信访办"]

    /// Kinds of shop in a shop name.
    static let shopTypes = "旗舰店 专营店 专卖店 官方店 直营店 小店 工厂店".split(separator: " ").map(String.init)
}
