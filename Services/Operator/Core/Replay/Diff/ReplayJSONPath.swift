import VigilContracts

/// A path to a value inside a JSON document, written as `evidence[0].span.start`.
///
/// Member names that are not plain identifiers are written as `["a.b"]`, so
/// every path reads back to one place.
struct ReplayJSONPath {
    /// The path text; empty for the document itself.
    private(set) var rawText = ""

    static let root = ReplayJSONPath()

    /// The path as shown, `@value` for the document itself.
    var text: String { rawText.isEmpty ? "@value" : rawText }

    func member(_ name: String) -> ReplayJSONPath {
        let plain = !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
        }
        if plain {
            return ReplayJSONPath(rawText: rawText.isEmpty ? name : rawText + "." + name)
        }
        return ReplayJSONPath(rawText: rawText + "[" + JSONValue.string(name).compactText() + "]")
    }

    func element(_ index: Int) -> ReplayJSONPath {
        ReplayJSONPath(rawText: rawText + "[\(index)]")
    }
}
