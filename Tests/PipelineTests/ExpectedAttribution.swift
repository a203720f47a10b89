/// The subjects one expected fact counts for, as `kind/id` subject keys.
struct ExpectedAttribution: Hashable {
    var shop: String
    var site: String?
    var vendor: String?
    var team: String?
    var agent: String?

    /// `agent/…`, `team/…`, `vendor/…`, `site/…`, `shop/…`, without the unknown parts.
    var subjectKeys: [String] {
        [("agent", agent), ("team", team), ("vendor", vendor), ("site", site), ("shop", shop)]
            .compactMap { kind, id in id.map { "\(kind)/\($0)" } }
    }
}
