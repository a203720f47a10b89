/// Finds literal strings that every match of a regular expression contains,
/// so the matcher can skip the expression on a text that contains none of them.
///
/// The analysis reads the ICU syntax that NSRegularExpression accepts, with
/// no options set, and returns a set of strings such that each match
/// contains at least one of them. It understands literals, `.`, bracket
/// classes, groups, alternation, quantifiers, anchors, lookaround and the
/// common escapes. It gives up, returning nil, on anything else: inline
/// flags such as `(?i)` or `(?x)`, which change what a literal matches,
/// `\Q…\E` quoting, back references, escapes with arguments (`\x{…}`,
/// `\p{…}`, `\N{…}`), nested or set-operation classes and comments. A nil
/// result means the expression must run on every text, as it did before the
/// analysis existed.
///
/// The result is sound because every construct either contributes a string
/// that each of its matches consumes or contributes nothing:
/// - A run of literal characters consumes exactly that string. Zero-width
///   items (anchors, lookaround) inside the run consume nothing, so the run
///   stays contiguous in the match.
/// - In a sequence every item matches, so the requirement of any one item
///   applies to the whole sequence.
/// - An alternation requires the union of its branches' requirements, and
///   nothing when one branch has no requirement.
/// - An item repeated at least once keeps its requirement, and an optional
///   one (`?`, `*`, `{0,n}`) has none.
enum RegexLiterals {
    /// Returns strings such that every match of `pattern` contains one of
    /// them, or nil when the pattern uses syntax the analysis does not read
    /// or has a match that needs no literal (such as `[0-9]+` or `a|.`).
    static func required(in pattern: String) -> [[Unicode.Scalar]]? {
        var parser = Parser(scalars: Array(pattern.unicodeScalars))
        guard let result = try? parser.alternation(), parser.isAtEnd else { return nil }
        switch result {
        case .literal(let run):
            return run.isEmpty ? nil : [run]
        case .anyOf(let strings):
            return strings.sorted { $0.lexicographicallyPrecedes($1, by: { $0.value < $1.value }) }
        case .none:
            return nil
        }
    }

    // MARK: - Requirements

    /// The known content of the matches of one part of an expression.
    enum Requirement: Equatable {
        /// Every match is exactly this string (empty for a zero-width part).
        case literal([Unicode.Scalar])
        /// Every match contains one of these non-empty strings.
        case anyOf(Set<[Unicode.Scalar]>)
        /// Nothing is known.
        case none

        /// The requirement as a set of strings, or nil when it has none.
        var strings: Set<[Unicode.Scalar]>? {
            switch self {
            case .literal(let run): run.isEmpty ? nil : [run]
            case .anyOf(let strings): strings
            case .none: nil
            }
        }
    }

    /// Syntax the analysis does not read. The whole pattern then has no prefilter.
    struct Unsupported: Error {}

    /// Returns the more selective of two string sets: the one whose shortest
    /// string is longer, then the one with fewer strings. Either is sound.
    static func better(_ left: Set<[Unicode.Scalar]>, _ right: Set<[Unicode.Scalar]>) -> Set<[Unicode.Scalar]> {
        let leftShortest = left.map(\.count).min() ?? 0
        let rightShortest = right.map(\.count).min() ?? 0
        if leftShortest != rightShortest {
            return leftShortest > rightShortest ? left : right
        }
        return left.count <= right.count ? left : right
    }

    // MARK: - Parser

    /// A recursive-descent reader of the pattern, one method per grammar rule.
    struct Parser {
        let scalars: [Unicode.Scalar]
        var position = 0

        var isAtEnd: Bool { position == scalars.count }

        private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        /// alternation := sequence ("|" sequence)*
        mutating func alternation() throws(Unsupported) -> Requirement {
            var branches = [try sequence()]
            while current == "|" {
                position += 1
                branches.append(try sequence())
            }
            if branches.count == 1 {
                return branches[0]
            }
            var union: Set<[Unicode.Scalar]> = []
            for branch in branches {
                guard let strings = branch.strings else { return .none }
                union.formUnion(strings)
            }
            return .anyOf(union)
        }

        /// sequence := (atom quantifier?)*, ending at "|", ")" or the end.
        private mutating func sequence() throws(Unsupported) -> Requirement {
            var run: [Unicode.Scalar] = []
            var best: Set<[Unicode.Scalar]>?
            var consumesOnlyLiterals = true

            func endRun() {
                if !run.isEmpty {
                    best = best.map { RegexLiterals.better($0, [run]) } ?? [run]
                    run = []
                }
            }

            while let scalar = current, scalar != "|", scalar != ")" {
                let atom = try self.atom()
                let minimumCount = try quantifier()

                switch (atom, minimumCount) {
                case (.literal(let text), nil):
                    run.append(contentsOf: text)
                case (let requirement, let count):
                    endRun()
                    consumesOnlyLiterals = false
                    if let strings = requirement.strings, (count ?? 1) >= 1 {
                        best = best.map { RegexLiterals.better($0, strings) } ?? strings
                    }
                }
            }

            if consumesOnlyLiterals {
                return .literal(run)
            }
            endRun()
            return best.map(Requirement.anyOf) ?? .none
        }

        /// Reads one atom. Zero-width atoms return an empty literal, and atoms
        /// that consume an unknown character return `.none`.
        private mutating func atom() throws(Unsupported) -> Requirement {
            guard let scalar = current else { throw Unsupported() }
            position += 1
            switch scalar {
            case "^", "$":
                return .literal([])
            case ".":
                return .none
            case "[":
                try skipClass()
                return .none
            case "(":
                return try group()
            case "\\":
                return try escape()
            case "*", "+", "?", "{", "}", "]", ")":
                // A quantifier without an atom, or a stray bracket.
                throw Unsupported()
            default:
                return .literal([scalar])
            }
        }

        /// Reads a group after its "(" up to and including its ")".
        private mutating func group() throws(Unsupported) -> Requirement {
            var isLookaround = false
            if current == "?" {
                position += 1
                switch current {
                case ":", ">":
                    position += 1
                case "=", "!":
                    position += 1
                    isLookaround = true
                case "<":
                    position += 1
                    if current == "=" || current == "!" {
                        position += 1
                        isLookaround = true
                    } else {
                        try skipGroupName()
                    }
                default:
                    // Inline flags, comments and other extensions.
                    throw Unsupported()
                }
            }
            let inner = try alternation()
            guard current == ")" else { throw Unsupported() }
            position += 1
            return isLookaround ? .literal([]) : inner
        }

        private mutating func skipGroupName() throws(Unsupported) {
            while let scalar = current, scalar != ">" {
                guard scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else { throw Unsupported() }
                position += 1
            }
            guard current == ">" else { throw Unsupported() }
            position += 1
        }

        /// Reads an escape after its backslash.
        private mutating func escape() throws(Unsupported) -> Requirement {
            guard let scalar = current else { throw Unsupported() }
            position += 1
            if "bBAzZG".unicodeScalars.contains(scalar) {
                return .literal([])
            }
            if "dDsSwWhHvVRXtnrfae".unicodeScalars.contains(scalar) {
                return .none
            }
            let isASCIIAlphanumeric = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
            if isASCIIAlphanumeric {
                // Back references, \x, \u, \N, \p, \Q, \k and the like.
                throw Unsupported()
            }
            return .literal([scalar])
        }

        /// Skips a bracket class after its "[", up to and including its "]".
        private mutating func skipClass() throws(Unsupported) {
            if current == "^" {
                position += 1
            }
            if current == "]" {
                throw Unsupported()
            }
            while let scalar = current {
                position += 1
                switch scalar {
                case "]":
                    return
                case "[":
                    throw Unsupported()
                case "\\":
                    guard let escaped = current else { throw Unsupported() }
                    position += 1
                    if "xuUNpPcQE0123456789".unicodeScalars.contains(escaped) {
                        throw Unsupported()
                    }
                default:
                    continue
                }
            }
            throw Unsupported()
        }

        /// Reads an optional quantifier and returns its minimum count, or nil when there is none.
        private mutating func quantifier() throws(Unsupported) -> Int? {
            let minimum: Int
            switch current {
            case "*":
                minimum = 0
                position += 1
            case "?":
                minimum = 0
                position += 1
            case "+":
                minimum = 1
                position += 1
            case "{":
                position += 1
                minimum = try number()
                if current == "," {
                    position += 1
                    if current != "}" {
                        _ = try number()
                    }
                }
                guard current == "}" else { throw Unsupported() }
                position += 1
            default:
                return nil
            }
            // A lazy (?) or possessive (+) mark changes how, not whether, the atom repeats.
            if current == "?" || current == "+" {
                position += 1
            }
            return minimum
        }

        private mutating func number() throws(Unsupported) -> Int {
            var value = 0
            var digits = 0
            while let scalar = current, ("0"..."9").contains(scalar), digits < 6 {
                value = value * 10 + Int(scalar.value - 0x30)
                digits += 1
                position += 1
            }
            guard digits > 0 else { throw Unsupported() }
            return value
        }
    }
}
