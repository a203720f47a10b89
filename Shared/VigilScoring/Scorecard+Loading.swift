import VigilJSON

// MARK: - Reading a scorecard file

extension Scorecard {
    /// Files larger than this are rejected unread, because a real scorecard is a few kilobytes.
    static let maximumFileBytes = 1 << 20

    /// Reads and checks a scorecard file (docs/SCORING.md describes the format).
    ///
    /// - Throws: ``ScorecardError`` with the first problem as FILE:LINE:COLUMN
    ///   and the others in ``ScorecardError/otherProblems``.
    public static func load(path: String) throws(ScorecardError) -> Scorecard {
        let text: String
        do {
            text = try SmallTextFile.read(path: path, maximumBytes: maximumFileBytes, kind: "a scorecard")
        } catch {
            throw ScorecardError(file: path, line: error.position?.line, column: error.position?.column,
                                 message: error.message)
        }
        return try parse(text, fileName: path)
    }

    /// Checks a scorecard file's text. `fileName` only names the file in errors.
    public static func parse(_ text: String, fileName: String) throws(ScorecardError) -> Scorecard {
        let document: PositionedJSON
        do {
            document = try PositionedJSONParser.parse(text)
        } catch {
            throw ScorecardError(file: fileName, line: error.position.line, column: error.position.column,
                                 message: "invalid JSON: \(error.message)")
        }

        var reader = ScorecardReader()
        let scorecard = reader.scorecard(from: document)
        guard !reader.problems.isEmpty else {
            guard let scorecard else {
                throw ScorecardError(file: fileName, line: nil, column: nil, message: "the scorecard is invalid")
            }
            return scorecard
        }

        var errors = reader.problems.sorted { $0.position < $1.position }.map { problem in
            ScorecardError(file: fileName, line: problem.position.line, column: problem.position.column,
                           message: problem.message)
        }
        var error = errors.removeFirst()
        error.otherProblems = errors
        throw error
    }
}
