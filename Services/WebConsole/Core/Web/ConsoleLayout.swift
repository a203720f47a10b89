import Foundation
import VigilContracts

/// Writes the HTML document around a page's content: head, navigation,
/// language switch and the signed-in person.
///
/// The page loads only /assets/console.css and /assets/console.js from the
/// console itself: no inline script or style, so the policy
/// `default-src 'self'` holds, and nothing comes from another host.
enum ConsoleLayout {
    /// The signed-in person and form token that the header shows; nil on the sign-in page.
    struct SignedIn {
        var viewer: ConsoleViewer
        var csrfToken: String
    }

    static func document(title: String, content: String, section: ConsoleSection?, signedIn: SignedIn?,
                         languageLinks: LanguageLinks, text: ConsoleText) -> String {
        let brand = text.pick("Vigil 客服质量控制台", "Vigil service console")
        var header = ["<header class=\"top\">", "<a class=\"brand\" href=\"/\">\(text.attribute(brand))</a>"]
        if let signedIn {
            header.append(navigation(current: section, text: text))
            header.append(account(signedIn, text: text))
        }
        header.append(languageLinks.html(text: text))
        header.append("</header>")

        return """
            <!DOCTYPE html>
            <html lang="\(text.language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(text.html(title)) · Vigil</title>
            <link rel="stylesheet" href="/assets/console.css">
            <script src="/assets/console.js" defer></script>
            </head>
            <body>
            \(header.joined(separator: "\n"))
            <main>
            \(content)
            </main>
            </body>
            </html>

            """
    }

    private static func navigation(current: ConsoleSection?, text: ConsoleText) -> String {
        let links = ConsoleSection.allCases.map { section in
            let marker = section == current ? " aria-current=\"page\"" : ""
            return "<a href=\"\(section.path)\"\(marker)>\(text.attribute(section.title(text)))</a>"
        }
        return "<nav>" + links.joined() + "</nav>"
    }

    private static func account(_ signedIn: SignedIn, text: ConsoleText) -> String {
        let person = signedIn.viewer.person
        let scope = signedIn.viewer.seesEveryVendor
            ? text.pick("品牌方，全部外包商", "brand, all vendors")
            : person.vendor.map { text.pick("外包商 \($0)", "vendor \($0)") } ?? text.pick("无外包商", "no vendor")
        let role = text.pick(person.role.label)
        return """
            <div class="account"><span class="person">\(text.html(person.name + text.bracketed(text.list([role, scope]))))</span>\
            <form method="post" action="/logout" class="inline"><input type="hidden" name="csrf" \
            value="\(text.attribute(signedIn.csrfToken))"><button type="submit">\(text.pick("退出", "Sign out"))</button></form></div>
            """
    }
}
