import VigilHTTP

/// The headers and cookies of every console response.
enum ConsoleResponses {
    /// The session cookie's name.
    static let sessionCookie = "vigil_session"
    /// The language cookie's name; `?lang=en` or `?lang=zh` sets it.
    static let languageCookie = "vigil_lang"

    /// Pages load only the console's own assets, submit forms only to the
    /// console, and may not be framed by another site.
    static let contentSecurityPolicy = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// Returns an HTML page with the security headers and no caching, because
    /// a page shows one person's data.
    static func page(_ status: Int, _ html: String) -> HTTPResponse {
        secured(HTTPResponse(status: status, headers: [
            "Content-Type": "text/html; charset=utf-8",
            "Cache-Control": "no-store",
        ], body: Array(html.utf8)))
    }

    /// Returns a 303 redirect, which makes the browser GET `location`.
    static func redirect(to location: String) -> HTTPResponse {
        secured(HTTPResponse(status: 303, headers: ["Location": location, "Cache-Control": "no-store"]))
    }

    /// Returns a plain-text response with the security headers.
    static func text(_ status: Int, _ text: String) -> HTTPResponse {
        secured(HTTPResponse.text(status, text).header("Cache-Control", "no-store"))
    }

    /// Returns a static asset, which browsers may keep for five minutes.
    static func asset(_ text: String, contentType: String) -> HTTPResponse {
        secured(HTTPResponse(status: 200, headers: ["Content-Type": contentType, "Cache-Control": "max-age=300"],
                             body: Array(text.utf8)))
    }

    /// Adds the headers every response carries.
    static func secured(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        response.headers.replace(name: "Content-Security-Policy", value: contentSecurityPolicy)
        response.headers.replace(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replace(name: "Referrer-Policy", value: "no-referrer")
        response.headers.replace(name: "X-Frame-Options", value: "DENY")
        return response
    }

    /// Returns a `Set-Cookie` value: HttpOnly and SameSite=Strict, so scripts
    /// cannot read it and other sites' forms do not send it. `maxAge` nil
    /// makes it last until the browser closes; 0 deletes it.
    static func cookie(_ name: String, _ value: String, maxAge: Int? = nil, secure: Bool) -> String {
        var parts = ["\(name)=\(value)", "Path=/", "HttpOnly", "SameSite=Strict"]
        if let maxAge {
            parts.append("Max-Age=\(maxAge)")
        }
        if secure {
            parts.append("Secure")
        }
        return parts.joined(separator: "; ")
    }
}
