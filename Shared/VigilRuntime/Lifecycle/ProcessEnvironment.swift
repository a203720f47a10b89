import Foundation
import VigilContracts

/// The process environment and what Vigil reads from it.
public enum ProcessEnvironment {
    /// The environment variables of this process.
    public static var current: [String: String] { ProcessInfo.processInfo.environment }

    /// Returns the language for people-facing text: `VIGIL_LANG`, else Simplified Chinese.
    /// `LANG` is not read, because servers often run with `C` or `en_US`
    /// while the readers of alerts and reports work in Chinese.
    public static func language(_ environment: [String: String]) -> Language {
        environment["VIGIL_LANG"].flatMap(Language.init(tag:)) ?? .chinese
    }
}
