/// Scalars and their original offsets, built by one normalizer step and read by the next.
struct ScalarBuffer {
    var scalars: [Unicode.Scalar] = []
    var origins: [Range<Int>] = []

    init(capacity: Int) {
        scalars.reserveCapacity(capacity)
        origins.reserveCapacity(capacity)
    }

    var count: Int { scalars.count }

    @inline(__always)
    mutating func append(_ scalar: Unicode.Scalar, from origin: Range<Int>) {
        scalars.append(scalar)
        origins.append(origin)
    }

    /// Removes the scalars from `start` on, except the last `keptCount`.
    mutating func remove(from start: Int, keepingLast keptCount: Int) {
        let end = scalars.count - keptCount
        scalars.removeSubrange(start..<end)
        origins.removeSubrange(start..<end)
    }

    /// Replaces the scalars in `range` with one `scalar` whose origin spans theirs.
    mutating func collapse(_ range: Range<Int>, into scalar: Unicode.Scalar) {
        guard let first = range.first, let last = range.last else { return }
        let span = origins[first].lowerBound..<origins[last].upperBound
        scalars.replaceSubrange(range, with: CollectionOfOne(scalar))
        origins.replaceSubrange(range, with: CollectionOfOne(span))
    }

    /// Removes the scalar at `index`.
    mutating func remove(at index: Int) {
        scalars.remove(at: index)
        origins.remove(at: index)
    }

    /// Appends `word` in place of the scalars whose origins are given. A word of
    /// the same length keeps the origins one to one. Otherwise every scalar of
    /// it takes the whole span.
    mutating func append(_ word: [Unicode.Scalar], replacing replaced: ArraySlice<Range<Int>>) {
        guard let first = replaced.first, let last = replaced.last else { return }
        if word.count == replaced.count {
            scalars.append(contentsOf: word)
            origins.append(contentsOf: replaced)
            return
        }
        let span = first.lowerBound..<last.upperBound
        for scalar in word {
            scalars.append(scalar)
            origins.append(span)
        }
    }
}
