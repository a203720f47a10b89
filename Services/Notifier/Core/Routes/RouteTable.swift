import VigilContracts

/// The routes of a routes file and the choice of robots for an alert.
///
/// An alert goes to the routes of the agent's team. When that team has no
/// route, it goes to the routes of the site, and when the site has none, to
/// the default routes. The level is chosen by whether routes exist, before
/// severities are compared: a team whose robots all want only critical
/// alerts gets no high alert, and the site's robot does not get it instead.
public struct RouteTable: Sendable {
    public let routes: [NotificationRoute]
    private let teamRoutes: [String: [NotificationRoute]]
    private let siteRoutes: [String: [NotificationRoute]]
    private let fallbackRoutes: [NotificationRoute]

    public init(routes: [NotificationRoute]) {
        self.routes = routes
        var teams: [String: [NotificationRoute]] = [:]
        var sites: [String: [NotificationRoute]] = [:]
        var fallback: [NotificationRoute] = []
        for route in routes {
            switch route.scope {
            case .team(let team): teams[team, default: []].append(route)
            case .site(let site): sites[site, default: []].append(route)
            case .fallback: fallback.append(route)
            }
        }
        teamRoutes = teams
        siteRoutes = sites
        fallbackRoutes = fallback
    }

    /// Returns the routes that receive `alert` in file order, or an empty array when none does.
    public func routes(for alert: Alert) -> [NotificationRoute] {
        let level: [NotificationRoute]
        if let team = alert.team, let routes = teamRoutes[team] {
            level = routes
        } else if let routes = siteRoutes[alert.site] {
            level = routes
        } else {
            level = fallbackRoutes
        }
        return level.filter { $0.accepts(alert.severity) }
    }

    /// The robots' credentials: every query value of their webhook addresses
    /// and the DingTalk signing secrets, for the log redaction.
    public var credentials: [String] {
        routes.flatMap { route in route.url.sensitiveValues + (route.secret.map { [$0] } ?? []) }
    }

    /// Returns the route with `id`, or nil when the routes file no longer has it.
    public func route(id: String) -> NotificationRoute? {
        routes.first { $0.id == id }
    }
}
