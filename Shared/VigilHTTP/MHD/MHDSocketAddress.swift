import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A numeric IPv4 or IPv6 address and port, in the form `bind` takes.
struct MHDSocketAddress {
    private var storage = sockaddr_storage()
    /// True for IPv6, which needs the MHD_USE_IPv6 flag when the daemon starts.
    let isIPv6: Bool

    /// Parses a numeric address; nil for anything else, host names included.
    init?(host: String, port: UInt16) {
        var ipv4 = sockaddr_in()
        var ipv6 = sockaddr_in6()
        if inet_pton(AF_INET, host, &ipv4.sin_addr) == 1 {
            ipv4.sin_family = sa_family_t(AF_INET)
            ipv4.sin_port = port.bigEndian
            #if canImport(Darwin)
            ipv4.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
            #endif
            isIPv6 = false
            Self.copy(ipv4, into: &storage)
        } else if inet_pton(AF_INET6, host, &ipv6.sin6_addr) == 1 {
            ipv6.sin6_family = sa_family_t(AF_INET6)
            ipv6.sin6_port = port.bigEndian
            #if canImport(Darwin)
            ipv6.sin6_len = UInt8(MemoryLayout<sockaddr_in6>.size)
            #endif
            isIPv6 = true
            Self.copy(ipv6, into: &storage)
        } else {
            return nil
        }
    }

    /// Lends the address as the `struct sockaddr *` that C calls take.
    func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>) -> Result) -> Result {
        withUnsafeBytes(of: storage) { bytes in
            body(bytes.baseAddress!.assumingMemoryBound(to: sockaddr.self))
        }
    }

    /// Returns the numeric text of an IPv4 or IPv6 address without the port,
    /// or an empty string for other families and a nil pointer.
    static func text(of address: UnsafePointer<sockaddr>?) -> String {
        guard let address else { return "" }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            var ipv4 = UnsafeRawPointer(address).loadUnaligned(as: sockaddr_in.self)
            guard inet_ntop(AF_INET, &ipv4.sin_addr, &text, socklen_t(text.count)) != nil else { return "" }
        case AF_INET6:
            var ipv6 = UnsafeRawPointer(address).loadUnaligned(as: sockaddr_in6.self)
            guard inet_ntop(AF_INET6, &ipv6.sin6_addr, &text, socklen_t(text.count)) != nil else { return "" }
        default:
            return ""
        }
        return mhdText(text)
    }

    private static func copy<Address>(_ address: Address, into storage: inout sockaddr_storage) {
        withUnsafeBytes(of: address) { source in
            withUnsafeMutableBytes(of: &storage) { target in
                target.copyMemory(from: source)
            }
        }
    }
}
