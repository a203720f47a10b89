import CMicroHTTPD

/// Headers that libmicrohttpd writes itself; a copy from the handler would
/// contradict them.
private let mhdManagedHeaders = ["Content-Length", "Transfer-Encoding", "Connection"]

/// Hands a response to libmicrohttpd, which copies the body and sends it
/// after the access handler returns. Returns MHD_NO, which closes the
/// connection, when libmicrohttpd rejects the response.
func mhdQueue(_ response: HTTPResponse, on connection: OpaquePointer, server: MHDServerContext) -> MHD_Result {
    var status = response.status
    if !(200...599).contains(status) {
        server.logger.error("HTTP handler returned an invalid status, sending 500", metadata: [
            "vigil.http.status": String(status),
        ])
        status = 500
    }

    let created: OpaquePointer? = response.body.withUnsafeBytes { bytes in
        MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                                        .RESPMEM_MUST_COPY)
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

/// True when the text contains no CR, LF or NUL, any of which would let a
/// value end the header early and forge another.
private func mhdIsSafeHeaderText(_ text: String) -> Bool {
    !text.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
}
