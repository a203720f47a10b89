/// A trie from scalar sequences to replacement scalars, walked one scalar at a
/// time so that callers can skip separators between the scalars of a key.
struct ScalarTrie: Sendable {
    /// A node's position in `children`. The root is 0.
    typealias Node = Int

    private var children: [[UInt32: Int32]] = [[:]]
    private var values: [[Unicode.Scalar]?] = [nil]

    /// The scalars that start some key, for a cheap test before a walk.
    private(set) var firstScalars = ScalarSet([])

    static let root: Node = 0

    mutating func insert(_ key: [Unicode.Scalar], value: [Unicode.Scalar]) {
        guard let first = key.first else { return }
        firstScalars.insert(first)
        var node = 0
        for scalar in key {
            if let next = children[node][scalar.value] {
                node = Int(next)
            } else {
                children.append([:])
                values.append(nil)
                children[node][scalar.value] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        values[node] = value
    }

    func child(of node: Node, for scalar: Unicode.Scalar) -> Node? {
        children[node][scalar.value].map(Int.init)
    }

    /// Returns the replacement stored at `node`, if a key ends there.
    func value(at node: Node) -> [Unicode.Scalar]? {
        values[node]
    }
}
