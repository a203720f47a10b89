import CCurl

/// libcurl's process-wide setup, done once before the first handle.
///
/// curl.h requires exactly one curl_global_init call per application, and the
/// call is thread-safe only when libcurl reports CURL_VERSION_THREADSAFE (the
/// Debian 12 build of 7.88.1 does). Running it in a static, which Swift
/// initialises exactly once and thread-safely, also covers builds without it.
enum CurlGlobal {
    private static let initialization: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Initialises libcurl on the first call. Returns nil on success, or libcurl's error message.
    static func ensureInitialized() -> String? {
        let code = initialization
        return code == CURLE_OK ? nil : String(cString: curl_easy_strerror(code))
    }
}
