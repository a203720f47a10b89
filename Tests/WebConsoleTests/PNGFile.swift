import Foundation

/// The structure of a PNG file, checked without decoding the pixels: the
/// signature, every chunk's length and CRC-32, IHDR first and IEND last.
struct PNGFile {
    var width: Int
    var height: Int
    /// The chunk types in file order, e.g. `["IHDR", "IDAT", "IEND"]`.
    var chunkTypes: [String]

    /// A file that breaks the PNG structure, with the first problem found.
    struct Invalid: Error, CustomStringConvertible {
        var description: String
    }

    init(contentsOf path: String) throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else {
            throw Invalid(description: "\(path) lacks the PNG signature")
        }

        var offset = 8
        var types: [String] = []
        var header: [UInt8] = []
        while offset + 12 <= bytes.count {
            let length = Int(Self.bigEndian(bytes, at: offset))
            guard offset + 12 + length <= bytes.count else {
                throw Invalid(description: "chunk at byte \(offset) runs past the end of \(path)")
            }
            let typeAndData = Array(bytes[(offset + 4)..<(offset + 8 + length)])
            let type = String(decoding: typeAndData.prefix(4), as: UTF8.self)
            guard Self.crc32(typeAndData) == Self.bigEndian(bytes, at: offset + 8 + length) else {
                throw Invalid(description: "chunk \(type) at byte \(offset) has a wrong CRC")
            }
            if type == "IHDR" {
                header = Array(typeAndData.dropFirst(4))
            }
            types.append(type)
            offset += 12 + length
        }

        guard types.first == "IHDR", header.count == 13 else {
            throw Invalid(description: "\(path) does not start with a 13-byte IHDR chunk")
        }
        guard types.last == "IEND", offset == bytes.count else {
            throw Invalid(description: "\(path) does not end with IEND")
        }
        width = Int(Self.bigEndian(header, at: 0))
        height = Int(Self.bigEndian(header, at: 4))
        chunkTypes = types
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The CRC-32 of ISO 3309 that PNG chunks carry (reflected polynomial 0xEDB88320).
    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 {
                crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1
            }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
