/// An ``HTTPHandler`` made of one closure, for servers that need no early
/// decisions.
struct ClosureHandler: HTTPHandler {
    let body: @Sendable (HTTPRequest) -> HTTPResponse

    func respond(to request: HTTPRequest) -> HTTPResponse {
        body(request)
    }
}
