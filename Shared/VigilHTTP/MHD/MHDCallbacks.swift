import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The C callbacks of every daemon. None captures anything: each finds the
// server through `cls` and the request through `con_cls`.

// MARK: - Requests

/// libmicrohttpd's access handler. It is called once when the head has
/// arrived (`*con_cls` still NULL), once per piece of body, and once more
/// with no data when the request is complete. libmicrohttpd 0.9.75 accepts a
/// response only in the first and the last of these calls.
func mhdAccessHandler(cls: UnsafeMutableRawPointer?,
                      connection: OpaquePointer?,
                      url: UnsafePointer<CChar>?,
                      method: UnsafePointer<CChar>?,
                      version: UnsafePointer<CChar>?,
                      uploadData: UnsafePointer<CChar>?,
                      uploadDataSize: UnsafeMutablePointer<Int>?,
                      requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> MHD_Result {
    guard let server = MHDServerContext.from(cls), let connection, let uploadDataSize, let requestContext else {
        return .NO
    }

    guard let request = MHDRequestContext.borrowed(requestContext.pointee) else {
        let head = mhdRequestHead(connection: connection, url: url, method: method, version: version)
        return mhdAcceptHead(head, server: server, connection: connection, requestContext: requestContext)
    }

    if request.responseQueued {
        uploadDataSize.pointee = 0
        return .YES
    }

    let size = uploadDataSize.pointee
    if size > 0 {
        uploadDataSize.pointee = 0
        return mhdAcceptBodyPiece(uploadData, count: size, request: request, server: server)
    }

    request.responseQueued = true
    let response: HTTPResponse
    if let held = request.heldResponse {
        response = held
    } else if request.receivedBytes > server.maxBodyBytes {
        response = server.handler.bodyTooLarge(request.head, limit: server.maxBodyBytes)
    } else {
        response = server.handler.respond(to: HTTPRequest(head: request.head, body: request.body))
    }
    request.body = []
    return mhdQueue(response, on: connection, server: server, method: request.head.method)
}

/// Creates the request's context and responds early when the handler
/// rejects the head or the declared body is too long.
private func mhdAcceptHead(_ head: HTTPRequestHead, server: MHDServerContext, connection: OpaquePointer,
                           requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>) -> MHD_Result {
    let request = MHDRequestContext(head: head)
    requestContext.pointee = request.retainedOpaque()
    server.requestOpened()

    // Two lengths, or a length beside chunked encoding, leave the body's end
    // ambiguous: libmicrohttpd 0.9.75 takes the first length and would read
    // the rest as another request. Reject such a request and close.
    if head.headers.values(for: "Content-Length").count > 1
        || (head.isChunked && head.headers.contains("Content-Length")) {
        request.responseQueued = true
        let response = HTTPResponse.text(400, "Send one Content-Length, or chunked encoding without one.\n")
        return mhdQueue(response, on: connection, server: server, method: head.method)
    }

    // A response queued now makes libmicrohttpd skip the body, send the
    // response and close the connection. Without a body there is nothing to
    // skip, so the response waits for the last call and the connection stays open.
    if let response = server.handler.earlyResponse(for: head) {
        if !head.isChunked, (head.contentLength ?? 0) == 0 {
            request.heldResponse = response
            return .YES
        }
        request.responseQueued = true
        return mhdQueue(response, on: connection, server: server, method: head.method)
    }
    if let length = head.contentLength, length > server.maxBodyBytes {
        request.responseQueued = true
        return mhdQueue(server.handler.bodyTooLarge(head, limit: server.maxBodyBytes), on: connection, server: server,
                        method: head.method)
    }

    // Reserve at most 64 KiB, so that a client that declares the limit and
    // then sends nothing does not pin that much memory.
    if let length = head.contentLength {
        request.body.reserveCapacity(min(length, 64 * 1024))
    }
    return .YES
}

/// Keeps a piece of body while the total stays within the limit, and
/// discards pieces after that. Returning MHD_NO makes libmicrohttpd close
/// the connection without a response.
private func mhdAcceptBodyPiece(_ data: UnsafePointer<CChar>?, count: Int, request: MHDRequestContext,
                                server: MHDServerContext) -> MHD_Result {
    request.receivedBytes += count
    if request.receivedBytes <= server.maxBodyBytes {
        request.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: count))
        return .YES
    }

    // Only a chunked body gets here, because a declared length over the
    // limit was rejected with the head. libmicrohttpd cannot queue a response
    // until the body has ended, so the server reads on up to the allowance.
    request.body = []
    if request.receivedBytes - server.maxBodyBytes > server.maxDiscardedBodyBytes {
        server.logger.notice("HTTP body far over the limit, closing the connection", metadata: [
            "vigil.http.method": request.head.method,
            "vigil.http.path": request.head.path,
            "vigil.http.remote": request.head.remoteAddress,
            "vigil.http.received_bytes": String(request.receivedBytes),
            "vigil.http.limit_bytes": String(server.maxBodyBytes),
        ])
        return .NO
    }
    return .YES
}

/// libmicrohttpd's request-completed callback. It runs once for every
/// request whose access handler ran, however the request ended (response sent,
/// client gone, timeout, daemon stopping), and gives back the context's retain.
func mhdRequestCompleted(cls: UnsafeMutableRawPointer?,
                         connection: OpaquePointer?,
                         requestContext: UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                         reason: MHD_RequestTerminationCode) {
    guard let server = MHDServerContext.from(cls), let requestContext, let opaque = requestContext.pointee else {
        return
    }
    requestContext.pointee = nil
    let request = MHDRequestContext.released(opaque)
    server.requestClosed()

    if reason != .REQUEST_TERMINATED_COMPLETED_OK {
        server.logger.debug("HTTP request ended without a complete response", metadata: [
            "vigil.http.method": request.head.method,
            "vigil.http.path": request.head.path,
            "vigil.http.remote": request.head.remoteAddress,
            "vigil.http.termination": mhdTerminationName(reason),
        ])
    }
}

private func mhdTerminationName(_ reason: MHD_RequestTerminationCode) -> String {
    switch reason {
    case .REQUEST_TERMINATED_COMPLETED_OK: "completed"
    case .REQUEST_TERMINATED_WITH_ERROR: "error"
    case .REQUEST_TERMINATED_TIMEOUT_REACHED: "timeout"
    case .REQUEST_TERMINATED_DAEMON_SHUTDOWN: "daemon-shutdown"
    case .REQUEST_TERMINATED_READ_ERROR: "read-error"
    case .REQUEST_TERMINATED_CLIENT_ABORT: "client-abort"
    default: "code-\(reason.rawValue)"
    }
}

// MARK: - Logging

/// libmicrohttpd's logger. It formats the message with the C arguments it
/// was given and hands it to the server context.
func mhdLogCallback(cls: UnsafeMutableRawPointer?, format: UnsafePointer<CChar>?, arguments: CVaListPointer?) {
    guard let server = MHDServerContext.from(cls), let format, let arguments else { return }
    var buffer = [CChar](repeating: 0, count: 1024)
    _ = vsnprintf(&buffer, buffer.count, format, arguments)
    let message = mhdText(buffer).trimmingSuffix { $0 == "\n" || $0 == "\r" || $0 == " " }
    server.record(message: message)
}

private extension String {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var text = self
        while let last = text.last, predicate(last) {
            text.removeLast()
        }
        return text
    }
}
