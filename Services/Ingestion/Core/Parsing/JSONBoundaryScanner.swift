/// Finds where JSON values end, following strings, escapes and bracket
/// nesting, without checking or decoding what lies between.
///
/// Only what boundaries depend on is checked: brackets match, strings
/// close, and nesting stays within `maxDepth`. A scalar is any run of bytes
/// up to a delimiter, so `[tru, 1x]` has two elements that a JSON parser
/// rejects later, one record at a time.
struct JSONBoundaryScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let maxDepth: Int
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    func peek() -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
        }
    }

    mutating func skipWhitespace() {
        while index < bytes.count, Self.isWhitespace(bytes[index]) {
            index += 1
        }
    }

    /// Moves past one value that starts at `index`. `depth` is the number of
    /// containers around it, and `record` numbers it in messages.
    mutating func skipValue(depth: Int, record: Int) throws(RequestBodyError) {
        guard let first = peek() else {
            throw RequestBodyError(.malformed, "the array is not closed: the body ends where record \(record) should start")
        }
        switch first {
        case 0x22:
            try skipString(record: record)
        case 0x7B, 0x5B:
            try skipContainer(depth: depth, record: record)
        case 0x2C, 0x5D, 0x7D, 0x3A:
            throw RequestBodyError(.malformed, "expected record \(record) at byte \(index), found \(Self.describe(first))")
        default:
            while index < bytes.count, !Self.endsScalar(bytes[index]) {
                index += 1
            }
        }
    }

    private mutating func skipString(record: Int) throws(RequestBodyError) {
        let start = index
        index += 1
        while index < bytes.count {
            switch bytes[index] {
            case 0x5C:
                index += 2
            case 0x22:
                index += 1
                return
            default:
                index += 1
            }
        }
        index = bytes.count
        throw RequestBodyError(.malformed, "the string that starts at byte \(start) in record \(record) is not closed")
    }

    /// Moves past an object or array, keeping a stack of the open brackets.
    private mutating func skipContainer(depth: Int, record: Int) throws(RequestBodyError) {
        let start = index
        var open: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x22:
                try skipString(record: record)
                continue
            case 0x7B, 0x5B:
                open.append(byte)
                guard depth + open.count <= maxDepth else {
                    throw RequestBodyError(.malformed, """
                        record \(record) nests arrays and objects deeper than \(maxDepth) levels at byte \(index)
                        """)
                }
            case 0x7D, 0x5D:
                let expected: UInt8 = open.last == 0x7B ? 0x7D : 0x5D
                guard byte == expected else {
                    throw RequestBodyError(.malformed, """
                        mismatched bracket in record \(record) at byte \(index): expected \(Self.describe(expected)), \
                        found \(Self.describe(byte))
                        """)
                }
                open.removeLast()
                if open.isEmpty {
                    index += 1
                    return
                }
            default:
                break
            }
            index += 1
        }
        throw RequestBodyError(.malformed, "record \(record), which starts at byte \(start), is not closed")
    }

    // MARK: - Bytes

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2C, 0x5D, 0x5B, 0x7B, 0x7D, 0x22, 0x3A: true
        default: isWhitespace(byte)
        }
    }

    /// Returns the byte as a reader would name it: `"]"`, or a hex value for bytes that are not printable ASCII.
    static func describe(_ byte: UInt8) -> String {
        (0x21...0x7E).contains(byte) ? "\"\(Character(Unicode.Scalar(byte)))\"" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }
}
