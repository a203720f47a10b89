import CMicroHTTPD

/// Headers that libmicrohttpd writes itself; a copy from the handler would
/// contradict them.
private let mhdManagedHeaders = ["Content-Length", "Transfer-Encoding", "Connection"]

/// Hands a response to libmicrohttpd, which copies the body (or calls the
/// stream's producer) and sends it after the access handler returns. Returns MHD_NO, which closes the
/// connection, when libmicrohttpd rejects the response.
func mhdQueue(_ response: HTTPResponse, on connection: OpaquePointer, server: MHDServerContext,
              method: String) -> MHD_Result {
    var status = response.status
    if !(200...599).contains(status) {
        server.logger.error("HTTP handler returned an invalid status, sending 500", metadata: [
            "vigil.http.status": String(status),
        ])
        status = 500
    }

    if response.stream != nil, !server.streamsAllowed {
        server.logger.error("HTTP handler returned a streamed body on a thread pool server, sending 500", metadata: [
            "vigil.http.status": String(status),
        ])
        return mhdQueue(.text(500, "Streamed responses need a thread-per-connection server.\n"), on: connection,
                        server: server, method: method)
    }

    // libmicrohttpd 0.9.75 writes a chunked body's last chunk even after the
    // head of a HEAD response, which the client reads as the start of the
    // next response. A HEAD request therefore gets the head of an empty body.
    let created: OpaquePointer?
    if let stream = response.stream, method != "HEAD" {
        created = mhdCreateStreamResponse(stream, on: connection, server: server)
    } else {
        created = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                                            .RESPMEM_MUST_COPY)
        }
    }
    guard let handle = created else {
        server.logger.error("libmicrohttpd could not create a response", metadata: ["vigil.http.status": String(status)])
        return .NO
    }
    defer { MHD_destroy_response(handle) }

    for field in response.headers {
        if mhdManagedHeaders.contains(where: { HTTPHeaders.sameName($0, field.name) }) {
            continue
        }
        guard mhdIsSafeHeaderText(field.name), !field.name.isEmpty, mhdIsSafeHeaderText(field.value),
              MHD_add_response_header(handle, field.name, field.value) == .YES else {
            server.logger.warning("HTTP response header rejected, sending the response without it", metadata: ["vigil.http.header": field.name])
            continue
        }
    }

    return MHD_queue_response(connection, UInt32(status), handle)
}

/// Creates a response of unknown length whose body the stream's producer
/// writes; the body state is released by libmicrohttpd's free callback.
private func mhdCreateStreamResponse(_ stream: HTTPResponseStream, on connection: OpaquePointer,
                                     server: MHDServerContext) -> OpaquePointer? {
    let context = HTTPStreamContext(server: server, socket: vigil_mhd_connection_fd(connection))
    let body = MHDStreamBody(stream: stream, context: context, connection: connection,
                             idleTimeoutSeconds: server.idleTimeoutSeconds).retainedOpaque()
    // MHD_SIZE_UNKNOWN is UINT64_MAX; 16 KiB is the block size MHD's own examples use.
    guard let handle = MHD_create_response_from_callback(UInt64.max, 16 * 1024, mhdStreamRead, body, mhdStreamFree) else {
        MHDStreamBody.release(body)
        return nil
    }
    // MHD checks the idle timeout after each call of the content reader, so a
    // producer that waits longer than the timeout for its next piece would
    // have the connection closed under it. The stream's own checks end it instead.
    vigil_mhd_set_connection_timeout(connection, 0)
    return handle
}

/// True when the text contains no CR, LF or NUL, any of which would let a
/// value end the header early and forge another.
private func mhdIsSafeHeaderText(_ text: String) -> Bool {
    !text.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
}
