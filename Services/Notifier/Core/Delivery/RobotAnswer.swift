import Foundation

/// What one attempt to post to a robot came to, and whether to try again.
///
/// Retryable: no response (connection failure, timeout), HTTP 5xx and 429,
/// and the vendors' rate-limit and busy codes in a 200 answer: DingTalk
/// `130101` ("send too fast, exceed 20 times per minute"), WeCom `45009`
/// ("api freq out of limit"), and `-1` (system busy) from either. Anything
/// else that is not success is permanent: other 4xx (a wrong token gives
/// 4xx or an errcode), 3xx (redirects are not followed), other errcodes,
/// and a 2xx answer that is not JSON with an integer `errcode`.
struct RobotAnswer: Sendable, Equatable {
    enum Verdict: String, Sendable {
        case sent
        case retry
        case failed
    }

    static let rateLimitCodes: [RobotKind: Set<Int>] = [.dingtalk: [130101], .wecom: [45009]]
    static let busyCode = -1

    var verdict: Verdict
    var httpStatus: Int?
    var errcode: Int?
    /// The reason the attempt did not succeed; nil when it did.
    var error: String?

    /// Reads an attempt's outcome as the robot of `kind` means it.
    init(_ outcome: HTTPPostOutcome, kind: RobotKind) {
        switch outcome {
        case .transportFailure(let failure):
            let what = failure.isTimeout ? "timed out" : "failed"
            self.init(verdict: failure.isPermanent ? .failed : .retry, httpStatus: nil, errcode: nil,
                      error: "request \(what) (curl \(failure.code)): \(failure.message)")
        case .response(let status, let body):
            self.init(status: status, body: body, kind: kind)
        }
    }

    init(verdict: Verdict, httpStatus: Int?, errcode: Int?, error: String?) {
        self.verdict = verdict
        self.httpStatus = httpStatus
        self.errcode = errcode
        self.error = error
    }

    private init(status: Int, body: [UInt8], kind: RobotKind) {
        let answer = Self.decode(body)
        let errmsg = answer.message.map { ": \($0)" } ?? ""
        switch status {
        case 200..<300:
            guard let code = answer.code else {
                self.init(verdict: .failed, httpStatus: status, errcode: nil,
                          error: "HTTP \(status) without a JSON errcode; is the URL a \(kind.rawValue) robot?")
                return
            }
            if code == 0 {
                self.init(verdict: .sent, httpStatus: status, errcode: 0, error: nil)
            } else {
                let retryable = code == Self.busyCode || Self.rateLimitCodes[kind, default: []].contains(code)
                self.init(verdict: retryable ? .retry : .failed, httpStatus: status, errcode: code,
                          error: "errcode \(code)\(errmsg)")
            }
        case 429, 500..<600:
            self.init(verdict: .retry, httpStatus: status, errcode: answer.code, error: "HTTP \(status)\(errmsg)")
        default:
            self.init(verdict: .failed, httpStatus: status, errcode: answer.code, error: "HTTP \(status)\(errmsg)")
        }
    }

    /// Reads `errcode` and `errmsg` from a JSON object; nil fields when the body is not one.
    private static func decode(_ body: [UInt8]) -> (code: Int?, message: String?) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return (nil, nil)
        }
        let code = object["errcode"] as? Int
        let message = (object["errmsg"] as? String).map { String($0.prefix(200)) }
        return (code, message)
    }
}
