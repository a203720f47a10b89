#ifndef VIGIL_CCURL_SHIM_H
#define VIGIL_CCURL_SHIM_H

#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot
// call. These wrappers fix the argument type of each kind of option Vigil sets.

/// Sets an option that takes a long (timeouts, flags, body size).
static inline CURLcode vigil_curl_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a C string or a buffer. libcurl copies strings
/// (7.17.0 and later) and CURLOPT_COPYPOSTFIELDS copies the body, except
/// CURLOPT_ERRORBUFFER, whose buffer must outlive the handle's transfers.
static inline CURLcode vigil_curl_setopt_pointer(CURL *handle, CURLoption option, const void *value) {
    return curl_easy_setopt(handle, option, value);
}

/// Sets the header list of the request; the list must outlive the transfer.
static inline CURLcode vigil_curl_setopt_headers(CURL *handle, struct curl_slist *headers) {
    return curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
}

/// Sets the function that receives the response body.
static inline CURLcode vigil_curl_setopt_write_function(CURL *handle, curl_write_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

/// Reads an information item of type long, such as CURLINFO_RESPONSE_CODE.
static inline CURLcode vigil_curl_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

#endif
