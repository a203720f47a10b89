import Foundation
import VigilContracts
import VigilHTTP
import VigilRuntime

extension ConsoleHandler {
    // MARK: - Sessions

    /// Finds the request's session and checks its person against the roster
    /// again, ending the session of a person no longer on it.
    func signedIn(_ request: HTTPRequest) -> Result<Visitor, SignInFailure> {
        guard let id = RequestCookies(headers: request.headers)[ConsoleResponses.sessionCookie],
              let session = sessions.session(id: id) else {
            return .failure(.notSignedIn)
        }
        let person: RosterPerson?
        do {
            person = try readModel.person(id: session.personId)
        } catch {
            logger.error("console could not read the roster for a session", metadata: [
                "vigil.person": session.personId,
                "vigil.error": String(describing: error),
            ])
            return .failure(.storeFailed)
        }
        guard let person else {
            sessions.remove(id: session.id)
            logger.notice("console session ended: the person is no longer on the roster", metadata: [
                "vigil.person": session.personId,
            ])
            return .failure(.notSignedIn)
        }
        return .success(Visitor(session: session, viewer: ConsoleViewer(person: person)))
    }

    /// True when the form carries the session's token, compared in constant time.
    func hasValidToken(_ form: FormFields, session: ConsoleSession) -> Bool {
        guard let presented = form["csrf"] else { return false }
        return ConstantTime.equals(Array(presented.utf8), Array(session.csrfToken.utf8))
    }

    /// Returns the 403 page for a form without the session's token.
    func forbidden(_ request: HTTPRequest, visitor: Visitor, text: ConsoleText) -> HTTPResponse {
        logger.notice("console form rejected: missing or wrong form token", metadata: [
            "vigil.person": visitor.viewer.person.id,
            "vigil.http.path": request.path,
            "vigil.http.remote": request.remoteAddress,
        ])
        let content = "<h1>\(text.pick("请求被拒绝", "Request rejected"))</h1><p>"
            + text.pick("表单已过期或不是从本控制台提交的。请重新打开页面再试。",
                        "The form has expired or did not come from this console. Open the page again and retry.")
            + "</p>"
        return page(403, title: text.pick("请求被拒绝", "Request rejected"), content: content, section: nil,
                    visitor: visitor, request: request, text: text)
    }

    /// Returns 403 for a form that the browser marks as sent by another site
    /// (`Sec-Fetch-Site` other than `same-origin` or `none`), else nil. No
    /// console form comes from elsewhere, and the sign-in form has no form
    /// token, so without this a page elsewhere could sign its visitors in
    /// with its author's token. Browsers that send no such header get no
    /// protection at sign-in; the other forms still need their form token.
    func crossSiteRejection(_ request: HTTPRequest, text: ConsoleText) -> HTTPResponse? {
        guard let site = request.headers["Sec-Fetch-Site"]?.lowercased(), site != "same-origin", site != "none" else {
            return nil
        }
        logger.notice("console form rejected: sent from another site", metadata: [
            "vigil.http.path": request.path,
            "vigil.http.remote": request.remoteAddress,
            "vigil.http.fetch_site": site,
        ])
        return ConsoleResponses.text(403, text.pick("不接受从其他网站提交的表单。\n", "Forms sent from other sites are not accepted.\n"))
    }

    // MARK: - Signing in and out

    func loginPage(_ request: HTTPRequest, text: ConsoleText) -> HTTPResponse {
        if case .success = signedIn(request) {
            return ConsoleResponses.redirect(to: "/")
        }
        return publicPage(200, title: text.pick("登录", "Sign in"), content: LoginPage.content(problem: nil, text: text),
                          request: request, text: text)
    }

    /// Checks the token and the roster, then starts a session and sends the browser to the live alerts.
    func signIn(_ request: HTTPRequest, text: ConsoleText) -> HTTPResponse {
        let token = FormFields(body: request.body)["token"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard let personId = tokens.person(forToken: token) else {
            logger.notice("console sign-in rejected: unknown token", metadata: ["vigil.http.remote": request.remoteAddress])
            return loginFailure(text.pick("令牌无效。", "The token is not valid."), request: request, text: text)
        }

        let person: RosterPerson?
        do {
            person = try readModel.person(id: personId)
        } catch {
            logger.error("console could not read the roster at sign-in", metadata: [
                "vigil.person": personId,
                "vigil.error": String(describing: error),
            ])
            return unavailable(request, text: text)
        }
        guard person != nil else {
            logger.notice("console sign-in rejected: the person is not on the roster", metadata: [
                "vigil.person": personId,
                "vigil.http.remote": request.remoteAddress,
            ])
            return loginFailure(text.pick("这个令牌的人员 \(personId) 不在花名册上。",
                                          "The token's person \(personId) is not on the roster."),
                                request: request, text: text)
        }

        // A fresh id at every sign-in, so a session id planted before sign-in is never used after it.
        if let old = RequestCookies(headers: request.headers)[ConsoleResponses.sessionCookie] {
            sessions.remove(id: old)
        }
        let session = sessions.create(personId: personId)
        logger.info("console sign-in", metadata: ["vigil.person": personId, "vigil.http.remote": request.remoteAddress])
        return ConsoleResponses.redirect(to: "/")
            .header("Set-Cookie", ConsoleResponses.cookie(ConsoleResponses.sessionCookie, session.id,
                                                          secure: settings.secureCookies))
    }

    private func loginFailure(_ problem: String, request: HTTPRequest, text: ConsoleText) -> HTTPResponse {
        publicPage(401, title: text.pick("登录", "Sign in"), content: LoginPage.content(problem: problem, text: text),
                   request: request, text: text)
    }

    func signOut(_ request: HTTPRequest, visitor: Visitor, text: ConsoleText) -> HTTPResponse {
        guard hasValidToken(FormFields(body: request.body), session: visitor.session) else {
            return forbidden(request, visitor: visitor, text: text)
        }
        sessions.remove(id: visitor.session.id)
        logger.info("console sign-out", metadata: ["vigil.person": visitor.viewer.person.id])
        return ConsoleResponses.redirect(to: "/login")
            .header("Set-Cookie", ConsoleResponses.cookie(ConsoleResponses.sessionCookie, "", maxAge: 0,
                                                          secure: settings.secureCookies))
    }
}
