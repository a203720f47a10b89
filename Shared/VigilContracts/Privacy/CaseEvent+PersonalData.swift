extension CaseEvent {
    /// Returns the entry with personal numbers masked in its texts: the
    /// timeline text, the plan and the review.
    ///
    /// Escalation masks the commands these texts come from; readers apply
    /// this again so that entries from an older version are shown masked too.
    public func masked(by masker: PersonalDataMasker) -> CaseEvent {
        var event = self
        event.text = text.masked(by: masker)
        event.plan = plan.map(masker.mask)
        event.review = review.map { review in
            CaseReview(summary: masker.mask(review.summary), steps: review.steps.map(masker.mask),
                       trainingActions: review.trainingActions.map(masker.mask))
        }
        return event
    }
}
