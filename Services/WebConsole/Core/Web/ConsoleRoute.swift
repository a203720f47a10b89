/// The console's routes, read from a request path.
enum ConsoleRoute: Equatable {
    case healthz
    case styleSheet
    case script
    case login
    case logout
    case alerts
    case alertEvents
    case cases
    case caseFile(String)
    case caseAction(String, action: String)
    case rectifications
    case league
    case trends

    /// Reads a percent-decoded path; nil for a path the console does not serve.
    init?(path: String) {
        switch path {
        case "/healthz": self = .healthz
        case "/assets/console.css": self = .styleSheet
        case "/assets/console.js": self = .script
        case "/login": self = .login
        case "/logout": self = .logout
        case "/": self = .alerts
        case "/events/alerts": self = .alertEvents
        case "/cases": self = .cases
        case "/rectifications": self = .rectifications
        case "/league": self = .league
        case "/trends": self = .trends
        default:
            guard path.hasPrefix("/cases/") else { return nil }
            let segments = path.dropFirst("/cases/".count).split(separator: "/", omittingEmptySubsequences: false)
            switch segments.count {
            case 1 where !segments[0].isEmpty:
                self = .caseFile(String(segments[0]))
            case 2 where !segments[0].isEmpty && !segments[1].isEmpty:
                self = .caseAction(String(segments[0]), action: String(segments[1]))
            default:
                return nil
            }
        }
    }

    /// The methods the route accepts; HEAD is served as GET.
    var methods: [String] {
        switch self {
        case .login: ["GET", "POST"]
        case .logout, .caseAction: ["POST"]
        default: ["GET"]
        }
    }

    /// True for the routes anyone may use without signing in.
    var isPublic: Bool {
        switch self {
        case .healthz, .styleSheet, .script, .login: true
        default: false
        }
    }
}
