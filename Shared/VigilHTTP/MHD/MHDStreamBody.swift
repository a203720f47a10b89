import CMicroHTTPD

/// The state of one streamed body between libmicrohttpd's calls to the
/// content reader, reached through the reader's `cls` pointer.
///
/// libmicrohttpd calls the reader of one response on the connection's thread
/// only, so the state needs no lock. The pointer carries one retain, taken
/// when the response is created and given back in the free callback.
final class MHDStreamBody {
    /// How long the reader waits before it calls a producer again that had nothing to send.
    static let emptyPieceWaitSeconds = 0.05

    let stream: HTTPResponseStream
    let context: HTTPStreamContext
    /// The connection, valid while libmicrohttpd calls the reader.
    private let connection: OpaquePointer
    /// The server's idle timeout, which the connection gets back when the body ends.
    private let idleTimeoutSeconds: Int
    /// The producer's last piece and how much of it libmicrohttpd has taken.
    private var piece: [UInt8] = []
    private var sent = 0

    init(stream: HTTPResponseStream, context: HTTPStreamContext, connection: OpaquePointer, idleTimeoutSeconds: Int) {
        self.stream = stream
        self.context = context
        self.connection = connection
        self.idleTimeoutSeconds = idleTimeoutSeconds
    }

    /// Hands a retained pointer to libmicrohttpd.
    func retainedOpaque() -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(self).toOpaque()
    }

    static func borrowed(_ opaque: UnsafeMutableRawPointer?) -> MHDStreamBody? {
        opaque.map { Unmanaged<MHDStreamBody>.fromOpaque($0).takeUnretainedValue() }
    }

    static func release(_ opaque: UnsafeMutableRawPointer) {
        Unmanaged<MHDStreamBody>.fromOpaque(opaque).release()
    }

    /// Copies up to `capacity` bytes of the body into `buffer` and returns
    /// their count, calling the producer when the last piece is used up.
    /// Returns MHD_CONTENT_READER_END_OF_STREAM when the producer ends the
    /// body, and MHD_CONTENT_READER_END_WITH_ERROR, which closes the
    /// connection, when the server stops or the client has gone.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        while sent == piece.count {
            if context.isCancelled {
                return mhdStreamEndWithError
            }
            guard let next = stream.producer(context) else {
                // The connection may serve further requests, which get the usual idle timeout.
                vigil_mhd_set_connection_timeout(connection, UInt32(clamping: idleTimeoutSeconds))
                return mhdStreamEndOfStream
            }
            if next.isEmpty {
                _ = context.wait(seconds: Self.emptyPieceWaitSeconds)
                continue
            }
            piece = next
            sent = 0
        }

        let count = min(capacity, piece.count - sent)
        piece.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + sent, byteCount: count)
        }
        sent += count
        return count
    }
}

/// MHD_CONTENT_READER_END_OF_STREAM, a macro Swift does not import.
private let mhdStreamEndOfStream = -1
/// MHD_CONTENT_READER_END_WITH_ERROR, a macro Swift does not import.
private let mhdStreamEndWithError = -2

/// libmicrohttpd's content reader for streamed bodies.
func mhdStreamRead(cls: UnsafeMutableRawPointer?, position: UInt64, buffer: UnsafeMutablePointer<CChar>?,
                   capacity: Int) -> Int {
    guard let body = MHDStreamBody.borrowed(cls), let buffer, capacity > 0 else {
        return mhdStreamEndWithError
    }
    return body.read(into: buffer, capacity: capacity)
}

/// libmicrohttpd's free callback for streamed bodies: it runs once the
/// response is destroyed, however the request ended.
func mhdStreamFree(cls: UnsafeMutableRawPointer?) {
    guard let cls else { return }
    MHDStreamBody.release(cls)
}
