/// Parses serialised HTML into a ``DOMElement`` tree rooted at a synthetic `#document` element.
enum DOMParser {
    private static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                                    "meta", "source", "track", "wbr"]
    private static let rawTextElements: Set<String> = ["script", "style"]

    static func parse(_ html: String) -> DOMElement {
        let root = DOMElement(tag: "#document", attributes: [:])
        var stack = [root]
        let characters = Array(html)
        var index = 0
        var text = ""

        func flushText() {
            if !text.isEmpty {
                stack.last?.append(.text(decodeEntities(text)))
                text = ""
            }
        }

        while index < characters.count {
            let character = characters[index]
            guard character == "<" else {
                text.append(character)
                index += 1
                continue
            }
            flushText()
            if starts(characters, at: index, with: "<!--") {
                index = find(characters, "-->", from: index).map { $0 + 3 } ?? characters.count
                continue
            }
            if starts(characters, at: index, with: "<!") {
                index = find(characters, ">", from: index).map { $0 + 1 } ?? characters.count
                continue
            }
            let end = tagEnd(characters, from: index)
            let inside = String(characters[(index + 1)..<min(end, characters.count)])
            index = end + 1
            if inside.hasPrefix("/") {
                let name = inside.dropFirst().trimmingWhitespace().lowercased()
                if let position = stack.lastIndex(where: { $0.tag == name }), position > 0 {
                    stack.removeSubrange(position...)
                }
                continue
            }
            let (name, attributes, selfClosing) = parseTag(inside)
            let element = DOMElement(tag: name, attributes: attributes)
            stack.last?.append(.element(element))
            if rawTextElements.contains(name) {
                let close = find(characters, "</\(name)", from: index) ?? characters.count
                element.append(.text(String(characters[index..<close])))
                index = find(characters, ">", from: close).map { $0 + 1 } ?? characters.count
            } else if !selfClosing && !voidElements.contains(name) {
                stack.append(element)
            }
        }
        flushText()
        return root
    }

    private static func parseTag(_ inside: String) -> (String, [String: String], Bool) {
        let characters = Array(inside)
        var index = 0
        var name = ""
        while index < characters.count, !characters[index].isWhitespace, characters[index] != "/" {
            name.append(characters[index])
            index += 1
        }
        var attributes: [String: String] = [:]
        while index < characters.count {
            while index < characters.count, characters[index].isWhitespace || characters[index] == "/" {
                index += 1
            }
            var key = ""
            while index < characters.count, !characters[index].isWhitespace, characters[index] != "=", characters[index] != "/" {
                key.append(characters[index])
                index += 1
            }
            guard !key.isEmpty else { break }
            var value = ""
            if index < characters.count, characters[index] == "=" {
                index += 1
                if index < characters.count, characters[index] == "\"" || characters[index] == "'" {
                    let quote = characters[index]
                    index += 1
                    while index < characters.count, characters[index] != quote {
                        value.append(characters[index])
                        index += 1
                    }
                    index += 1
                } else {
                    while index < characters.count, !characters[index].isWhitespace {
                        value.append(characters[index])
                        index += 1
                    }
                }
            }
            attributes[key.lowercased()] = decodeEntities(value)
        }
        return (name.lowercased(), attributes, inside.hasSuffix("/"))
    }

    /// Decodes the character references serialisers write: named ones for markup characters and numeric ones.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            guard let semicolon = rest.firstIndex(of: ";"), rest.distance(from: rest.startIndex, to: semicolon) <= 10 else {
                result += "&"
                rest = rest.dropFirst()
                continue
            }
            let name = String(rest[rest.index(after: rest.startIndex)..<semicolon])
            if let replacement = named[name] {
                result += replacement
            } else if name.hasPrefix("#x"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "&" + name + ";"
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }

    /// Finds the `>` that closes the tag starting at `index`, skipping quoted attribute values.
    private static func tagEnd(_ characters: [Character], from index: Int) -> Int {
        var quote: Character?
        var position = index
        while position < characters.count {
            let character = characters[position]
            if let open = quote {
                if character == open {
                    quote = nil
                }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                return position
            }
            position += 1
        }
        return characters.count
    }

    private static func starts(_ characters: [Character], at index: Int, with prefix: String) -> Bool {
        let prefix = Array(prefix)
        return index + prefix.count <= characters.count && Array(characters[index..<(index + prefix.count)]) == prefix
    }

    private static func find(_ characters: [Character], _ target: String, from index: Int) -> Int? {
        let target = Array(target)
        var position = index
        while position + target.count <= characters.count {
            if characters[position] == target[0], Array(characters[position..<(position + target.count)]) == target {
                return position
            }
            position += 1
        }
        return nil
    }
}

private extension Substring {
    func trimmingWhitespace() -> String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
