import Foundation
import VigilContracts
import VigilHTTP

extension ConsoleHandler {
    /// Sends the case command of an action form (ack, note, resolve) and
    /// sends the browser back to the case, where the outcome appears.
    ///
    /// The console checks only what `vigil case` checks before it sends: the
    /// form token, that the viewer may see the case, and the command's
    /// arguments. Escalation applies the roster's permissions and the case's
    /// state and writes the outcome on the timeline, rejections included.
    func caseAction(_ request: HTTPRequest, caseId: String, action name: String, visitor: Visitor,
                    text: ConsoleText) -> HTTPResponse {
        let form = FormFields(body: request.body)
        guard hasValidToken(form, session: visitor.session) else {
            return forbidden(request, visitor: visitor, text: text)
        }
        guard case .success(let visible) = visibleCase(caseId, visitor: visitor) else {
            return unavailable(request, text: text)
        }
        guard let file = visible, let action = CaseActionForm.actions[name] else {
            return notFound(request, text: text)
        }

        let built = CaseActionForm.command(action, file: file, form: form, actor: visitor.viewer.person.id,
                                           issuedAt: settings.commandTime(), commandId: UUID().uuidString.lowercased(),
                                           text: text)
        let command: CaseCommand
        switch built {
        case .success(let value):
            command = value
        case .failure(let problem):
            return actionProblem(400, problem.message, file: file, request: request, visitor: visitor, text: text)
        }

        do {
            try commands.publish(command)
        } catch {
            logger.error("console could not publish a case command", metadata: [
                "vigil.command_id": command.commandId,
                "vigil.case_id": command.caseId,
                "vigil.person": visitor.viewer.person.id,
                "vigil.error": String(describing: error),
            ])
            return actionProblem(503, text.pick("命令没有发送成功（消息队列不可用），请稍后重试。",
                                                "The command could not be sent (the broker is unavailable); retry in a moment."),
                                 file: file, request: request, visitor: visitor, text: text)
                .retryAfter(seconds: 5)
        }
        sessions.recordSent(command, sessionId: visitor.session.id)
        return ConsoleResponses.redirect(
            to: "/cases/\(URLText.pathSegment(file.caseId))?command=\(URLText.queryComponent(command.commandId))")
    }

    private func actionProblem(_ status: Int, _ message: String, file: CaseFile, request: HTTPRequest, visitor: Visitor,
                               text: ConsoleText) -> HTTPResponse {
        let link = "/cases/\(URLText.pathSegment(file.caseId))"
        let content = "<h1>\(text.pick("命令未发送", "Command not sent"))</h1>"
            + "<p class=\"banner rejected\" id=\"command-problem\">\(text.html(message))</p>"
            + "<p><a href=\"\(text.attribute(link))\">\(text.pick("返回案件", "Back to the case"))</a></p>"
        return page(status, title: text.pick("命令未发送", "Command not sent"), content: content, section: .cases,
                    visitor: visitor, request: request, text: text)
    }
}
