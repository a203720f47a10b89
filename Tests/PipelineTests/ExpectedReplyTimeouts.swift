import Alerting
import Foundation
import VigilContracts

/// The reply-timeout alerts alerting should raise on the files, replayed per
/// customer thread without the service's store or grouping.
///
/// A customer message starts a wait when none is pending and it is not a
/// closing remark. The wait's deadline is its start plus the limit. Any
/// message of the thread sent after the deadline, or the import's last
/// watermark past it, times the wait out, and the alert is raised at the
/// deadline for the agent and site of the message that started the wait. An
/// agent message sent at or after the start ends the wait, and only then can a
/// new one start, so each wait raises at most one alert.
enum ExpectedReplyTimeouts {
    static func raisings(in inputs: ScoringInputs, limitSeconds: Int) -> [ExpectedAlerts.Raised] {
        struct Wait {
            var message: ChatMessage
            var deadline: Int64
            var timedOut = false
        }

        var waits: [String: Wait] = [:]
        var raisings: [ExpectedAlerts.Raised] = []
        func timeOut(_ wait: inout Wait, thread: String) {
            wait.timedOut = true
            raisings.append(ExpectedAlerts.Raised(
                thread: thread, category: RiskCategory.replyTimeout.rawValue,
                raisedAt: Timestamp(epochMilliseconds: wait.deadline,
                                    utcOffsetSeconds: wait.message.sentAt.utcOffsetSeconds),
                shop: wait.message.shop, site: wait.message.site, agent: wait.message.agent))
        }

        for message in inputs.messages {
            let thread = "\(message.shop)/\(message.buyer)"
            let time = message.sentAt.epochMilliseconds
            if var wait = waits[thread], !wait.timedOut, time > wait.deadline {
                timeOut(&wait, thread: thread)
                waits[thread] = wait
            }
            switch message.role {
            case .customer:
                if waits[thread] == nil, !ClosingRemarks.needsNoReply(message.text) {
                    waits[thread] = Wait(message: message, deadline: time + Int64(limitSeconds) * 1_000)
                }
            case .agent:
                if let wait = waits[thread], time >= wait.message.sentAt.epochMilliseconds {
                    waits[thread] = nil
                }
            case .system:
                break
            }
        }

        // The last watermark times out what is still pending, unless it falls exactly on the deadline.
        let end = inputs.endOfImport
        for thread in waits.keys.sorted() {
            if var wait = waits[thread], !wait.timedOut, wait.deadline < end {
                timeOut(&wait, thread: thread)
            }
        }
        return raisings
    }
}
