import CCurl

/// A libcurl header list (`curl_slist`), freed when the list is released.
///
/// libcurl reads the list during the transfer without copying it, so it
/// must live until `curl_easy_perform` returns.
final class CurlHeaderList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    init(_ lines: [String]) {
        for line in lines {
            // curl_slist_append copies the string. On allocation failure it
            // returns NULL and leaves the list as it was.
            if let appended = curl_slist_append(pointer, line) {
                pointer = appended
            }
        }
    }

    deinit {
        curl_slist_free_all(pointer)
    }
}
