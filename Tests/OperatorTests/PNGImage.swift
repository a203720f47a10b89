import Foundation

/// A decoded 8-bit RGB or RGBA PNG, as headless Chromium writes screenshots,
/// so tests can check that a screenshot shows something.
struct PNGImage {
    var width: Int
    var height: Int
    /// Bytes per pixel: 3 for RGB, 4 for RGBA.
    var channels: Int
    /// Unfiltered rows, `width × channels` bytes each, top to bottom.
    var pixels: [UInt8]

    struct DecodingError: Error, CustomStringConvertible {
        var description: String
    }

    /// Decodes a non-interlaced 8-bit PNG of colour type 2 (RGB) or 6 (RGBA).
    init(data: [UInt8]) throws {
        let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]
        guard data.count > 8, Array(data[0..<8]) == signature else {
            throw DecodingError(description: "not a PNG file: the signature is missing")
        }
        var offset = 8
        var header: [UInt8] = []
        var compressed: [UInt8] = []
        while offset + 8 <= data.count {
            let length = Int(data[offset]) << 24 | Int(data[offset + 1]) << 16 | Int(data[offset + 2]) << 8 | Int(data[offset + 3])
            let type = String(decoding: data[(offset + 4)..<(offset + 8)], as: UTF8.self)
            let start = offset + 8
            guard start + length + 4 <= data.count else {
                throw DecodingError(description: "chunk \(type) runs past the end of the file")
            }
            let body = Array(data[start..<(start + length)])
            switch type {
            case "IHDR": header = body
            case "IDAT": compressed += body
            default: break
            }
            offset = start + length + 4
            if type == "IEND" {
                break
            }
        }
        guard header.count == 13 else { throw DecodingError(description: "missing IHDR chunk") }
        width = Int(header[0]) << 24 | Int(header[1]) << 16 | Int(header[2]) << 8 | Int(header[3])
        height = Int(header[4]) << 24 | Int(header[5]) << 16 | Int(header[6]) << 8 | Int(header[7])
        guard header[8] == 8, header[12] == 0, header[9] == 2 || header[9] == 6 else {
            throw DecodingError(description: "unsupported PNG: bit depth \(header[8]), colour type \(header[9]), interlace \(header[12])")
        }
        channels = header[9] == 6 ? 4 : 3
        guard compressed.count > 2 else { throw DecodingError(description: "missing image data") }
        // Skip the two-byte zlib header; the Adler-32 trailer is not checked.
        let filtered = try Inflate.decompress(Array(compressed[2...]))
        pixels = try Self.unfilter(filtered, width: width, height: height, channels: channels)
    }

    /// Reverses the per-row filters of PNG (none, sub, up, average, Paeth).
    private static func unfilter(_ data: [UInt8], width: Int, height: Int, channels: Int) throws -> [UInt8] {
        let stride = width * channels
        guard data.count >= height * (stride + 1) else {
            throw DecodingError(description: "image data is shorter than \(height) rows of \(stride) bytes")
        }
        var output = [UInt8](repeating: 0, count: height * stride)
        for row in 0..<height {
            let filter = data[row * (stride + 1)]
            let source = row * (stride + 1) + 1
            let target = row * stride
            for index in 0..<stride {
                let raw = data[source + index]
                let left = index >= channels ? Int(output[target + index - channels]) : 0
                let up = row > 0 ? Int(output[target - stride + index]) : 0
                let upLeft = row > 0 && index >= channels ? Int(output[target - stride + index - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                case 4:
                    let estimate = left + up - upLeft
                    let distances = (abs(estimate - left), abs(estimate - up), abs(estimate - upLeft))
                    predictor = distances.0 <= distances.1 && distances.0 <= distances.2 ? left
                        : (distances.1 <= distances.2 ? up : upLeft)
                default:
                    throw DecodingError(description: "unknown filter \(filter) in row \(row)")
                }
                output[target + index] = UInt8(truncatingIfNeeded: Int(raw) + predictor)
            }
        }
        return output
    }

    /// Returns the colour of a pixel as 0xRRGGBB, ignoring alpha.
    func color(x: Int, y: Int) -> UInt32 {
        let base = (y * width + x) * channels
        return UInt32(pixels[base]) << 16 | UInt32(pixels[base + 1]) << 8 | UInt32(pixels[base + 2])
    }
}
