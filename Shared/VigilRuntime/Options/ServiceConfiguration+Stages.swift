import Foundation

extension ServiceConfiguration {
    // MARK: - Stages

    /// Returns the configuration of stage `name` of a process that runs
    /// several stream services.
    ///
    /// The first stage keeps the configured group and store
    /// (`keepsGroupAndStore` true), so it resumes from the offsets and applied
    /// event ids that the single-stage service stored. That is right only
    /// when the stage still does that service's work. A stage that derives
    /// new state from the same inputs must delete `vigil_offsets` and
    /// `vigil_applied_events` in its store migration, as scoring's facts
    /// stage does, or it skips every record the old service read.
    ///
    /// Every other stage gets consumer group `<group>-<name>` and store
    /// `<stem>-<name>.sqlite` next to the configured store: stages never share
    /// offsets or a SQLite file, because each commits its own batches. Logs of
    /// either carry `vigil.stage`.
    public func stage(_ name: String, keepsGroupAndStore: Bool = false) -> ServiceConfiguration {
        var configuration = self
        configuration.stage = name
        guard !keepsGroupAndStore else { return configuration }

        configuration.groupId = "\(groupId)-\(name)"
        configuration.storePath = Self.stageStorePath(storePath, stage: name)
        return configuration
    }

    /// Returns `<stem>-<stage>.sqlite` in the folder of `storePath`: the
    /// extension of the last path component goes, whatever it was.
    static func stageStorePath(_ storePath: String, stage: String) -> String {
        let stem = (storePath as NSString).deletingPathExtension
        return "\(stem)-\(stage).sqlite"
    }
}
