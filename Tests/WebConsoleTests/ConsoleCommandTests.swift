@testable import WebConsole
import Testing
import VigilRuntime

@Suite("ConsoleCommand")
struct ConsoleCommandTests {
    @Test("listen address and limits")
    func listenAndLimits() throws {
        let defaults = try ConsoleCommand.httpConfiguration("127.0.0.1:8490")
        #expect(defaults.host == "127.0.0.1")
        #expect(defaults.port == 8490)
        #expect(defaults.connectionLimit == 256)
        #expect(defaults.perAddressConnectionLimit == 0)
        #expect(defaults.threading == .threadPerConnection)

        let ipv6 = try ConsoleCommand.httpConfiguration("[::1]:0", connectionLimit: "64", perAddressLimit: "8")
        #expect(ipv6.host == "::1")
        #expect(ipv6.port == 0)
        #expect(ipv6.connectionLimit == 64)
        #expect(ipv6.perAddressConnectionLimit == 8)
    }

    @Test("bad listen values are usage errors")
    func badValues() {
        #expect(throws: UsageError.self) { try ConsoleCommand.httpConfiguration("localhost") }
        #expect(throws: UsageError.self) { try ConsoleCommand.httpConfiguration("127.0.0.1:70000") }
        #expect(throws: UsageError.self) { try ConsoleCommand.httpConfiguration("127.0.0.1:1", connectionLimit: "0") }
        #expect(throws: UsageError.self) { try ConsoleCommand.httpConfiguration("127.0.0.1:1", perAddressLimit: "-1") }
    }
}
