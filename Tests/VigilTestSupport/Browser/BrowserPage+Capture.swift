import Foundation
import VigilContracts

// MARK: - Cookies and screenshots

extension BrowserPage {
    /// Returns the cookies the browser would send with a request to the current page's URL, HttpOnly ones included.
    public func cookies() throws -> [BrowserCookie] {
        let reply = try call("Network.getCookies")
        guard let cookies = reply["cookies"]?.arrayValue else {
            throw BrowserError.invalidReply(method: "Network.getCookies", detail: "no cookies list")
        }
        return try cookies.map { value in
            guard let cookie = value.objectValue,
                  let name = cookie["name"]?.stringValue,
                  let text = cookie["value"]?.stringValue
            else {
                throw BrowserError.invalidReply(method: "Network.getCookies", detail: "a cookie without name or value")
            }
            let session = cookie["session"] == .bool(true)
            return BrowserCookie(name: name, value: text,
                                 domain: cookie["domain"]?.stringValue ?? "",
                                 path: cookie["path"]?.stringValue ?? "",
                                 httpOnly: cookie["httpOnly"] == .bool(true),
                                 secure: cookie["secure"] == .bool(true),
                                 sameSite: cookie["sameSite"]?.stringValue,
                                 expires: session ? nil : Self.double(cookie["expires"]))
        }
    }

    /// Writes a PNG of the page as a `width` by `height` CSS-pixel viewport
    /// shows it, at one device pixel per CSS pixel, to `path`. The viewport
    /// returns to its previous size afterwards.
    public func screenshot(to path: String, width: Int, height: Int) throws {
        try call("Emulation.setDeviceMetricsOverride", [
            "width": .integer(Int64(width)), "height": .integer(Int64(height)),
            "deviceScaleFactor": .integer(1), "mobile": .bool(false),
        ])
        defer { _ = try? call("Emulation.clearDeviceMetricsOverride") }

        let reply = try call("Page.captureScreenshot", ["format": .string("png")])
        guard let encoded = reply["data"]?.stringValue, let data = Data(base64Encoded: encoded) else {
            throw BrowserError.invalidReply(method: "Page.captureScreenshot", detail: "no base64 data")
        }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Writes a PNG of the whole page at `width` CSS pixels, as tall as the
    /// document is at that width, up to 16,384 pixels (Chromium's largest texture).
    public func fullPageScreenshot(to path: String, width: Int) throws {
        try call("Emulation.setDeviceMetricsOverride", [
            "width": .integer(Int64(width)), "height": .integer(800),
            "deviceScaleFactor": .integer(1), "mobile": .bool(false),
        ])
        let measured = try evaluate("Math.ceil(Math.max(document.documentElement.scrollHeight, document.body?.scrollHeight ?? 0))")
        guard case .integer(let height) = measured else {
            throw BrowserError.invalidReply(method: "Runtime.evaluate", detail: "page height is \(measured.compactText())")
        }
        try screenshot(to: path, width: width, height: Int(min(max(height, 1), 16_384)))
    }
}
