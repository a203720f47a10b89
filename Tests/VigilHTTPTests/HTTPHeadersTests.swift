import Testing
import VigilHTTP

@Suite("HTTP headers")
struct HTTPHeadersTests {
    @Test("lookup ignores ASCII case and keeps order")
    func lookupIgnoresCase() {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "X-Token": "a"]
        headers.add(name: "x-token", value: "b")

        #expect(headers["content-type"] == "application/json")
        #expect(headers["X-TOKEN"] == "a")
        #expect(headers.values(for: "X-Token") == ["a", "b"])
        #expect(headers.contains("CONTENT-TYPE"))
        #expect(!headers.contains("Content-Typ"))
    }

    @Test("replace and remove act on every spelling")
    func replaceAndRemove() {
        var headers: HTTPHeaders = ["Retry-After": "1", "retry-after": "2", "Other": "x"]
        headers.replace(name: "RETRY-AFTER", value: "30")
        #expect(headers.values(for: "retry-after") == ["30"])

        headers.remove(name: "other")
        #expect(headers.count == 1)
    }

    @Test("non-ASCII letters are not folded")
    func noUnicodeFolding() {
        let headers: HTTPHeaders = ["X-Straße": "1"]
        #expect(headers["x-straße"] == "1")
        #expect(headers["X-STRASSE"] == nil)
    }
}

@Suite("HTTP responses")
struct HTTPResponseTests {
    @Test("helpers set the content type and Retry-After")
    func helpers() throws {
        let busy = HTTPResponse.text(503, "busy").retryAfter(seconds: 5)
        #expect(busy.headers["content-type"] == "text/plain; charset=utf-8")
        #expect(busy.headers["retry-after"] == "5")
        #expect(busy.body == Array("busy".utf8))

        let json = try HTTPResponse.json(200, ["b": 1, "a": 2])
        #expect(json.headers["Content-Type"] == "application/json")
        #expect(String(decoding: json.body, as: UTF8.self) == #"{"a":2,"b":1}"#)
    }
}
