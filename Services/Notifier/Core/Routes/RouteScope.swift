/// The alerts a route is for: one team's, one site's, or those that no team or site route takes.
public enum RouteScope: Sendable, Hashable, CustomStringConvertible {
    case team(String)
    case site(String)
    /// The default route, for alerts whose team and site have no route.
    case fallback

    /// `team:<id>`, `site:<id>` or `default`, as route ids and listings show it.
    public var description: String {
        switch self {
        case .team(let team): "team:\(team)"
        case .site(let site): "site:\(site)"
        case .fallback: "default"
        }
    }
}
