import Testing
import VigilJSON

/// Returns the syntax error the parser raises for `text`, or nil when it parses.
private func syntaxError(_ text: String) -> JSONSyntaxError? {
    do {
        _ = try PositionedJSONParser.parse(text)
        return nil
    } catch {
        return error
    }
}

@Suite("PositionedJSONParser")
struct PositionedJSONParserTests {
    @Test("values keep their positions")
    func valuesKeepPositions() throws {
        let text = "{\n  \"a\": [1, \"投诉\",\n    true],\n  \"b\": {\"c\": null}\n}"

        let value = try PositionedJSONParser.parse(text)

        guard case .object(let members) = value.kind else {
            Issue.record("expected an object, found \(value.typeName)")
            return
        }
        #expect(members.map(\.key) == ["a", "b"])
        #expect(members[0].keyPosition == SourcePosition(line: 2, column: 3))
        guard case .array(let elements) = members[0].value.kind else {
            Issue.record("expected a list")
            return
        }
        #expect(elements.map(\.position) == [SourcePosition(line: 2, column: 9), SourcePosition(line: 2, column: 12),
                                             SourcePosition(line: 3, column: 5)])
        #expect(members[1].value.position == SourcePosition(line: 4, column: 8))
    }

    @Test("Chinese characters count one column")
    func chineseColumns() throws {
        let value = try PositionedJSONParser.parse("[\"工商银行\", 12]")
        guard case .array(let elements) = value.kind else {
            Issue.record("expected a list")
            return
        }
        #expect(elements[1].position == SourcePosition(line: 1, column: 10))
    }

    @Test("escapes decode")
    func escapesDecode() throws {
        let value = try PositionedJSONParser.parse(#"["a\"b\\c\u6295\ud83d\ude00\n"]"#)
        guard case .array(let elements) = value.kind, case .string(let text) = elements[0].kind else {
            Issue.record("expected a list of one string")
            return
        }
        #expect(text == "a\"b\\c投😀\n")
    }

    @Test("syntax errors point at the problem", arguments: [
        ("{\n  \"a\": 1,\n}", 3, 1, "trailing comma"),
        ("{\n  \"a\" 1\n}", 2, 7, "expected \":\""),
        ("[1, 2", 1, 6, "unexpected end of file"),
        ("{\"a\": tru}", 1, 7, "invalid literal"),
        ("{\"a\": \"x\ny\"}", 1, 9, "line break inside a string"),
        ("[\"\\q\"]", 1, 3, "invalid escape"),
        ("[01]", 1, 3, "must not start with 0"),
        ("{} {}", 1, 4, "unexpected text after"),
        ("{'a': 1}", 1, 2, "expected a quoted key"),
    ])
    func syntaxErrors(text: String, line: Int, column: Int, fragment: String) throws {
        let error = try #require(syntaxError(text))
        #expect(error.position == SourcePosition(line: line, column: column))
        #expect(error.message.contains(fragment), "message: \(error.message)")
    }

    @Test("deep nesting is rejected")
    func deepNesting() throws {
        let text = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let error = try #require(syntaxError(text))
        #expect(error.message.contains("nested more than"))
    }
}
