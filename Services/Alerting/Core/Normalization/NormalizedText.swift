/// A message text after ``TextNormalizer``, with the way back to the original.
///
/// Offsets into the original are Unicode scalar offsets: positions in
/// `original.unicodeScalars`, counted from 0. Offsets into the normalized text
/// are positions in ``scalars``.
public struct NormalizedText: Sendable, Hashable {
    /// The text the normalizer read.
    public let original: String

    /// The normalized text, one Unicode scalar per element.
    public let scalars: [Unicode.Scalar]

    /// For each element of ``scalars``, the original scalar offsets it came
    /// from. The ranges never decrease, and several normalized scalars share
    /// one range where a whole word was replaced (pinyin, a homophone of a different length).
    public let origins: [Range<Int>]

    init(original: String, scalars: [Unicode.Scalar], origins: [Range<Int>]) {
        self.original = original
        self.scalars = scalars
        self.origins = origins
    }

    /// The normalized text as a string.
    public var string: String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    /// Maps a range of normalized offsets to the original scalar offsets it
    /// came from, separators between its scalars included. An empty range maps
    /// to the empty range where its position came from. Bounds outside
    /// `0...scalars.count` are clamped.
    public func originalScalarRange(of range: Range<Int>) -> Range<Int> {
        let lower = min(max(range.lowerBound, 0), scalars.count)
        let upper = min(max(range.upperBound, lower), scalars.count)
        let originalCount = original.unicodeScalars.count
        if lower == upper {
            let position = lower < origins.count ? origins[lower].lowerBound : originalCount
            return position..<position
        }
        return origins[lower].lowerBound..<origins[upper - 1].upperBound
    }

    /// Maps a range of normalized offsets to the indices of the original text,
    /// as ``originalScalarRange(of:)`` does. The indices are scalar indices
    /// and may fall inside a grapheme cluster, such as an emoji sequence.
    public func originalRange(of range: Range<Int>) -> Range<String.Index> {
        let scalarRange = originalScalarRange(of: range)
        let view = original.unicodeScalars
        let lower = view.index(view.startIndex, offsetBy: scalarRange.lowerBound)
        let upper = view.index(lower, offsetBy: scalarRange.count)
        return lower..<upper
    }

    /// Returns the original text that a range of normalized offsets came from, for an alert's explanation.
    public func originalText(of range: Range<Int>) -> String {
        String(original.unicodeScalars[originalRange(of: range)])
    }
}
