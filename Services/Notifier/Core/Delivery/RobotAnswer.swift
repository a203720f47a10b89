import Foundation

/// The result of one attempt to post to a robot, and whether to retry it.
///
/// Retryable: no response (connection failure, timeout) unless the URL is
/// malformed or its scheme unsupported, HTTP 5xx and 429, and the vendors'
/// rate-limit and busy codes in a 2xx response: DingTalk `130101` ("send too
/// fast, exceed 20 times per minute"), WeCom `45009` ("api freq out of
/// limit"), and `-1` (system busy) from either. Any other failure is
/// permanent: other 4xx (a wrong token gives 4xx or an errcode), 3xx
/// (redirects are not followed), other errcodes, and a 2xx response that is
/// not JSON with an integer `errcode`.
struct RobotAnswer: Sendable, Equatable {
    /// The delivery's next step, stored as the attempt's outcome.
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
    /// The reason the attempt did not succeed, or nil when it did.
    var error: String?

    /// Classifies an attempt's outcome by the status and errcode rules of a robot of `kind`.
    init(_ outcome: HTTPPostOutcome, kind: RobotKind) {
        switch outcome {
        case .transportFailure(let failure):
            let failureWord = failure.isTimeout ? "timed out" : "failed"
            self.init(verdict: failure.isPermanent ? .failed : .retry, httpStatus: nil, errcode: nil,
                      error: "request \(failureWord) (curl \(failure.code)): \(failure.message)")
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
        let decoded = Self.decode(body)
        let errmsg = decoded.message.map { ": \($0)" } ?? ""
        switch status {
        case 200..<300:
            guard let code = decoded.code else {
                self.init(verdict: .failed, httpStatus: status, errcode: nil,
                          error: "HTTP \(status) response without a JSON errcode: check that the URL is a \(kind.rawValue) robot webhook")
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
            self.init(verdict: .retry, httpStatus: status, errcode: decoded.code, error: "HTTP \(status)\(errmsg)")
        default:
            self.init(verdict: .failed, httpStatus: status, errcode: decoded.code, error: "HTTP \(status)\(errmsg)")
        }
    }

    /// Reads `errcode` and `errmsg` (cut to 200 characters) from a JSON object body.
    /// Both are nil when the body is not a JSON object.
    private static func decode(_ body: [UInt8]) -> (code: Int?, message: String?) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
            return (nil, nil)
        }
        let code = object["errcode"] as? Int
        let message = (object["errmsg"] as? String).map { String($0.prefix(200)) }
        return (code, message)
    }
}
