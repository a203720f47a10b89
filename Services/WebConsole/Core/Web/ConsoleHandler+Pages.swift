import VigilContracts
import VigilHTTP
import VigilScoring

extension ConsoleHandler {
    /// Runs a read model query; on error it logs the query and returns nil,
    /// for which the caller sends 503.
    func query<Value>(_ name: String, visitor: Visitor, _ body: () throws -> Value) -> Value? {
        do {
            return try body()
        } catch {
            logger.error("console read model query failed", metadata: [
                "vigil.query": name,
                "vigil.person": visitor.viewer.person.id,
                "vigil.error": String(describing: error),
            ])
            return nil
        }
    }

    // MARK: - Alerts

    func alertsPage(_ request: HTTPRequest, visitor: Visitor, text: ConsoleText) -> HTTPResponse {
        guard let alerts = query("recentAlerts", visitor: visitor, {
            try readModel.recentAlerts(vendor: visitor.viewer.vendorFilter, limit: settings.alertListLimit)
        }) else {
            return unavailable(request, text: text)
        }
        return page(title: ConsoleSection.alerts.title(text),
                    content: AlertsPage.content(alerts, limit: settings.alertListLimit, text: text),
                    section: .alerts, visitor: visitor, request: request, text: text)
    }

    /// Opens the live alert stream after the alert in `Last-Event-ID` (an
    /// EventSource reconnecting), else after `?after=`, else after the newest
    /// alert now. Sends 429 when the person, or the console, already has as
    /// many open streams as ``ConsoleWebSettings`` allows.
    func alertEvents(_ request: HTTPRequest, visitor: Visitor, text: ConsoleText) -> HTTPResponse {
        guard let slot = streams.slot(personId: visitor.viewer.person.id) else {
            logger.notice("console live stream rejected: too many open streams", metadata: [
                "vigil.person": visitor.viewer.person.id,
                "vigil.http.remote": request.remoteAddress,
                "vigil.console.streams": String(streams.count),
            ])
            return ConsoleResponses.text(429, text.pick("打开的实时预警页面太多，请关闭其他页面后刷新。\n",
                                                        "Too many live alert pages are open; close some and reload.\n"))
                .retryAfter(seconds: 30)
        }
        let vendor = visitor.viewer.vendorFilter
        var after = request.headers["Last-Event-ID"].flatMap { Int64($0) }
            ?? request.head.queryValue("after").flatMap { Int64($0) }
        if after == nil {
            guard let newest = query("recentAlerts", visitor: visitor, {
                try readModel.recentAlerts(vendor: vendor, limit: 1)
            }) else {
                return ConsoleResponses.text(503, text.pick("控制台暂时读不到数据。\n",
                                                            "The console cannot read its data right now.\n"))
                    .retryAfter(seconds: 5)
            }
            after = newest.first?.sequence ?? 0
        }

        let stream = AlertStream(readModel: readModel, sessions: sessions, sessionId: visitor.session.id,
                                 viewer: visitor.viewer, after: max(after ?? 0, 0), slot: slot, text: text,
                                 settings: settings, logger: logger)
        return ConsoleResponses.secured(HTTPResponse(status: 200, headers: [
            "Content-Type": "text/event-stream; charset=utf-8",
            "Cache-Control": "no-store",
            // Tells a buffering proxy such as nginx to pass each event on at once.
            "X-Accel-Buffering": "no",
        ], stream: HTTPResponseStream { stream.next($0) }))
    }

    // MARK: - Cases

    func casesPage(_ request: HTTPRequest, visitor: Visitor, text: ConsoleText) -> HTTPResponse {
        guard let files = query("openCases", visitor: visitor, { try readModel.openCases(vendor: visitor.viewer.vendorFilter) }),
              let now = query("eventClock", visitor: visitor, { try readModel.eventClock() }) else {
            return unavailable(request, text: text)
        }
        return page(title: ConsoleSection.cases.title(text), content: CasesPage.content(files, now: now, text: text),
                    section: .cases, visitor: visitor, request: request, text: text)
    }

    /// Returns the case when the visitor may see it, and nil (404) for an
    /// unknown case and for another vendor's, so a response never reveals
    /// that another vendor's case exists.
    func visibleCase(_ id: String, visitor: Visitor) -> Result<CaseFile?, SignInFailure> {
        guard let found = query("caseFile", visitor: visitor, { try readModel.caseFile(id: id) }) else {
            return .failure(.storeFailed)
        }
        guard let file = found, visitor.viewer.mayView(vendor: file.vendor) else {
            if found != nil {
                logger.notice("console rejected a request for another vendor's case", metadata: [
                    "vigil.person": visitor.viewer.person.id,
                    "vigil.case_id": id,
                ])
            }
            return .success(nil)
        }
        return .success(file)
    }

    func casePage(_ request: HTTPRequest, caseId: String, visitor: Visitor, text: ConsoleText) -> HTTPResponse {
        guard case .success(let visible) = visibleCase(caseId, visitor: visitor),
              let now = query("eventClock", visitor: visitor, { try readModel.eventClock() }) else {
            return unavailable(request, text: text)
        }
        guard let file = visible else {
            return notFound(request, text: text)
        }
        let outcome = request.head.queryValue("command").flatMap { commandOutcome($0, file: file, visitor: visitor) }
        let content = CasePage.content(file, now: now, outcome: outcome, csrfToken: visitor.session.csrfToken, text: text)
        return page(title: "\(text.pick("案件", "Case")) \(file.caseId)", content: content, section: .cases,
                    visitor: visitor, request: request, text: text)
    }

    /// Looks up a command this session sent and its outcome on the case's timeline.
    private func commandOutcome(_ commandId: String, file: CaseFile, visitor: Visitor) -> CasePage.CommandOutcome? {
        guard let sent = visitor.session.sentCommands.last(where: { $0.command.commandId == commandId }),
              sent.command.caseId == file.caseId else {
            return nil
        }
        guard let event = file.timeline.last(where: { $0.isOutcome(of: sent.command) }) else {
            return .pending(sent.command, recent: ContinuousClock.now - sent.sentAt < Self.outcomeReloadWindow)
        }
        return event.type == .commandRejected ? .rejected(sent.command, event) : .applied(sent.command, event)
    }

    /// How long a case page reloads itself while its command waits for an outcome.
    static let outcomeReloadWindow: Duration = .seconds(60)

    func rectificationsPage(_ request: HTTPRequest, visitor: Visitor, text: ConsoleText) -> HTTPResponse {
        guard let files = query("rectifications", visitor: visitor, {
            try readModel.rectifications(vendor: visitor.viewer.vendorFilter)
        }) else {
            return unavailable(request, text: text)
        }
        return page(title: ConsoleSection.rectifications.title(text), content: RectificationsPage.content(files, text: text),
                    section: .rectifications, visitor: visitor, request: request, text: text)
    }

    // MARK: - Scores

    /// Reads `?kind=` among the kinds the pages offer; vendor when absent or unknown.
    private func subjectKind(_ request: HTTPRequest) -> ScoreSubjectKind {
        request.head.queryValue("kind").flatMap(ScoreSubjectKind.init(rawValue:)).flatMap {
            ScoreText.kinds.contains($0) ? $0 : nil
        } ?? .vendor
    }

    func leaguePage(_ request: HTTPRequest, visitor: Visitor, text: ConsoleText) -> HTTPResponse {
        let kind = subjectKind(request)
        let periodKind = request.head.queryValue("period").flatMap(ScorePeriodKind.init(rawValue:)) ?? .day
        guard let league = query("league", visitor: visitor, {
            try readModel.league(kind: kind, periodKind: periodKind, vendor: visitor.viewer.vendorFilter)
        }) else {
            return unavailable(request, text: text)
        }
        let content = LeaguePage.content(kind: kind, periodKind: periodKind, period: league.period, rows: league.rows,
                                         text: text)
        return page(title: ConsoleSection.league.title(text), content: content, section: .league, visitor: visitor,
                    request: request, text: text)
    }

    func trendsPage(_ request: HTTPRequest, visitor: Visitor, text: ConsoleText) -> HTTPResponse {
        let kind = subjectKind(request)
        guard let rows = query("dailyTrend", visitor: visitor, {
            try readModel.dailyTrend(kind: kind, vendor: visitor.viewer.vendorFilter, days: settings.trendDays)
        }) else {
            return unavailable(request, text: text)
        }
        let content = TrendsPage.content(kind: kind, rows: rows, days: settings.trendDays, text: text)
        return page(title: ConsoleSection.trends.title(text), content: content, section: .trends, visitor: visitor,
                    request: request, text: text)
    }
}
