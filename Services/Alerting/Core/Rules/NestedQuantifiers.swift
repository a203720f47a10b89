/// Finds the regular-expression shape that backtracks catastrophically: a
/// group that contains an unbounded quantifier and is itself repeated without
/// bound, such as `(\d+)+`, `(?:a*b?)*` or `(x+y){2,}`.
///
/// On a message that almost matches, ICU tries every way of splitting the
/// repeated text between the inner and the outer quantifier. That is
/// exponential in the length of the run: `(\d+)+$` takes seconds on 25
/// digits followed by a letter, and alerting matches every message against
/// every pattern, so one such rule stalls every instance.
///
/// The check is syntactic and deliberately narrow. An atomic group `(?>…)`
/// or a possessive quantifier (`++`, `*+`, `{n,}+`) cannot backtrack and is
/// accepted. It does not find overlapping alternatives such as `(a|a)+` or
/// adjacent quantifiers such as `\d+\d+$`, which are polynomial.
enum NestedQuantifiers {
    /// Returns the first group that repeats an unbounded quantifier without
    /// bound, from its opening parenthesis to the end of its quantifier, or nil.
    static func first(in pattern: String) -> String? {
        var scanner = Scanner(scalars: Array(pattern.unicodeScalars))
        guard let range = scanner.firstNestedGroup() else { return nil }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scanner.scalars[range])
        return String(text)
    }

    // MARK: - Scanner

    private struct Scanner {
        /// An open group: its start and whether it contains an unbounded quantifier so far.
        struct Frame {
            let start: Int
            let isAtomic: Bool
            var holdsUnboundedQuantifier = false
        }

        let scalars: [Unicode.Scalar]
        private var position = 0
        private var frames = [Frame(start: 0, isAtomic: false)]

        init(scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }

        /// Scans the whole pattern and returns the range of the first nested
        /// group found, or nil. A pattern that does not parse (NSRegularExpression
        /// has already accepted it) simply ends the scan.
        mutating func firstNestedGroup() -> Range<Int>? {
            while let scalar = current {
                position += 1
                switch scalar {
                case "\\":
                    skipEscape()
                    markQuantifier()
                case "[":
                    skipClass()
                    markQuantifier()
                case "(":
                    openGroup()
                case ")":
                    guard frames.count > 1 else { return nil }
                    let group = frames.removeLast()
                    let unbounded = readQuantifier() == .unbounded
                    if unbounded && group.holdsUnboundedQuantifier && !group.isAtomic {
                        return group.start..<position
                    }
                    if (unbounded || group.holdsUnboundedQuantifier) && !group.isAtomic {
                        frames[frames.count - 1].holdsUnboundedQuantifier = true
                    }
                default:
                    markQuantifier()
                }
            }
            return nil
        }

        /// Reads the quantifier after an atom that is not a group and records an unbounded one.
        private mutating func markQuantifier() {
            if readQuantifier() == .unbounded {
                frames[frames.count - 1].holdsUnboundedQuantifier = true
            }
        }

        private enum Quantifier {
            case none, bounded, unbounded
        }

        /// Reads an optional quantifier. A possessive one counts as bounded,
        /// because it never gives back what it took.
        private mutating func readQuantifier() -> Quantifier {
            var kind: Quantifier
            switch current {
            case "*", "+":
                position += 1
                kind = .unbounded
            case "?":
                position += 1
                kind = .bounded
            case "{":
                guard let end = scalars[position...].firstIndex(of: "}") else { return .none }
                let body = scalars[(position + 1)..<end]
                kind = body.last == "," ? .unbounded : .bounded
                position = end + 1
            default:
                return .none
            }
            if current == "+" {
                position += 1
                kind = .bounded
            } else if current == "?" {
                position += 1
            }
            return kind
        }

        /// Opens a group after its "(", reading the kind from its `?` prefix.
        private mutating func openGroup() {
            var isAtomic = false
            if current == "?" {
                let next = position + 1 < scalars.count ? scalars[position + 1] : nil
                if next == "#" {
                    // A comment runs to the next ")" and is no group.
                    while let scalar = current, scalar != ")" {
                        position += 1
                    }
                    position += 1
                    return
                }
                isAtomic = next == ">"
            }
            frames.append(Frame(start: position - 1, isAtomic: isAtomic))
        }

        /// Skips an escape after its backslash: one scalar, a braced argument
        /// (`\x{…}`, `\p{…}`, `\N{…}`) or a quoted run up to `\E`.
        private mutating func skipEscape() {
            guard let scalar = current else { return }
            position += 1
            if scalar == "Q" {
                while position < scalars.count {
                    if scalars[position] == "\\" && position + 1 < scalars.count && scalars[position + 1] == "E" {
                        position += 2
                        return
                    }
                    position += 1
                }
                return
            }
            if "xpPN".unicodeScalars.contains(scalar) && current == "{" {
                while let next = current, next != "}" {
                    position += 1
                }
                position += 1
            }
        }

        /// Skips a bracket class after its "[", nested classes and escapes included.
        private mutating func skipClass() {
            var depth = 1
            if current == "^" {
                position += 1
            }
            if current == "]" {
                position += 1
            }
            while let scalar = current, depth > 0 {
                position += 1
                switch scalar {
                case "\\":
                    skipEscape()
                case "[":
                    depth += 1
                case "]":
                    depth -= 1
                default:
                    break
                }
            }
        }
    }
}
