extension Alert {
    /// Returns the event with personal numbers masked in every text taken
    /// from a chat: the snippet, the notification text, the matched terms,
    /// the evidence and the context.
    ///
    /// Alerting masks these when it builds the event. Readers apply this
    /// again, so that an event from another producer or an older version is
    /// shown masked too. Ids and offsets are left as they are.
    public func masked(by masker: PersonalDataMasker) -> Alert {
        var alert = self
        alert.snippet = masker.mask(snippet)
        alert.text = text.masked(by: masker)
        alert.matchedTerms = matchedTerms.map(masker.mask)
        alert.evidence = evidence?.map { item in
            var item = item
            item.original = masker.mask(item.original)
            item.normalized = masker.mask(item.normalized)
            return item
        }
        alert.context = context?.map { message in
            var message = message
            message.text = masker.mask(message.text)
            return message
        }
        return alert
    }
}
