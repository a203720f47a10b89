/// The sites whose records a submitter may send.
///
/// A vendor site's token may only submit records of its own site; the brand's
/// integration (complaints from the platform, the whole roster) may submit
/// any. Files and raw topics are trusted inputs and use ``any``.
public enum SiteScope: Sendable, Hashable {
    /// Records of every site, and records that belong to no site.
    case any
    /// Only records of this site.
    case site(String)

    /// The label metrics and dead letters use for the submitter.
    public var label: String {
        switch self {
        case .any: "*"
        case .site(let site): site
        }
    }
}
