import Foundation

extension ServiceConfiguration {
    // MARK: - Stages

    /// Returns the configuration of stage `name` of a process that runs
    /// several stream services.
    ///
    /// The first stage keeps the configured group and store
    /// (`keepsGroupAndStore` true), so a single-stage deployment can grow a
    /// stage without losing its offsets. Every other stage gets consumer group
    /// `<group>-<name>` and store `<stem>-<name>.sqlite` next to the
    /// configured store: stages never share offsets or a SQLite file, because
    /// each commits its own batches. Logs of either carry `vigil.stage`.
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
