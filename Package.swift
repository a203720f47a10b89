// swift-tools-version:6.0
import PackageDescription

// Vigil: four stream services, the robot notifier and the operator command,
// all on librdkafka and SQLite from Debian (librdkafka-dev, libsqlite3-dev),
// with HTTP on libmicrohttpd (libmicrohttpd-dev) and, for the notifier's
// requests, libcurl (libcurl4-openssl-dev). Every service has a library target that
// contains its logic (and is what the tests import) and a thin executable
// target that connects it to the runtime.

let package = Package(
    name: "Vigil",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "vigil", targets: ["vigil"]),
        .executable(name: "vigil-ingest", targets: ["vigil-ingest"]),
        .executable(name: "vigil-alerting", targets: ["vigil-alerting"]),
        .executable(name: "vigil-escalation", targets: ["vigil-escalation"]),
        .executable(name: "vigil-scoring", targets: ["vigil-scoring"]),
        .executable(name: "vigil-notify", targets: ["vigil-notify"]),
        .executable(name: "vigil-console", targets: ["vigil-console"]),
    ],
    targets: [
        // MARK: - C libraries from Debian

        .systemLibrary(name: "CRdKafka", path: "Shared/CRdKafka", pkgConfig: "rdkafka",
                       providers: [.apt(["librdkafka-dev"])]),
        .systemLibrary(name: "CSQLite", path: "Shared/CSQLite", pkgConfig: "sqlite3",
                       providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", path: "Shared/CMicroHTTPD", pkgConfig: "libmicrohttpd",
                       providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CCurl", path: "Shared/CCurl", pkgConfig: "libcurl",
                       providers: [.apt(["libcurl4-openssl-dev"])]),

        // MARK: - Shared modules

        .target(name: "VigilLog", path: "Shared/VigilLog"),
        .target(name: "VigilJSON", path: "Shared/VigilJSON"),
        .target(name: "VigilContracts", path: "Shared/VigilContracts"),
        .target(name: "VigilKafka", dependencies: ["CRdKafka", "VigilLog"], path: "Shared/VigilKafka"),
        .target(name: "VigilStore", dependencies: ["CSQLite"], path: "Shared/VigilStore"),
        .target(name: "VigilHTTP", dependencies: ["CMicroHTTPD", "VigilLog"], path: "Shared/VigilHTTP"),
        .target(name: "VigilScoring", dependencies: ["VigilContracts", "VigilJSON"], path: "Shared/VigilScoring"),
        // HTML escaping and inline SVG charts, shared by the operator's HTML reports and the web console.
        .target(name: "VigilHTML", path: "Shared/VigilHTML"),
        .target(name: "VigilRuntime",
                dependencies: ["VigilLog", "VigilContracts", "VigilKafka", "VigilStore"],
                path: "Shared/VigilRuntime"),

        // MARK: - Services

        .target(name: "Ingestion", dependencies: ["VigilRuntime", "VigilHTTP"], path: "Services/Ingestion/Core"),
        .executableTarget(name: "vigil-ingest", dependencies: ["Ingestion"], path: "Services/Ingestion/Main"),
        .target(name: "Alerting", dependencies: ["VigilRuntime", "VigilJSON"], path: "Services/Alerting/Core"),
        .executableTarget(name: "vigil-alerting", dependencies: ["Alerting"], path: "Services/Alerting/Main"),
        .target(name: "Escalation", dependencies: ["VigilRuntime", "VigilJSON"], path: "Services/Escalation/Core"),
        .executableTarget(name: "vigil-escalation", dependencies: ["Escalation"], path: "Services/Escalation/Main"),
        .target(name: "Scoring", dependencies: ["VigilRuntime", "VigilScoring"], path: "Services/Scoring/Core"),
        .executableTarget(name: "vigil-scoring", dependencies: ["Scoring"], path: "Services/Scoring/Main"),
        // The operator builds the services' processors for `vigil replay`.
        .target(name: "Operator",
                dependencies: ["VigilRuntime", "Alerting", "Escalation", "Scoring", "VigilScoring", "VigilHTML"],
                path: "Services/Operator/Core"),
        .executableTarget(name: "vigil", dependencies: ["Operator"], path: "Services/Operator/Main"),
        .target(name: "Notifier", dependencies: ["VigilRuntime", "VigilJSON", "CCurl"], path: "Services/Notifier/Core"),
        .executableTarget(name: "vigil-notify", dependencies: ["Notifier"], path: "Services/Notifier/Main"),
        // The web console: a read model of the alert, case, score and roster
        // topics in SQLite, served as pages over libmicrohttpd.
        .target(name: "WebConsole",
                dependencies: ["VigilRuntime", "VigilHTTP", "VigilContracts", "VigilKafka", "VigilScoring", "VigilHTML"],
                path: "Services/WebConsole/Core"),
        .executableTarget(name: "vigil-console", dependencies: ["WebConsole"], path: "Services/WebConsole/Main"),

        // The libFuzzer entry for the ingestion parsers (docs/FUZZING.md). A plain
        // build compiles it as a small program so that it cannot rot.
        .executableTarget(name: "vigil-parser-fuzz", dependencies: ["Ingestion"], path: "Tests/ParserFuzz"),

        // MARK: - Benchmarks

        // `make bench` runs vigil-bench in release mode, and `make test` never runs
        // it. The kit contains what its tests check (the rule set generator,
        // percentiles, pacing, the report). `services` starts the built
        // executables and posts to `vigil-ingest serve` with the tests' HTTP client.
        .target(name: "VigilBenchKit",
                dependencies: ["Alerting", "VigilContracts", "VigilKafka", "VigilLog", "VigilRuntime", "VigilScoring",
                               "VigilTestSupport"],
                path: "Benchmarks/VigilBenchKit"),
        .executableTarget(name: "vigil-bench", dependencies: ["VigilBenchKit"], path: "Benchmarks/VigilBench"),

        // MARK: - Tests

        // A plain HTTP/1.1 client on sockets, shared by the suites that test HTTP servers, the
        // embedded-broker topics and service runs of the suites that drive whole stream services,
        // and the headless Chromium driver of the browser tests.
        .target(name: "VigilTestSupport", dependencies: ["VigilHTTP", "VigilRuntime", "VigilContracts"],
                path: "Tests/VigilTestSupport"),

        .testTarget(name: "VigilLogTests", dependencies: ["VigilLog"]),
        .testTarget(name: "VigilJSONTests", dependencies: ["VigilJSON"]),
        .testTarget(name: "VigilContractsTests", dependencies: ["VigilContracts"]),
        .testTarget(name: "VigilStoreTests", dependencies: ["VigilStore"]),
        .testTarget(name: "VigilKafkaTests", dependencies: ["VigilKafka"]),
        .testTarget(name: "VigilHTTPTests", dependencies: ["VigilHTTP", "VigilTestSupport"]),
        .testTarget(name: "VigilScoringTests", dependencies: ["VigilScoring", "VigilTestSupport"]),
        .testTarget(name: "VigilRuntimeTests", dependencies: ["VigilRuntime"]),
        .testTarget(name: "IngestionTests", dependencies: ["Ingestion", "VigilTestSupport"]),
        .testTarget(name: "AlertingTests", dependencies: ["Alerting", "VigilJSON", "VigilTestSupport"]),
        .testTarget(name: "EscalationTests", dependencies: ["Escalation", "VigilTestSupport"]),
        .testTarget(name: "ScoringTests", dependencies: ["Scoring", "VigilScoring", "VigilTestSupport"]),
        .testTarget(name: "OperatorTests", dependencies: ["Operator", "Alerting", "Escalation", "Scoring", "VigilHTML"]),
        .testTarget(name: "PipelineTests", dependencies: ["Alerting", "VigilRuntime", "VigilHTTP", "VigilTestSupport"]),
        .testTarget(name: "NotifierTests", dependencies: ["Notifier", "VigilHTTP", "VigilTestSupport"]),
        .testTarget(name: "VigilBenchTests", dependencies: ["VigilBenchKit"]),
        .testTarget(name: "WebConsoleTests", dependencies: ["WebConsole", "VigilHTTP", "VigilTestSupport"]),
    ]
)
