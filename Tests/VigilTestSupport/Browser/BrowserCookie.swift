/// A cookie as the browser stores it, with the attributes a session cookie's tests check.
public struct BrowserCookie: Sendable, Equatable {
    public var name: String
    public var value: String
    public var domain: String
    public var path: String
    /// True when scripts on the page cannot read the cookie.
    public var httpOnly: Bool
    public var secure: Bool
    /// `Strict`, `Lax` or `None`; nil when the server set no SameSite attribute.
    public var sameSite: String?
    /// The expiry in seconds since 1970, or nil for a session cookie, which ends with the browser.
    public var expires: Double?

    public init(name: String, value: String, domain: String, path: String, httpOnly: Bool, secure: Bool,
                sameSite: String?, expires: Double?) {
        self.name = name
        self.value = value
        self.domain = domain
        self.path = path
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
        self.expires = expires
    }
}
