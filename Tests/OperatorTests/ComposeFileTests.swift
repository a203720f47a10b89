import Foundation
import Testing
import VigilContracts

/// The Apache Kafka deployment in compose/, checked with Debian's docker-compose.
@Suite("Compose deployment")
struct ComposeFileTests {
    private static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    private static let file = root.appendingPathComponent("compose/docker-compose.yml").path

    /// Runs docker-compose on the file and returns its status and standard output.
    private func compose(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["docker-compose", "--file", Self.file] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("docker-compose config accepts the file")
    func configValid() throws {
        let (status, output) = try compose(["config"])
        #expect(status == 0, "docker-compose config failed; is Debian's docker-compose installed?")
        #expect(output.contains("KAFKA_PROCESS_ROLES: broker,controller"), "brokers run in KRaft mode")
        #expect(output.contains("vigil topics create --replication-factor 3"), "a job creates the catalogue's topics")
    }

    @Test("three brokers, the topic job, and several members of each stream service")
    func servicesAndVolumes() throws {
        let services = try compose(["config", "--services"]).output.split(separator: "\n").map(String.init)
        let volumes = Set(try compose(["config", "--volumes"]).output.split(separator: "\n").map(String.init))

        #expect(Set(["kafka-1", "kafka-2", "kafka-3", "topics"]).isSubset(of: Set(services)))
        for service in ["alerting", "escalation", "scoring"] {
            let members = services.filter { $0.hasPrefix("\(service)-") }
            #expect(members.count >= 2, "\(service) has replicas: \(members)")
            for member in members {
                #expect(volumes.contains(member), "\(member) keeps its store on a volume of its own")
            }
        }
        #expect(services.contains { $0.hasPrefix("ingest-") }, "an HTTP intake per site")
        #expect(services.contains("console"), "the web console")
        #expect(volumes.contains("console"), "the console keeps its store on a volume of its own")
        #expect(volumes.isSuperset(of: ["kafka-1", "kafka-2", "kafka-3"]))
    }

    @Test("every long-running service has a health check")
    func healthChecks() throws {
        let output = try compose(["config"]).output
        // The services section runs from "services:" to the next line without
        // indentation; a service starts at a key indented by two spaces.
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        let start = (lines.firstIndex(of: "services:") ?? lines.endIndex) + 1
        var keys: [String: [Substring]] = [:]
        var current = ""
        for line in lines[min(start, lines.endIndex)...].prefix(while: { $0.hasPrefix(" ") }) {
            if line.hasPrefix("  "), !line.hasPrefix("   ") {
                current = String(line.dropFirst(2).prefix { $0 != ":" })
            } else if line.hasPrefix("    "), !line.hasPrefix("     ") {
                keys[current, default: []].append(line.dropFirst(4).prefix { $0 != ":" })
            }
        }
        #expect(keys.count >= 10, "the services section was found: \(keys.keys.sorted())")
        for (name, serviceKeys) in keys where ["kafka-", "alerting-", "escalation-", "scoring-", "ingest-", "console"]
            .contains(where: name.hasPrefix) {
            #expect(serviceKeys.contains("healthcheck"), "\(name) has a health check")
        }
    }
}
