/// The state of one request between libmicrohttpd's calls, reached through
/// the request's `con_cls` pointer.
///
/// libmicrohttpd calls the access handler for one request on one thread at
/// a time, so the context needs no lock. The pointer carries one retain,
/// taken when the head arrives and given back in the request-completed callback.
final class MHDRequestContext {
    let head: HTTPRequestHead
    /// The body so far, emptied once it passes the limit.
    var body: [UInt8] = []
    /// Every body byte received, kept or not.
    var receivedBytes = 0
    /// True once a response is queued, after which later calls have nothing to do.
    var responseQueued = false
    /// The handler's early response to a request without a body, held for
    /// the last call so that the connection can stay open.
    var heldResponse: HTTPResponse?

    init(head: HTTPRequestHead) {
        self.head = head
    }

    /// Hands a retained pointer to libmicrohttpd.
    func retainedOpaque() -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(self).toOpaque()
    }

    static func borrowed(_ opaque: UnsafeMutableRawPointer?) -> MHDRequestContext? {
        opaque.map { Unmanaged<MHDRequestContext>.fromOpaque($0).takeUnretainedValue() }
    }

    static func released(_ opaque: UnsafeMutableRawPointer) -> MHDRequestContext {
        Unmanaged<MHDRequestContext>.fromOpaque(opaque).takeRetainedValue()
    }
}
