/// The links that switch a page's language, keeping the rest of its query.
struct LanguageLinks {
    var chinese: String
    var english: String

    /// `path` is the decoded path of a route, encoded again segment by segment
    /// here, so a `?` or `#` decoded from a case id stays in the path.
    init(path: String, query: [(name: String, value: String?)]) {
        let otherItems = query.filter { $0.name != "lang" }
        let encodedPath = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { URLText.pathSegment(String($0)) }
            .joined(separator: "/")
        func link(_ tag: String) -> String {
            let items = otherItems.map { item in
                URLText.queryComponent(item.name) + (item.value.map { "=" + URLText.queryComponent($0) } ?? "")
            } + ["lang=\(tag)"]
            return encodedPath + "?" + items.joined(separator: "&")
        }
        chinese = link("zh")
        english = link("en")
    }

    func html(text: ConsoleText) -> String {
        let chineseMarker = text.isChinese ? " aria-current=\"true\"" : ""
        let englishMarker = text.isChinese ? "" : " aria-current=\"true\""
        return "<div class=\"languages\"><a href=\"\(text.attribute(chinese))\"\(chineseMarker) lang=\"zh-CN\">中文</a>"
            + "<a href=\"\(text.attribute(english))\"\(englishMarker) lang=\"en\">English</a></div>"
    }
}
