import Foundation
import VigilContracts

// MARK: - Forms and clicks

extension BrowserPage {
    /// Replaces the text of the input or textarea that `selector` names by
    /// typing `text` into it (keyboard input events, then a change event),
    /// and checks that the field then contains exactly `text`.
    public func fill(_ selector: String, with text: String) throws {
        try check(selector, """
            const element = document.querySelector(\(Self.literal(selector)));
            if (!element) return 'not found';
            if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement))
                return 'is a <' + element.localName + '>, not an input or textarea';
            if (element.disabled || element.readOnly) return 'is disabled or read-only';
            element.focus();
            if (document.activeElement !== element) return 'cannot take the focus';
            element.value = '';
            return '';
            """)

        if !text.isEmpty {
            try call("Input.insertText", ["text": .string(text)])
        }

        try check(selector, """
            const element = document.querySelector(\(Self.literal(selector)));
            element.dispatchEvent(new Event('change', { bubbles: true }));
            return element.value === \(Self.literal(text)) ? '' : 'holds ' + JSON.stringify(element.value) + ' after typing';
            """)
    }

    /// Selects the option whose value is `value` in the select element that
    /// `selector` names, then fires its input and change events.
    public func select(_ selector: String, value: String) throws {
        try check(selector, """
            const element = document.querySelector(\(Self.literal(selector)));
            if (!element) return 'not found';
            if (!(element instanceof HTMLSelectElement)) return 'is a <' + element.localName + '>, not a select';
            if (![...element.options].some(option => option.value === \(Self.literal(value))))
                return 'has no option with value ' + \(Self.literal(value));
            element.value = \(Self.literal(value));
            element.dispatchEvent(new Event('input', { bubbles: true }));
            element.dispatchEvent(new Event('change', { bubbles: true }));
            return '';
            """)
    }

    /// Clicks the middle of the element that `selector` names with the
    /// mouse, after scrolling it into view. Throws when the element is
    /// missing, has no box (hidden) or another element covers its middle.
    /// Wrap it in ``waitForLoad(timeout:after:)`` when the click loads a new page.
    public func click(_ selector: String) throws {
        let point = try evaluate("""
            (() => {
                const element = document.querySelector(\(Self.literal(selector)));
                if (!element) return 'not found';
                element.scrollIntoView({ block: 'center', inline: 'center', behavior: 'instant' });
                const box = element.getBoundingClientRect();
                if (box.width === 0 || box.height === 0) return 'has no box (hidden?)';
                const x = box.left + box.width / 2;
                const y = box.top + box.height / 2;
                const hit = document.elementFromPoint(x, y);
                if (hit !== element && !element.contains(hit))
                    return 'is covered at its middle by ' + (hit ? hit.outerHTML.slice(0, 120) : 'nothing');
                return { x, y };
            })()
            """)
        if let problem = point.stringValue {
            throw BrowserError.elementProblem(selector: selector, problem: problem)
        }
        guard let x = Self.double(point.objectValue?["x"]), let y = Self.double(point.objectValue?["y"]) else {
            throw BrowserError.elementProblem(selector: selector, problem: "has no position: \(point.compactText())")
        }

        let position: [String: JSONValue] = ["x": .number(x), "y": .number(y)]
        try call("Input.dispatchMouseEvent", position.merging(["type": .string("mouseMoved")]) { $1 })
        for (type, buttons) in [("mousePressed", 1), ("mouseReleased", 0)] {
            try call("Input.dispatchMouseEvent", position.merging([
                "type": .string(type), "button": .string("left"),
                "buttons": .integer(Int64(buttons)), "clickCount": .integer(1),
            ]) { $1 })
        }
    }

    /// Submits the form that `selector` names as its submit button would
    /// (`requestSubmit`: submit handlers run and the browser sends the form).
    /// Throws when the form fails its own validation, which would send nothing.
    /// Wrap it in ``waitForLoad(timeout:after:)`` when the response is a new page.
    public func submit(_ selector: String) throws {
        try check(selector, """
            const form = document.querySelector(\(Self.literal(selector)));
            if (!form) return 'not found';
            if (!(form instanceof HTMLFormElement)) return 'is a <' + form.localName + '>, not a form';
            const invalid = [...form.elements].find(element => element.willValidate && !element.checkValidity());
            if (invalid) return 'fails validation at ' + (invalid.name || invalid.localName) + ': ' + invalid.validationMessage;
            form.requestSubmit();
            return '';
            """)
    }

    // MARK: - Helpers

    /// Runs `body` as a function that returns '' when all is well and else
    /// the problem with the element, which becomes the error.
    private func check(_ selector: String, _ body: String) throws {
        let problem = try evaluate("(() => {\n\(body)\n})()")
        guard problem == .string("") else {
            throw BrowserError.elementProblem(selector: selector, problem: problem.stringValue ?? problem.compactText())
        }
    }

    /// Returns `text` as a JavaScript string literal. JSON string syntax is
    /// valid JavaScript since ES2019, U+2028 and U+2029 included.
    static func literal(_ text: String) -> String {
        JSONStringLiteral.quoted(text)
    }
}
