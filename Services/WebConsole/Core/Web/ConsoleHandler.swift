import VigilContracts
import VigilHTTP
import VigilLog
import VigilRuntime

/// The console's web layer: sign-in, the pages, the live alert stream and
/// the case actions, over the read model's queries.
///
/// Every page except sign-in needs a session, which a sign-in token from
/// the tokens file starts. Each request checks the session's person against
/// the roster again, so a person who left the roster is signed out and a
/// person whose vendor changed sees the new vendor's data at once. The
/// brand manager sees every vendor, and everyone else only their own
/// vendor's records. Another vendor's case is 404, like an unknown one, so
/// case ids do not tell whether a case exists. Forms carry the session's
/// token against cross-site requests. Texts are Chinese unless `?lang=en`
/// (kept in a cookie) asks for English, every text is HTML-escaped, and
/// phone, ID card and bank card numbers are masked on output.
///
/// The live alert stream blocks its connection's thread, so the server must
/// run ``HTTPServerConfiguration/Threading/threadPerConnection``.
public struct ConsoleHandler: HTTPHandler {
    let readModel: any ConsoleReadModelReading
    let tokens: ConsoleTokens
    let commands: ConsoleCommandPublisher
    let settings: ConsoleWebSettings
    let logger: Logger
    let sessions: ConsoleSessions
    let streams: LiveStreams

    public init(readModel: any ConsoleReadModelReading, tokens: ConsoleTokens, commands: ConsoleCommandPublisher,
                settings: ConsoleWebSettings = ConsoleWebSettings(), logger: Logger) {
        self.readModel = readModel
        self.tokens = tokens
        self.commands = commands
        self.settings = settings
        self.logger = logger
        self.sessions = ConsoleSessions(idleSeconds: settings.sessionIdleSeconds, maximumSessions: settings.maximumSessions,
                                        maximumPerPerson: settings.maximumSessionsPerPerson)
        self.streams = LiveStreams(perPerson: settings.maximumStreamsPerPerson, maximum: settings.maximumStreams)
    }

    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let (language, languageCookie) = language(of: request.head)
        let text = ConsoleText(language: language, zone: settings.displayZone)
        var response = route(request, text: text)
        if let languageCookie {
            response.headers.add(name: "Set-Cookie", value: languageCookie)
        }
        return response
    }

    // MARK: - Routing

    private func route(_ request: HTTPRequest, text: ConsoleText) -> HTTPResponse {
        guard let route = ConsoleRoute(path: request.path) else {
            return notFound(request, text: text)
        }
        let method = request.method == "HEAD" ? "GET" : request.method
        guard route.methods.contains(method) else {
            return ConsoleResponses.text(405, text.pick("此页面不接受 \(request.method) 请求。\n",
                                                        "Method \(request.method) is not allowed here.\n"))
                .header("Allow", route.methods.joined(separator: ", "))
        }

        if method == "POST", let rejection = crossSiteRejection(request, text: text) {
            return rejection
        }

        switch route {
        case .healthz:
            // Healthy only while a query on the store succeeds, so a monitor
            // notices a damaged store.
            do {
                _ = try readModel.eventClock()
                return ConsoleResponses.text(200, "ok\n")
            } catch {
                logger.warning("console health check failed: store query failed", metadata: [
                    "vigil.error": String(describing: error),
                ])
                return ConsoleResponses.text(503, "store unreadable\n")
            }
        case .styleSheet:
            return ConsoleResponses.asset(ConsoleStyleSheet.text, contentType: "text/css; charset=utf-8")
        case .script:
            return ConsoleResponses.asset(ConsoleScript.text, contentType: "text/javascript; charset=utf-8")
        case .login:
            return method == "GET" ? loginPage(request, text: text) : signIn(request, text: text)
        default:
            break
        }

        let visitor: Visitor
        switch signedIn(request) {
        case .success(let signedIn):
            visitor = signedIn
        case .failure(.notSignedIn):
            if method == "GET", route != .alertEvents {
                return ConsoleResponses.redirect(to: "/login")
            }
            return ConsoleResponses.text(401, text.pick("请先登录。\n", "Sign in first.\n"))
        case .failure(.storeFailed):
            return unavailable(request, text: text)
        }

        switch route {
        case .logout:
            return signOut(request, visitor: visitor, text: text)
        case .alerts:
            return alertsPage(request, visitor: visitor, text: text)
        case .alertEvents:
            return alertEvents(request, visitor: visitor, text: text)
        case .cases:
            return casesPage(request, visitor: visitor, text: text)
        case .caseFile(let id):
            return casePage(request, caseId: id, visitor: visitor, text: text)
        case .caseAction(let id, let action):
            return caseAction(request, caseId: id, action: action, visitor: visitor, text: text)
        case .rectifications:
            return rectificationsPage(request, visitor: visitor, text: text)
        case .league:
            return leaguePage(request, visitor: visitor, text: text)
        case .trends:
            return trendsPage(request, visitor: visitor, text: text)
        case .healthz, .styleSheet, .script, .login:
            return notFound(request, text: text)
        }
    }

    // MARK: - Language

    /// Reads the language from `?lang=` (returning the cookie that keeps it),
    /// else from the language cookie, else Chinese.
    private func language(of head: HTTPRequestHead) -> (Language, String?) {
        if let tag = head.queryValue("lang"), let language = Language(tag: tag) {
            let value = language == .english ? "en" : "zh"
            return (language, ConsoleResponses.cookie(ConsoleResponses.languageCookie, value, maxAge: 365 * 86_400,
                                                      secure: settings.secureCookies))
        }
        let cookie = RequestCookies(headers: head.headers)[ConsoleResponses.languageCookie]
        return (cookie.flatMap { Language(tag: $0) } ?? .chinese, nil)
    }

    /// Returns 413 in the page's language, with the console's security headers.
    public func bodyTooLarge(_ head: HTTPRequestHead, limit: Int) -> HTTPResponse {
        let text = ConsoleText(language: language(of: head).0, zone: settings.displayZone)
        return ConsoleResponses.text(413, text.pick("请求内容超过 \(limit) 字节的上限。\n",
                                                    "Request body is larger than the limit of \(limit) bytes.\n"))
    }

    // MARK: - Pages around the content

    /// Returns a whole page for a signed-in visitor.
    func page(_ status: Int = 200, title: String, content: String, section: ConsoleSection?, visitor: Visitor,
              request: HTTPRequest, text: ConsoleText) -> HTTPResponse {
        let html = ConsoleLayout.document(
            title: title, content: content, section: section,
            signedIn: ConsoleLayout.SignedIn(viewer: visitor.viewer, csrfToken: visitor.session.csrfToken),
            languageLinks: languageLinks(request), text: text)
        return ConsoleResponses.page(status, html)
    }

    /// Returns a whole page without the navigation, for the sign-in page and errors before sign-in.
    func publicPage(_ status: Int, title: String, content: String, request: HTTPRequest,
                    text: ConsoleText) -> HTTPResponse {
        let html = ConsoleLayout.document(title: title, content: content, section: nil, signedIn: nil,
                                          languageLinks: languageLinks(request), text: text)
        return ConsoleResponses.page(status, html)
    }

    /// Builds the links to this page in the other language. A form's target
    /// cannot be reloaded with GET, and a path the console does not serve may
    /// be anything (`//other.example` would lead off the console), so both
    /// lead to the main page instead.
    func languageLinks(_ request: HTTPRequest) -> LanguageLinks {
        guard request.method != "POST", ConsoleRoute(path: request.path) != nil else {
            return LanguageLinks(path: "/", query: [])
        }
        return LanguageLinks(path: request.path, query: request.query.map { (name: $0.name, value: $0.value) })
    }

    func notFound(_ request: HTTPRequest, text: ConsoleText) -> HTTPResponse {
        let content = "<h1>\(text.pick("找不到页面", "Not found"))</h1><p>\(text.pick("没有这个页面或案件，或者你无权查看。", "There is no such page or case, or you may not see it."))</p>"
        return publicPage(404, title: text.pick("找不到页面", "Not found"), content: content, request: request, text: text)
    }

    /// Returns 503 after a read model error, which the caller has logged.
    func unavailable(_ request: HTTPRequest, text: ConsoleText) -> HTTPResponse {
        let content = "<h1>\(text.pick("暂时无法读取数据", "Data unavailable"))</h1><p>\(text.pick("控制台暂时读不到数据，请稍后刷新。", "The console cannot read its data right now; reload the page in a moment."))</p>"
        return publicPage(503, title: text.pick("暂时无法读取数据", "Data unavailable"), content: content, request: request,
                          text: text)
            .retryAfter(seconds: 5)
    }
}
