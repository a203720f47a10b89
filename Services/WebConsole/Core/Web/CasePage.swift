import VigilContracts

/// One case (`GET /cases/{id}`): its facts, timeline, accountability,
/// rejected commands and the forms that acknowledge it, add a note or resolve it.
enum CasePage {
    /// The state of a command the session sent, as the case page shows it.
    enum CommandOutcome {
        /// Escalation has not published an outcome yet; the script reloads the page while this is recent.
        case pending(CaseCommand, recent: Bool)
        case applied(CaseCommand, CaseEvent)
        case rejected(CaseCommand, CaseEvent)
    }

    static func content(_ file: CaseFile, now: Timestamp?, outcome: CommandOutcome?, csrfToken: String,
                        text: ConsoleText) -> String {
        var parts = ["<h1>\(text.pick("案件", "Case")) \(text.attribute(file.caseId))</h1>"]
        if let outcome {
            parts.append(banner(outcome, text: text))
        }
        parts.append(facts(file, now: now, text: text))
        if file.state != .resolved {
            parts.append(actions(file, csrfToken: csrfToken, text: text))
        }
        parts.append(timeline(file, text: text))
        parts += accountability(file, text: text)
        parts += rejections(file, text: text)
        return parts.joined(separator: "\n")
    }

    // MARK: - Sections

    private static func facts(_ file: CaseFile, now: Timestamp?, text: ConsoleText) -> String {
        let deadline = CaseDeadlineStatus(file, now: now).describe(zone: text.zone, language: text.language)
        let acknowledged = file.acknowledgedAt.map { time in
            text.pick("\(file.acknowledgedBy ?? "-")，\(text.time(time))", "\(file.acknowledgedBy ?? "-") at \(text.time(time))")
        } ?? text.pick("未确认", "not yet")
        let fields: [(String, String)] = [
            (text.pick("会话", "Thread"), file.thread.recordKey),
            (text.pick("客服", "Agent"), file.agent ?? "-"),
            (text.pick("班组 / 站点 / 外包商", "Team / site / vendor"),
             [file.team, file.site, file.vendor].map { $0 ?? "-" }.joined(separator: " / ")),
            (text.pick("状态", "State"), file.state.map { text.pick($0.label) } ?? "-"),
            (text.pick("级别", "Severity"), file.severity.map { text.pick($0.label) } ?? "-"),
            (text.pick("立案时间", "Opened"), text.time(file.openedAt)),
            (text.pick("确认", "Acknowledged"), acknowledged),
            (text.pick("指派给", "Assignee"), file.assignee ?? "-"),
            (text.pick("下一期限", "Next deadline"), deadline),
            (text.pick("投诉", "Complaints"),
             file.complaints.isEmpty ? "-" : file.complaints.map { text.pick($0.label) }.joined(separator: "、")),
        ]
        let rows = fields.map { "<dt>\(text.attribute($0.0))</dt><dd>\(text.html($0.1))</dd>" }.joined()
        return "<dl class=\"facts\">\(rows)</dl>"
    }

    private static func timeline(_ file: CaseFile, text: ConsoleText) -> String {
        let rows = file.timeline.filter { $0.type != .commandRejected }.map { event in
            "<tr><td>\(text.html(text.time(event.occurredAt)))</td><td>\(text.html(text.pick(event.text)))</td>"
                + "<td>\(text.html(event.actor ?? "-"))</td></tr>"
        }
        return "<h2>\(text.pick("时间线", "Timeline"))\(text.bracketed(text.zoneName))</h2>\n"
            + ConsoleTable.html(headers: [text.pick("时间", "Time"), text.pick("内容", "Entry"), text.pick("操作人", "By")],
                                rows: rows, empty: text.pick("时间线为空。", "The timeline is empty."), text: text,
                                id: "timeline")
    }

    private static func accountability(_ file: CaseFile, text: ConsoleText) -> [String] {
        guard file.reachedRegulator || file.cause != nil || file.review != nil || file.rectification != nil else {
            return []
        }
        var items: [(String, String)] = [
            (text.pick("原因", "Cause"), file.cause.map { text.pick($0.label) } ?? text.pick("待判定", "not classified yet")),
        ]
        for person in file.responsibilities {
            items.append((text.pick(person.level.label),
                          person.name + text.bracketed(text.list([person.personId, text.pick(person.role.label)]))))
        }
        if let review = file.review {
            items.append((text.pick("复盘结论", "Review"), review.summary))
            for (index, step) in review.steps.enumerated() {
                items.append((text.pick("处理过程 \(index + 1)", "Step \(index + 1)"), step))
            }
            for action in review.trainingActions {
                items.append((text.pick("培训", "Training"), action))
            }
        } else if file.reachedRegulator {
            items.append((text.pick("复盘", "Review"), text.pick("待提交", "not recorded yet")))
        }
        if let status = file.rectification {
            var value = text.pick(status.label)
            if let due = file.rectificationDueAt {
                value += text.pick("，截止 \(text.time(due))", ", due \(text.time(due))")
            }
            items.append((text.pick("整改", "Rectification"), value))
        }
        if let plan = file.plan {
            items.append((text.pick("整改方案", "Plan"), plan))
        }
        let rows = items.map { "<dt>\(text.html($0.0))</dt><dd>\(text.html($0.1))</dd>" }.joined()
        return ["<h2>\(text.pick("问责", "Accountability"))</h2>", "<dl class=\"facts\" id=\"accountability\">\(rows)</dl>"]
    }

    private static func rejections(_ file: CaseFile, text: ConsoleText) -> [String] {
        guard !file.rejections.isEmpty else { return [] }
        let rows = file.rejections.map { event in
            "<tr><td>\(text.html(text.time(event.occurredAt)))</td><td>\(text.html(event.action.map { text.pick($0.label) } ?? "-"))</td>"
                + "<td>\(text.html(event.actor ?? "-"))</td><td>\(text.html(text.pick(event.text)))</td></tr>"
        }
        return ["<h2>\(text.pick("被拒绝的命令", "Rejected commands"))</h2>",
                ConsoleTable.html(headers: [text.pick("时间", "Time"), text.pick("命令", "Command"),
                                            text.pick("操作人", "By"), text.pick("原因", "Reason")],
                                  rows: rows, empty: "", text: text, id: "rejections")]
    }

    // MARK: - Commands

    private static func actions(_ file: CaseFile, csrfToken: String, text: ConsoleText) -> String {
        let base = "/cases/\(text.attribute(URLText.pathSegment(file.caseId)))"
        let token = "<input type=\"hidden\" name=\"csrf\" value=\"\(text.attribute(csrfToken))\">"
        let acknowledge = file.acknowledgedAt == nil
            ? """
                <form method="post" action="\(base)/ack" class="action" id="action-ack">\(token)\
                <button type="submit">\(text.pick("确认案件（由我接手）", "Acknowledge (I take the case)"))</button></form>
                """
            : ""
        return """
            <section class="actions">
            <h2>\(text.pick("处理", "Actions"))</h2>
            \(acknowledge)
            <form method="post" action="\(base)/note" class="action" id="action-note">\(token)\
            <label>\(text.pick("跟进备注", "Follow-up note"))<textarea name="note" required maxlength="\(CaseActionForm.maximumNoteLength)"></textarea></label>\
            <button type="submit">\(text.pick("添加备注", "Add note"))</button></form>
            <form method="post" action="\(base)/resolve" class="action" id="action-resolve">\(token)\
            <label>\(text.pick("如何解决的（可选）", "How it was settled (optional)"))<textarea name="note" maxlength="\(CaseActionForm.maximumNoteLength)"></textarea></label>\
            <button type="submit">\(text.pick("结案", "Resolve"))</button></form>
            <p class="hint">\(text.pick("操作经由案件命令主题交给升级服务，按与 vigil case 相同的规则检查；结果出现在时间线上。",
                                        "Actions go to the escalation service on the case command topic and are checked "
                                            + "by the same rules as vigil case; the outcome appears on the timeline."))</p>
            </section>
            """
    }

    private static func banner(_ outcome: CommandOutcome, text: ConsoleText) -> String {
        switch outcome {
        case .pending(let command, let recent):
            let reload = recent ? " data-reload-seconds=\"3\"" : ""
            let message = text.pick(
                "已发送“\(text.pick(command.action.label))”（命令 \(command.commandId)），等待升级服务处理。",
                "Sent “\(text.pick(command.action.label))” (command \(command.commandId)); waiting for the escalation service.")
            let later = recent ? "" : text.pick("升级服务尚未处理；它在事件时间越过命令时间后的下一轮水位处理命令。",
                                                " Not applied yet: escalation applies a command at the first watermark "
                                                    + "after event time passes the command's time.")
            return "<p class=\"banner pending\" id=\"command-outcome\"\(reload)>\(text.html(message + later))</p>"
        case .applied(_, let event):
            return "<p class=\"banner applied\" id=\"command-outcome\">\(text.pick("已执行：", "Applied: "))"
                + "\(text.html(text.pick(event.text)))</p>"
        case .rejected(_, let event):
            return "<p class=\"banner rejected\" id=\"command-outcome\">\(text.pick("被拒绝：", "Rejected: "))"
                + "\(text.html(text.pick(event.text)))</p>"
        }
    }
}
