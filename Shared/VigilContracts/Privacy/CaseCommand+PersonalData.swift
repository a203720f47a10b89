extension CaseCommand {
    /// Returns the command with personal numbers masked in its free texts:
    /// the note, the plan, the review's steps and its training actions.
    ///
    /// `vigil case` masks a command before it sends it, and escalation masks
    /// every command it reads. So no case record, case event or report
    /// contains a number that a person typed into a note.
    public func masked(by masker: PersonalDataMasker) -> CaseCommand {
        var command = self
        command.note = note.map(masker.mask)
        command.plan = plan.map(masker.mask)
        command.steps = steps?.map(masker.mask)
        command.trainingActions = trainingActions?.map(masker.mask)
        return command
    }
}
