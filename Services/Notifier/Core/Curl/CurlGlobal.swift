import CCurl

/// libcurl's process-wide setup, done once before the first handle.
///
/// curl_global_init is not thread-safe in libcurl 7.88, so it runs inside a
/// lazily initialised static, which Swift initialises exactly once.
enum CurlGlobal {
    private static let initialization: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Returns nil once libcurl is set up, or the reason it could not be.
    static func ensureInitialized() -> String? {
        let code = initialization
        return code == CURLE_OK ? nil : String(cString: curl_easy_strerror(code))
    }
}
