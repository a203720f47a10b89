/// The tree of an HTML document as Chromium serialises it with `--dump-dom`,
/// parsed just far enough for tests: elements, attributes and text.
final class DOMElement {
    let tag: String
    let attributes: [String: String]
    private(set) var children: [DOMNode] = []
    weak var parent: DOMElement?

    init(tag: String, attributes: [String: String]) {
        self.tag = tag
        self.attributes = attributes
    }

    func append(_ node: DOMNode) {
        children.append(node)
        if case .element(let element) = node {
            element.parent = self
        }
    }

    /// The text of the element and its descendants, as `textContent` gives it.
    var text: String {
        children.map { node in
            switch node {
            case .text(let text): text
            case .element(let element): element.text
            }
        }.joined()
    }

    /// Every descendant element, in document order.
    var descendants: [DOMElement] {
        children.flatMap { node -> [DOMElement] in
            guard case .element(let element) = node else { return [] }
            return [element] + element.descendants
        }
    }

    /// Returns the descendants with this tag name.
    func elements(_ tag: String) -> [DOMElement] {
        descendants.filter { $0.tag == tag }
    }

    /// Returns the descendant with this id.
    func element(id: String) -> DOMElement? {
        descendants.first { $0.attributes["id"] == id }
    }

    /// Returns the descendants whose class list contains `name`.
    func elements(className name: String) -> [DOMElement] {
        descendants.filter { $0.attributes["class"]?.split(separator: " ").contains(Substring(name)) == true }
    }

    /// The direct child elements.
    var childElements: [DOMElement] {
        children.compactMap { node in
            guard case .element(let element) = node else { return nil }
            return element
        }
    }
}

enum DOMNode {
    case element(DOMElement)
    case text(String)
}
