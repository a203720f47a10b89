import VigilContracts

/// The format of a time column's cells, and the UTC offset of cells that carry none.
///
/// The formats are `iso8601` (the default: `2026-11-11T09:00:05+08:00`, or
/// with a space for the `T`), `unix-seconds`, `unix-milliseconds`, and patterns.
/// A pattern has the letters `yyyy`, `M`/`MM`, `d`/`dd`, `H`/`HH`, `m`/`mm`,
/// `s`/`ss`, `S…` (1 to 9 fraction digits) and `X`/`XXX`/`Z` (an offset in
/// the cell). Literal text goes in single quotes when it contains ASCII
/// letters (`yyyy-MM-dd'T'HH:mm`), and as it is otherwise (`yyyy年M月d日 HH:mm`).
/// One-letter fields take one or two digits, and doubled letters exactly two.
///
/// A format whose cells carry no offset needs a zone, because reading them
/// as UTC silently would shift every event by hours. Only fixed offsets are
/// accepted (`+08:00`), not zone names.
struct TimeColumnFormat: Sendable {
    enum Layout: Sendable {
        case iso8601
        case unixSeconds
        case unixMilliseconds
        case pattern([Token])
    }

    enum Component: Sendable, CaseIterable {
        case year, month, day, hour, minute, second
    }

    enum Token: Sendable, Equatable {
        case literal([UInt8])
        case number(Component, minDigits: Int, maxDigits: Int)
        case fraction
        case offset
    }

    let layout: Layout
    /// The offset in seconds for cells without one.
    let zone: Int32?
    /// The format as the mapping writes it, for messages.
    let text: String

    /// Reads the `format` and `zone` of a time field. The error message names neither field nor file.
    init(format: String?, zone zoneText: String?) throws(ColumnMappingError) {
        let text = format ?? "iso8601"
        self.text = text
        if let zoneText {
            guard let offset = TimestampFormat.parseUTCOffset(zoneText) else {
                throw ColumnMappingError("""
                    invalid zone "\(zoneText)": expected a UTC offset such as "+08:00" (zone names are not supported)
                    """)
            }
            zone = offset
        } else {
            zone = nil
        }

        switch text {
        case "iso8601":
            layout = .iso8601
        case "unix-seconds":
            layout = .unixSeconds
        case "unix-milliseconds":
            layout = .unixMilliseconds
        default:
            let tokens = try Self.tokens(of: text)
            let hasOffset = tokens.contains(.offset)
            if !hasOffset, zoneText == nil {
                throw ColumnMappingError("""
                    the time format "\(text)" has no UTC offset, so the mapping must set "zone", such as "+08:00"; \
                    times are never read as UTC by default
                    """)
            }
            if hasOffset, zoneText != nil {
                throw ColumnMappingError("""
                    the time format "\(text)" reads the offset from each cell, so "zone" would never be used; remove it
                    """)
            }
            layout = .pattern(tokens)
        }
    }

    // MARK: - Cells

    /// Returns the cell's instant as ISO 8601 with an offset, or nil when the
    /// cell does not match the format or names no valid time.
    func isoText(from cell: ArraySlice<UInt8>) -> String? {
        switch layout {
        case .iso8601:
            let text = String(decoding: cell, as: UTF8.self)
            if let timestamp = TimestampFormat.parse(text) {
                return timestamp.iso8601
            }
            guard let zone else { return nil }
            return TimestampFormat.parse(text + Self.offsetText(zone))?.iso8601
        case .unixSeconds:
            guard let seconds = Self.integer(cell, maxDigits: 12) else { return nil }
            return Timestamp(epochMilliseconds: seconds * 1000, utcOffsetSeconds: zone ?? 0).iso8601
        case .unixMilliseconds:
            guard let milliseconds = Self.integer(cell, maxDigits: 15) else { return nil }
            return Timestamp(epochMilliseconds: milliseconds, utcOffsetSeconds: zone ?? 0).iso8601
        case .pattern(let tokens):
            return match(tokens, cell)
        }
    }

    private func match(_ tokens: [Token], _ cell: ArraySlice<UInt8>) -> String? {
        var values: [Component: Int] = [:]
        var fraction: ArraySlice<UInt8> = []
        var offset = zone
        var index = cell.startIndex
        for token in tokens {
            switch token {
            case .literal(let bytes):
                guard cell[index...].starts(with: bytes) else { return nil }
                index += bytes.count
            case let .number(component, minDigits, maxDigits):
                let start = index
                var value = 0
                while index < cell.endIndex, index - start < maxDigits, let digit = Self.digit(cell[index]) {
                    value = value * 10 + digit
                    index += 1
                }
                guard index - start >= minDigits else { return nil }
                values[component] = value
            case .fraction:
                let start = index
                while index < cell.endIndex, index - start < 9, Self.digit(cell[index]) != nil {
                    index += 1
                }
                guard index > start else { return nil }
                fraction = cell[start..<index]
            case .offset:
                let start = index
                while index < cell.endIndex, Self.isOffsetByte(cell[index]) {
                    index += 1
                }
                guard let parsed = TimestampFormat.parseUTCOffset(String(decoding: cell[start..<index], as: UTF8.self))
                else { return nil }
                offset = parsed
            }
        }
        guard index == cell.endIndex, let offset else { return nil }

        func padded(_ component: Component, _ width: Int) -> String {
            let digits = String(values[component] ?? 0)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = "\(padded(.year, 4))-\(padded(.month, 2))-\(padded(.day, 2))"
        text += "T\(padded(.hour, 2)):\(padded(.minute, 2)):\(padded(.second, 2))"
        if !fraction.isEmpty {
            text += "." + String(decoding: fraction, as: UTF8.self)
        }
        text += Self.offsetText(offset)
        return TimestampFormat.parse(text)?.iso8601
    }

    // MARK: - Patterns

    private static func tokens(of format: String) throws(ColumnMappingError) -> [Token] {
        var tokens: [Token] = []
        var seen: Set<String> = []
        let scalars = Array(format.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "'" {
                // Quoted literal text, in which '' is one quote.
                var literal = ""
                index += 1
                while index < scalars.count {
                    if scalars[index] == "'" {
                        if index + 1 < scalars.count, scalars[index + 1] == "'" {
                            literal.unicodeScalars.append("'")
                            index += 2
                            continue
                        }
                        break
                    }
                    literal.unicodeScalars.append(scalars[index])
                    index += 1
                }
                guard index < scalars.count else {
                    throw ColumnMappingError("invalid time format \"\(format)\": a quote (') is not closed")
                }
                index += 1
                tokens.append(.literal(Array((literal.isEmpty ? "'" : literal).utf8)))
                continue
            }
            guard scalar.isASCII, scalar.properties.isAlphabetic else {
                tokens.append(.literal(Array(String(scalar).utf8)))
                index += 1
                continue
            }

            var count = 1
            while index + count < scalars.count, scalars[index + count] == scalar {
                count += 1
            }
            let letters = String(repeating: String(scalar), count: count)
            let token = try token(for: scalar, count: count, letters: letters, format: format)
            // Every offset letter counts as X, so that "XZ" is caught as a repeat.
            var key = String(scalar)
            if token == .offset {
                key = "X"
            }
            guard seen.insert(key).inserted else {
                throw ColumnMappingError("invalid time format \"\(format)\": \"\(scalar)\" appears twice")
            }
            tokens.append(token)
            index += count
        }

        for (letter, needs) in [("y", ""), ("M", ""), ("d", ""), ("m", "H"), ("s", "m"), ("S", "s")] {
            if needs.isEmpty, !seen.contains(letter) {
                throw ColumnMappingError("invalid time format \"\(format)\": it has no \(letter == "y" ? "yyyy" : letter)")
            }
            if !needs.isEmpty, seen.contains(letter), !seen.contains(needs) {
                throw ColumnMappingError("invalid time format \"\(format)\": it has \(letter) but no \(needs)")
            }
        }
        return tokens
    }

    private static func token(for letter: Unicode.Scalar, count: Int, letters: String,
                              format: String) throws(ColumnMappingError) -> Token {
        let component: Component
        switch letter {
        case "y":
            guard count == 4 else {
                throw ColumnMappingError("invalid time format \"\(format)\": write the year as yyyy, not \(letters)")
            }
            return .number(.year, minDigits: 4, maxDigits: 4)
        case "M": component = .month
        case "d": component = .day
        case "H": component = .hour
        case "m": component = .minute
        case "s": component = .second
        case "S":
            guard count <= 9 else {
                throw ColumnMappingError("invalid time format \"\(format)\": at most 9 fraction digits (S)")
            }
            return .fraction
        case "X", "x", "Z":
            guard count <= 3 else {
                throw ColumnMappingError("invalid time format \"\(format)\": write the offset as XXX, not \(letters)")
            }
            return .offset
        default:
            throw ColumnMappingError("""
                invalid time format "\(format)": "\(letters)" is not supported; use yyyy, MM, dd, HH, mm, ss, SSS and \
                XXX, and put literal letters in single quotes, as in yyyy-MM-dd'T'HH:mm:ss
                """)
        }
        guard count <= 2 else {
            throw ColumnMappingError("invalid time format \"\(format)\": \(letters) is not supported, use \(letter)\(letter)")
        }
        return .number(component, minDigits: count, maxDigits: 2)
    }

    // MARK: - Bytes

    private static func digit(_ byte: UInt8) -> Int? {
        (0x30...0x39).contains(byte) ? Int(byte - 0x30) : nil
    }

    private static func isOffsetByte(_ byte: UInt8) -> Bool {
        digit(byte) != nil || byte == 0x2B || byte == 0x2D || byte == 0x3A || byte == 0x5A || byte == 0x7A
    }

    private static func integer(_ cell: ArraySlice<UInt8>, maxDigits: Int) -> Int64? {
        guard !cell.isEmpty, cell.count <= maxDigits else { return nil }
        var value: Int64 = 0
        for byte in cell {
            guard let digit = digit(byte) else { return nil }
            value = value * 10 + Int64(digit)
        }
        return value
    }

    /// "+08:00" for 28,800 seconds.
    static func offsetText(_ seconds: Int32) -> String {
        let minutes = abs(Int(seconds)) / 60
        let hours = minutes / 60
        let rest = minutes % 60
        return (seconds < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }
}
