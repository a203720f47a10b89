import Foundation
import VigilTestSupport

/// Mutates a rules file inside its JSON structure: it replaces, removes and
/// copies values, so that most mutants stay valid JSON and many stay valid
/// rule files, which byte mutations rarely achieve. The replacements are
/// the values rule authors get wrong: broken and slow regular expressions,
/// empty and huge keyword lists, numbers out of range, wrong types.
enum RuleValueMutator {
    /// Returns `file` after one to three value mutations, or `file` itself when it is not JSON.
    static func mutate(_ file: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        guard var root = try? JSONSerialization.jsonObject(with: Data(file), options: [.fragmentsAllowed]) else {
            return file
        }
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            root = mutateOne(root, depth: 0, using: &generator)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: root, options: [.fragmentsAllowed]) else {
            return file
        }
        return Array(data)
    }

    // MARK: - Walking

    /// Walks down to one random value and changes it.
    private static func mutateOne(_ value: Any, depth: Int, using generator: inout SplitMix64) -> Any {
        let stop = Int.random(in: 0..<4, using: &generator) == 0 || depth > 12
        switch value {
        case var object as [String: Any] where !object.isEmpty && !stop:
            let key = object.keys.sorted().randomElement(using: &generator)!
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: object[key] = nil
            case 1: object[key + "x"] = object[key]
            default: object[key] = mutateOne(object[key]!, depth: depth + 1, using: &generator)
            }
            return object
        case var array as [Any] where !array.isEmpty && !stop:
            let index = Int.random(in: 0..<array.count, using: &generator)
            switch Int.random(in: 0..<8, using: &generator) {
            case 0: array.remove(at: index)
            case 1: array.append(array[index])
            default: array[index] = mutateOne(array[index], depth: depth + 1, using: &generator)
            }
            return array
        default:
            return replacement(for: value, using: &generator)
        }
    }

    // MARK: - Replacements

    /// Mostly a value of the same type, so that the file stays valid; sometimes one of another type.
    private static func replacement(for value: Any, using generator: inout SplitMix64) -> Any {
        if Int.random(in: 0..<5, using: &generator) == 0 {
            return [NSNull(), [String: Any](), [strings.randomElement(using: &generator)!], 1, "x"]
                .randomElement(using: &generator)!
        }
        switch value {
        case is String:
            return strings.randomElement(using: &generator)!
        case is NSNumber:
            return [0, -1, 1, 2, 3, 50, 1_000_000, Int.max, -Int.max].randomElement(using: &generator)!
        default:
            let count = [0, 1, 2, 300].randomElement(using: &generator)!
            return (0..<count).map { _ in strings.randomElement(using: &generator)! }
        }
    }

    /// Keywords, patterns, enum values and ids that a rules file may contain.
    private static let strings = [
        "", " ", "投诉", "工商", "12315", "工 商", "找", "经理", "complaint", "regulator", "critical", "low", "customer",
        "agent", "any", "a", "b", "c", "complaint-report", "(a+)+$", "(a|aa)*b", "(.*)*x", "[", "(", "\\", "\\d{3,}",
        "投\\s*诉", "(?i)ABC", "^$", ".*", "(?<n>x)\\k<n>", "[\\u4e00-\\u9fa5]{2,}", "x{1000000}", "\u{FEFF}", "𝄞",
        String(repeating: "投", count: 2_000), String(repeating: "(", count: 200), "\\p{Han}+", "a**", "(?=a)",
    ]
}
