import Foundation
import VigilContracts
import VigilRuntime

/// The tunable parts of the console's web layer; the defaults suit a console
/// that people use in China.
public struct ConsoleWebSettings: Sendable {
    /// The UTC offset, in seconds east of UTC, in which pages show times.
    public var displayZone: Int32
    /// A session ends after this many seconds without a request.
    public var sessionIdleSeconds: Int
    /// The number of sessions kept at most; signing in beyond it ends the
    /// session used least recently, so sign-ins cannot fill the memory.
    public var maximumSessions: Int
    /// The number of sessions one person keeps at most. Signing in beyond it
    /// ends that person's own session used least recently, so one token
    /// cannot fill the store and sign everyone else out.
    public var maximumSessionsPerPerson: Int
    /// The interval, in seconds, at which an open event stream queries the read model for new alerts.
    public var alertPollSeconds: Double
    /// The maximum silence, in seconds, on an event stream before it sends a
    /// comment, so proxies keep it open and a vanished client is noticed.
    public var keepaliveSeconds: Double
    /// The interval, in seconds, at which an open event stream checks that its
    /// session and the viewer's roster record still allow it.
    public var streamRecheckSeconds: Double
    /// The number of live alert streams one person may have open at once.
    /// Six is what one browser opens to a host at most over HTTP/1.1, and a
    /// new session adds none, so one person cannot hold every connection.
    public var maximumStreamsPerPerson: Int
    /// The number of live alert streams open at once in all. Keep it below
    /// the server's connection limit (128 in `vigil-console`), so pages and
    /// forms still get connections while that many streams are open.
    public var maximumStreams: Int
    /// The number of alerts the live page lists, both when it loads and as events arrive.
    public var alertListLimit: Int
    /// The number of days of day scores the trend charts cover.
    public var trendDays: Int
    /// Adds `Secure` to cookies; turn it on when a TLS proxy serves the console.
    public var secureCookies: Bool
    /// The `issuedAt` of the case commands the pages send. The default is the
    /// host's time in whole seconds at ``displayZone``, as `vigil case` uses
    /// without `--at`; escalation applies a command once event time passes it.
    public var commandTime: @Sendable () -> Timestamp

    public init(displayZone: Int32 = 8 * 3600,
                sessionIdleSeconds: Int = 12 * 3600,
                maximumSessions: Int = 10_000,
                maximumSessionsPerPerson: Int = 20,
                alertPollSeconds: Double = 1,
                keepaliveSeconds: Double = 15,
                streamRecheckSeconds: Double = 10,
                maximumStreamsPerPerson: Int = 6,
                maximumStreams: Int = 96,
                alertListLimit: Int = 100,
                trendDays: Int = 30,
                secureCookies: Bool = false,
                commandTime: (@Sendable () -> Timestamp)? = nil) {
        self.displayZone = displayZone
        self.sessionIdleSeconds = sessionIdleSeconds
        self.maximumSessions = maximumSessions
        self.maximumSessionsPerPerson = maximumSessionsPerPerson
        self.alertPollSeconds = alertPollSeconds
        self.keepaliveSeconds = keepaliveSeconds
        self.streamRecheckSeconds = streamRecheckSeconds
        self.maximumStreamsPerPerson = maximumStreamsPerPerson
        self.maximumStreams = maximumStreams
        self.alertListLimit = alertListLimit
        self.trendDays = trendDays
        self.secureCookies = secureCookies
        self.commandTime = commandTime ?? {
            let now = WallClock.now()
            return Timestamp(epochMilliseconds: now.epochMilliseconds / 1_000 * 1_000, utcOffsetSeconds: displayZone)
        }
    }
}
