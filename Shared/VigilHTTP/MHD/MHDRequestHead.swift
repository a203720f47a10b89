import CMicroHTTPD

/// Reads the head of a request from libmicrohttpd: request line, headers,
/// query items and the client's address.
func mhdRequestHead(connection: OpaquePointer, url: UnsafePointer<CChar>?, method: UnsafePointer<CChar>?,
                    version: UnsafePointer<CChar>?) -> HTTPRequestHead {
    var headers: [HTTPHeaders.Field] = []
    withUnsafeMutablePointer(to: &headers) { fields in
        _ = MHD_get_connection_values_n(connection, .HEADER_KIND, mhdCollectHeader, UnsafeMutableRawPointer(fields))
    }

    var query: [HTTPRequestHead.QueryItem] = []
    withUnsafeMutablePointer(to: &query) { items in
        _ = MHD_get_connection_values_n(connection, .GET_ARGUMENT_KIND, mhdCollectQueryItem, UnsafeMutableRawPointer(items))
    }

    return HTTPRequestHead(method: method.map { String(cString: $0) } ?? "",
                           path: url.map { String(cString: $0) } ?? "",
                           query: query,
                           version: version.map { String(cString: $0) } ?? "",
                           headers: HTTPHeaders(headers),
                           remoteAddress: MHDSocketAddress.text(of: vigil_mhd_client_address(connection)))
}

/// Appends one header to the `[HTTPHeaders.Field]` that `cls` points to.
private func mhdCollectHeader(cls: UnsafeMutableRawPointer?, kind: MHD_ValueKind,
                              key: UnsafePointer<CChar>?, keySize: Int,
                              value: UnsafePointer<CChar>?, valueSize: Int) -> MHD_Result {
    guard let fields = cls?.assumingMemoryBound(to: [HTTPHeaders.Field].self) else { return .NO }
    fields.pointee.append(HTTPHeaders.Field(name: mhdText(key, count: keySize), value: mhdText(value, count: valueSize)))
    return .YES
}

/// Appends one query item to the `[HTTPRequestHead.QueryItem]` that `cls`
/// points to. libmicrohttpd passes a NULL value for a bare `?name`.
private func mhdCollectQueryItem(cls: UnsafeMutableRawPointer?, kind: MHD_ValueKind,
                                 key: UnsafePointer<CChar>?, keySize: Int,
                                 value: UnsafePointer<CChar>?, valueSize: Int) -> MHD_Result {
    guard let items = cls?.assumingMemoryBound(to: [HTTPRequestHead.QueryItem].self) else { return .NO }
    items.pointee.append(HTTPRequestHead.QueryItem(name: mhdText(key, count: keySize),
                                                   value: value.map { mhdText($0, count: valueSize) }))
    return .YES
}
