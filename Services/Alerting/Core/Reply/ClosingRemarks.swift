/// Customer messages that close a turn instead of requesting something:
/// thanks, an acknowledgement, a goodbye, or only an emoji.
///
/// Such a message starts no reply wait. Agents are not expected to reply to
/// "好的" or "谢谢", and timing those out sent supervisors alerts about
/// conversations that had simply ended.
public enum ClosingRemarks {
    /// The remarks, written without punctuation or spaces, in lower case.
    public static let phrases: Set<String> = [
        "好", "好的", "好滴", "好嘞", "好吧", "好哒", "行", "行吧", "可以", "可以了", "嗯", "嗯嗯", "恩", "恩恩",
        "哦", "哦哦", "噢", "喔", "ok", "okay", "okk", "知道了", "收到", "明白", "明白了", "了解", "懂了",
        "谢谢", "谢谢你", "谢谢您", "多谢", "感谢", "辛苦了", "辛苦", "麻烦了", "thx", "thanks",
        "好的谢谢", "好的谢谢你", "好的谢谢您", "好的多谢", "好的辛苦了", "嗯嗯谢谢", "嗯谢谢", "ok谢谢", "谢谢啦",
        "拜拜", "再见", "88", "没事了", "没有了", "没问题", "没问题了", "不用了", "那就这样", "就这样吧",
        "离开人工会话",
    ]

    /// Returns true when `text` needs no reply: it is one of ``phrases`` once
    /// everything but letters and digits (punctuation, spaces, emoji) is dropped,
    /// or nothing is left at all. A question mark always requests a reply, even
    /// alone, because "？" nudges the agent.
    public static func needsNoReply(_ text: String) -> Bool {
        if text.unicodeScalars.contains(where: { $0 == "?" || $0 == "？" }) {
            return false
        }
        var core = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
            core.append(scalar)
        }
        let remark = String(core).lowercased()
        return remark.isEmpty || phrases.contains(remark)
    }
}
