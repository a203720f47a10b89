import Foundation
import Testing
@testable import Alerting

@Suite("ReplyLimits")
struct ReplyLimitsTests {
    private static let path = "reply-limits.json"

    /// Parses `text` and returns the problems, or an empty list when it is valid.
    private func problems(_ text: String) -> [ReplyLimitsFileError.Problem] {
        do {
            _ = try ReplyLimits.parse(text: text, path: Self.path)
            return []
        } catch {
            return error.problems
        }
    }

    // MARK: - Valid files

    @Test("default is 180 seconds")
    func builtinDefault() {
        let limits = ReplyLimits()

        #expect(ReplyLimits.defaultSeconds == 180)
        #expect(limits.seconds(forShop: "shop-waimai") == 180)
    }

    @Test("file sets default and shops")
    func fullFile() throws {
        let limits = try ReplyLimits.parse(text: """
            {
              "defaultSeconds": 240,
              "shops": {"shop-x": 120, "旗舰店": 60}
            }
            """, path: Self.path)

        #expect(limits == ReplyLimits(defaultSeconds: 240, shops: ["shop-x": 120, "旗舰店": 60]))
        #expect(limits.seconds(forShop: "shop-x") == 120)
        #expect(limits.seconds(forShop: "shop-y") == 240)
    }

    @Test("omitted fields keep defaults")
    func omittedFields() throws {
        let shopsOnly = try ReplyLimits.parse(text: #"{"shops": {"shop-x": 120}}"#, path: Self.path)
        let empty = try ReplyLimits.parse(text: "{}", path: Self.path)

        #expect(shopsOnly == ReplyLimits(shops: ["shop-x": 120]))
        #expect(empty == ReplyLimits())
    }

    @Test("load reads file from disk")
    func loadFromDisk() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-reply-\(UUID().uuidString).json")
        try Data(#"{"defaultSeconds": 300}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        #expect(try ReplyLimits.load(path: url.path) == ReplyLimits(defaultSeconds: 300))
    }

    // MARK: - Errors

    @Test("limit out of range names line and field")
    func outOfRange() throws {
        let found = problems("""
            {
              "defaultSeconds": 180,
              "shops": {
                "shop-x": 5
              }
            }
            """)

        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.line == 4)
        #expect(problem.column == 15)
        #expect(problem.field == #"shops["shop-x"]"#)
        #expect(problem.message.contains("10 to 86400"))
    }

    @Test("every problem is listed in file order")
    func allProblems() {
        let found = problems("""
            {
              "shops": {"shop-x": 120.5, "a/b": 60, "shop-x": 90},
              "defaultSeconds": 100000,
              "defaultSecond": 1
            }
            """)

        #expect(found.map(\.line) == [2, 2, 2, 3, 4])
        #expect(found.map(\.field) == [#"shops["shop-x"]"#, #"shops["a/b"]"#, #"shops["shop-x"]"#,
                                       "defaultSeconds", nil])
        #expect(found.last?.message.contains(#"did you mean "defaultSeconds"?"#) == true)
        #expect(found[2].message.contains("listed twice"))
    }

    @Test("wrong types are rejected", arguments: [
        (#"{"defaultSeconds": "180"}"#, "defaultSeconds"),
        (#"{"shops": [120]}"#, "shops"),
        (#"{"shops": {"shop-x": null}}"#, #"shops["shop-x"]"#),
    ])
    func wrongTypes(text: String, field: String) {
        let found = problems(text)

        #expect(found.map(\.field) == [field])
        #expect(found.first?.line == 1)
    }

    @Test("syntax error has line and column")
    func syntaxError() throws {
        let found = problems("{\n  \"defaultSeconds\": 180,\n}")

        let problem = try #require(found.first)
        #expect(problem.line == 3)
        #expect(problem.field == nil)
        #expect(problem.message.hasPrefix("invalid JSON"))
    }

    @Test("top level must be an object")
    func notAnObject() {
        #expect(problems("180").map(\.line) == [1])
    }

    @Test("missing file names path")
    func missingFile() throws {
        let path = "/nonexistent/vigil-reply-limits.json"
        let error = try #require(throws: ReplyLimitsFileError.self) { try ReplyLimits.load(path: path) }

        #expect(error.path == path)
        #expect(error.problems.first?.line == nil)
        #expect(error.description.hasPrefix("\(path): could not read the file"))
    }

    @Test("invalid UTF-8 rejected")
    func invalidUTF8() {
        #expect(throws: ReplyLimitsFileError.self) {
            try ReplyLimits.parse(bytes: [0x7B, 0xFF, 0x7D], path: Self.path)
        }
    }

    @Test("description reads like a compiler error")
    func errorDescription() throws {
        let error = try #require(throws: ReplyLimitsFileError.self) {
            try ReplyLimits.parse(text: #"{"defaultSeconds": 5}"#, path: Self.path)
        }

        #expect(error.description == "reply-limits.json:1:20: defaultSeconds: 5 s is out of range: use 10 to 86400 seconds")
    }
}
