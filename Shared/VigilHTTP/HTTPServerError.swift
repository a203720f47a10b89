/// A server that could not start: a bad configuration, or a failure that
/// libmicrohttpd reported, such as an address already in use.
public struct HTTPServerError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The description of the failure, with libmicrohttpd's own messages when it logged some.
    public let message: String
    /// The `errno` the failure left, e.g. `EADDRINUSE`; nil when the
    /// configuration was rejected before any system call, or when the system
    /// reported nothing.
    public let systemError: Int32?

    public init(message: String, systemError: Int32? = nil) {
        self.message = message
        self.systemError = systemError
    }

    public var description: String { message }
}
