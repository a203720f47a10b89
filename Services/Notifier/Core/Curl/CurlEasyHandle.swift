import CCurl

/// One libcurl easy handle, freed in deinit, that posts request bodies.
///
/// A handle is not thread-safe, so the delivery sender owns one on its thread.
/// Reusing it across requests keeps connections to the same robot host open.
/// Redirects are not followed, so the body and the URL's token never reach
/// a host other than the configured one, and only http and https are allowed.
final class CurlEasyHandle {
    /// The max response bytes kept per request. Robot responses are far smaller.
    static let responseLimit = 64 * 1024

    private let handle: UnsafeMutableRawPointer
    private let response = CurlResponseBuffer(limit: CurlEasyHandle.responseLimit)
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Creates a handle. Throws when libcurl cannot be set up or cannot allocate one.
    init() throws {
        if let failure = CurlGlobal.ensureInitialized() {
            throw HTTPTransportFailure(code: -1, message: "libcurl setup failed: \(failure)", isTimeout: false,
                                       isPermanent: true)
        }
        guard let handle = curl_easy_init() else {
            throw HTTPTransportFailure(code: -1, message: "curl_easy_init failed", isTimeout: false, isPermanent: true)
        }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    // MARK: - Requests

    /// Posts `body` to `url` and waits for the response or a timeout.
    ///
    /// - Parameters:
    ///   - headers: complete header lines, such as `Content-Type: application/json`.
    ///   - connectTimeoutMilliseconds: the limit for the TCP and TLS handshake.
    ///   - totalTimeoutMilliseconds: the limit for the whole request, connect included.
    func post(url: String, body: [UInt8], headers: [String], connectTimeoutMilliseconds: Int,
              totalTimeoutMilliseconds: Int) -> HTTPPostOutcome {
        curl_easy_reset(handle)
        response.reset()
        errorBuffer[0] = 0
        let headerList = CurlHeaderList(headers)

        var code = configure(url: url, body: body, headers: headerList,
                             connectTimeoutMilliseconds: connectTimeoutMilliseconds,
                             totalTimeoutMilliseconds: totalTimeoutMilliseconds)
        if code == CURLE_OK {
            code = withExtendedLifetime(headerList) { curl_easy_perform(handle) }
        }
        guard code == CURLE_OK else {
            return .transportFailure(failure(code))
        }

        var status = 0
        _ = vigil_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .response(status: status, body: response.bytes)
    }

    private func configure(url: String, body: [UInt8], headers: CurlHeaderList, connectTimeoutMilliseconds: Int,
                           totalTimeoutMilliseconds: Int) -> CURLcode {
        let context = Unmanaged.passUnretained(response).toOpaque()
        let steps: [() -> CURLcode] = [
            { vigil_curl_setopt_pointer(self.handle, CURLOPT_ERRORBUFFER, self.errorBuffer) },
            { vigil_curl_setopt_pointer(self.handle, CURLOPT_URL, url) },
            { vigil_curl_setopt_pointer(self.handle, CURLOPT_PROTOCOLS_STR, "http,https") },
            { vigil_curl_setopt_long(self.handle, CURLOPT_FOLLOWLOCATION, 0) },
            // Without this, libcurl's resolver timeouts raise SIGALRM in a multi-threaded process.
            { vigil_curl_setopt_long(self.handle, CURLOPT_NOSIGNAL, 1) },
            { vigil_curl_setopt_long(self.handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMilliseconds) },
            { vigil_curl_setopt_long(self.handle, CURLOPT_TIMEOUT_MS, totalTimeoutMilliseconds) },
            { vigil_curl_setopt_long(self.handle, CURLOPT_POST, 1) },
            // The size goes first, so that COPYPOSTFIELDS copies exactly these bytes.
            { vigil_curl_setopt_long(self.handle, CURLOPT_POSTFIELDSIZE, body.count) },
            { body.withUnsafeBytes { vigil_curl_setopt_pointer(self.handle, CURLOPT_COPYPOSTFIELDS, $0.baseAddress) } },
            { vigil_curl_setopt_headers(self.handle, headers.pointer) },
            { vigil_curl_setopt_write_function(self.handle, curlWriteCallback) },
            { vigil_curl_setopt_pointer(self.handle, CURLOPT_WRITEDATA, context) },
        ]
        for step in steps {
            let code = step()
            guard code == CURLE_OK else { return code }
        }
        return CURLE_OK
    }

    private func failure(_ code: CURLcode) -> HTTPTransportFailure {
        let detail = String(cString: errorBuffer)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let permanent = code == CURLE_URL_MALFORMAT || code == CURLE_UNSUPPORTED_PROTOCOL
        return HTTPTransportFailure(code: Int(code.rawValue), message: message,
                                    isTimeout: code == CURLE_OPERATION_TIMEDOUT, isPermanent: permanent)
    }
}

// MARK: - Callbacks

/// libcurl's CURLOPT_WRITEFUNCTION. It captures nothing: the buffer arrives
/// through CURLOPT_WRITEDATA as an unretained pointer, valid because the
/// handle owns the buffer for longer than any transfer.
private func curlWriteCallback(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int,
                               _ context: UnsafeMutableRawPointer?) -> Int {
    let length = size * count
    guard let data, let context else { return length }
    let buffer = Unmanaged<CurlResponseBuffer>.fromOpaque(context).takeUnretainedValue()
    data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        buffer.append(UnsafeBufferPointer(start: bytes, count: length))
    }
    // Returning the full length marks the chunk as handled, so libcurl continues the transfer.
    return length
}
