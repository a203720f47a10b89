import VigilContracts
import VigilRuntime

/// How long a customer may wait for an agent's reply before the wait times out:
/// one default limit and per-shop overrides, in seconds.
///
/// ``load(path:)`` reads them from the file that ``option`` names, and
/// describes its format. Without a file every shop gets ``defaultSeconds``.
public struct ReplyLimits: Sendable, Equatable {
    /// The built-in limit: 180 seconds.
    ///
    /// Taobao and Tmall rate a shop's service on the share of buyer questions
    /// that a person answers within 3 minutes (旺旺3分钟人工响应率). With this
    /// default, a vendor's agents must meet the same limit that the platform sets
    /// for the brand's shop. It also sits well above the usual reply. In the demo
    /// chat data, half of the waits end within 30 s, and 180 s times out about
    /// 7% of them.
    public static let defaultSeconds = 180

    /// The limits a file may set, in seconds. Below 10 s a timeout would fire
    /// while an agent is still typing, and above a day the wait is no longer
    /// a reply-time matter.
    public static let allowedSeconds: ClosedRange<Int> = 10...86_400

    /// The `--reply-limits FILE` option of `vigil-alerting`.
    public static let option = OptionSpec(
        "reply-limits", environment: "VIGIL_REPLY_LIMITS", valueName: "FILE",
        help: LocalizedText(chinese: "回复时限配置文件（JSON，单位秒）：默认时限和各店铺时限；不指定时所有店铺为 180 秒",
                            english: "JSON file of reply limits in seconds: the default and per-shop limits; without it every shop gets 180 s"))

    /// The limit of shops without an override, in seconds.
    public var defaultSeconds: Int
    /// Limits by shop id, in seconds.
    public var shops: [String: Int]

    /// Creates limits from values already checked against ``allowedSeconds``.
    /// A value outside that range is a programming error and stops the process.
    /// Files go through ``load(path:)``, which reports bad values instead.
    public init(defaultSeconds: Int = ReplyLimits.defaultSeconds, shops: [String: Int] = [:]) {
        precondition(Self.allowedSeconds.contains(defaultSeconds), "reply limit \(defaultSeconds) s out of range")
        precondition(shops.values.allSatisfy(Self.allowedSeconds.contains), "shop reply limit out of range")
        self.defaultSeconds = defaultSeconds
        self.shops = shops
    }

    /// Returns the limit of `shop`, in seconds: its override, else the default.
    public func seconds(forShop shop: String) -> Int {
        shops[shop] ?? defaultSeconds
    }
}
