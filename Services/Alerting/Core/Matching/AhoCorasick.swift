/// An Aho–Corasick automaton over Unicode scalars: finds every occurrence of
/// every pattern in one pass over a text, so the cost of a search grows with
/// the text and the number of occurrences, not with the number of patterns.
///
/// The automaton is built once and stored in flat arrays. Each node's edges
/// are a sorted slice of `edges`, searched by binary search, because an
/// alphabet of Chinese characters is too large for a dense table per node.
/// A failed edge follows failure links, as in the original algorithm
/// (Aho and Corasick, "Efficient string matching", CACM 18(6), 1975).
public struct AhoCorasick: Sendable {
    /// One occurrence of a pattern in a searched text.
    public struct Match: Sendable, Hashable {
        /// The pattern's index in the list the automaton was built from.
        public var pattern: Int
        /// The occurrence's scalar offsets in the searched text.
        public var range: Range<Int>
    }

    // MARK: - Storage

    /// The search data of one node, in 16 bytes, so that a step
    /// through a large automaton touches one cache line per node.
    private struct Node {
        /// The node's edges are `edges[edgeStart..<edgeEnd]`, sorted by label.
        var edgeStart: Int32
        var edgeEnd: Int32
        /// The node whose path is the longest proper suffix of this node's path, or the root (0).
        var failure: Int32
        /// The first node to report at this node: itself when it has own
        /// patterns, else its output link, or -1 when nothing ends here.
        var report: Int32
    }

    /// One trie edge: a scalar value and the node it leads to.
    private struct Edge {
        var label: UInt32
        var target: Int32
    }

    private let nodes: [Node]
    private let edges: [Edge]

    /// Node `n`'s own patterns are `outputPatterns[outputStart[n]..<outputStart[n + 1]]`.
    private let outputStart: [Int32]
    private let outputPatterns: [Int32]

    /// The nearest node on node `n`'s failure chain, `n` excluded, that has
    /// own patterns, or -1. Following it visits only nodes that report something.
    private let outputLink: [Int32]

    /// The length in scalars of each pattern.
    private let patternLengths: [Int]

    /// Every scalar of every pattern. A text scalar outside it leads back to
    /// the root, which has no patterns, so the search skips it after one bitmap load.
    private let alphabet: ScalarSet

    /// The root's edge for each scalar of the Basic Multilingual Plane (0 for
    /// none), so the most visited node needs no binary search. It takes
    /// 256 KiB per automaton. The root's edges for other scalars are in the
    /// flat arrays like every node's.
    private let rootEdges: [Int32]

    /// The number of patterns the automaton was built from.
    public var patternCount: Int { patternLengths.count }

    /// The number of trie nodes, the root included.
    public var nodeCount: Int { nodes.count }

    // MARK: - Building

    /// Builds the automaton. An empty pattern never matches, and equal
    /// patterns each report their own index.
    public init(patterns: [[Unicode.Scalar]]) {
        // The trie, with a dictionary per node only while building.
        var children: [[UInt32: Int32]] = [[:]]
        var own: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var node = 0
            for scalar in pattern {
                if let next = children[node][scalar.value] {
                    node = Int(next)
                } else {
                    children.append([:])
                    own.append([])
                    children[node][scalar.value] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            own[node].append(Int32(index))
        }
        (children, own) = Self.breadthFirst(children, own)

        // Flat edge arrays, each node's edges sorted for binary search.
        var edgeStart: [Int32] = []
        var edgeLabels: [UInt32] = []
        var edgeTargets: [Int32] = []
        edgeStart.reserveCapacity(children.count + 1)
        for edges in children {
            edgeStart.append(Int32(edgeLabels.count))
            for (label, target) in edges.sorted(by: { $0.key < $1.key }) {
                edgeLabels.append(label)
                edgeTargets.append(target)
            }
        }
        edgeStart.append(Int32(edgeLabels.count))

        // Failure and output links in breadth-first order, so a node's
        // failure target is finished before the node.
        var failure = [Int32](repeating: 0, count: children.count)
        var outputLink = [Int32](repeating: -1, count: children.count)
        var queue: [Int] = children[0].values.map(Int.init)
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for (label, target) in children[node] {
                let child = Int(target)
                var fallback = Int(failure[node])
                var link: Int32 = 0
                while true {
                    if node != 0, let next = children[fallback][label] {
                        link = next
                        break
                    }
                    if fallback == 0 { break }
                    fallback = Int(failure[fallback])
                }
                failure[child] = link
                outputLink[child] = own[Int(link)].isEmpty ? outputLink[Int(link)] : link
                queue.append(child)
            }
        }

        var outputStart: [Int32] = []
        var outputPatterns: [Int32] = []
        outputStart.reserveCapacity(own.count + 1)
        for patternsAtNode in own {
            outputStart.append(Int32(outputPatterns.count))
            outputPatterns.append(contentsOf: patternsAtNode)
        }
        outputStart.append(Int32(outputPatterns.count))

        self.nodes = own.indices.map { node in
            Node(edgeStart: edgeStart[node], edgeEnd: edgeStart[node + 1], failure: failure[node],
                 report: own[node].isEmpty ? outputLink[node] : Int32(node))
        }
        self.edges = zip(edgeLabels, edgeTargets).map { Edge(label: $0, target: $1) }
        self.outputStart = outputStart
        self.outputPatterns = outputPatterns
        self.outputLink = outputLink
        self.patternLengths = patterns.map(\.count)
        self.alphabet = ScalarSet(patterns.joined())

        var rootEdges = [Int32](repeating: 0, count: 0x10000)
        for (label, target) in children[0] where label < 0x10000 {
            rootEdges[Int(label)] = target
        }
        self.rootEdges = rootEdges
    }

    /// Renumbers the trie's nodes in breadth-first order, each node's children
    /// by label. A search spends most steps at the root and the nodes one or
    /// two scalars below it, which then sit together in memory, with their
    /// edges, rather than spread over the whole automaton in pattern order.
    private static func breadthFirst(_ children: [[UInt32: Int32]],
                                     _ own: [[Int32]]) -> (children: [[UInt32: Int32]], own: [[Int32]]) {
        var order = [0]
        var newId = [Int32](repeating: 0, count: children.count)
        order.reserveCapacity(children.count)
        var head = 0
        while head < order.count {
            let node = order[head]
            head += 1
            for (_, target) in children[node].sorted(by: { $0.key < $1.key }) {
                newId[Int(target)] = Int32(order.count)
                order.append(Int(target))
            }
        }
        let renumbered = order.map { node in
            children[node].mapValues { newId[Int($0)] }
        }
        return (renumbered, order.map { own[$0] })
    }

    // MARK: - Searching

    /// Returns every occurrence of every pattern in `text`, ordered by end
    /// offset. Occurrences that end at the same offset come longest first.
    public func matches(in text: [Unicode.Scalar]) -> [Match] {
        var found: [Match] = []
        var node = 0
        for offset in text.indices {
            let scalar = text[offset]
            guard alphabet.contains(scalar) else {
                node = 0
                continue
            }
            node = step(from: node, on: scalar.value)

            let end = offset + 1
            var reporting = Int(nodes[node].report)
            while reporting >= 0 {
                for slot in Int(outputStart[reporting])..<Int(outputStart[reporting + 1]) {
                    let pattern = Int(outputPatterns[slot])
                    found.append(Match(pattern: pattern, range: (end - patternLengths[pattern])..<end))
                }
                reporting = Int(outputLink[reporting])
            }
        }
        return found
    }

    /// Follows the edge for `label` from `node`, falling back along failure links to the root, which absorbs every miss.
    @inline(__always)
    private func step(from node: Int, on label: UInt32) -> Int {
        var current = node
        while current != 0 {
            if let next = child(of: current, on: label) {
                return next
            }
            current = Int(nodes[current].failure)
        }
        if label < 0x10000 {
            return Int(rootEdges[Int(label)])
        }
        return child(of: 0, on: label) ?? 0
    }

    @inline(__always)
    private func child(of node: Int, on label: UInt32) -> Int? {
        let record = nodes[node]
        var low = Int(record.edgeStart)
        var high = Int(record.edgeEnd)
        while low < high {
            let middle = (low + high) >> 1
            let edge = edges[middle]
            if edge.label == label {
                return Int(edge.target)
            }
            let value = edge.label
            if value < label {
                low = middle + 1
            } else {
                high = middle
            }
        }
        return nil
    }
}
