import VigilContracts

/// The names case commands print for case values.
///
/// TODO: switch the state, cause, rectification, responsibility and role
/// names to the contracts' `CaseLabels` (`.label`) once it is on main; the
/// texts here match it.
enum CaseNames {
    static func state(_ state: CaseState?) -> LocalizedText {
        switch state {
        case .open?: LocalizedText(chinese: "待确认", english: "open")
        case .acknowledged?: LocalizedText(chinese: "已确认", english: "acknowledged")
        case .followingUp?: LocalizedText(chinese: "跟进中", english: "following up")
        case .escalatedPlatform?: LocalizedText(chinese: "已升级到平台", english: "escalated to the platform")
        case .escalatedRegulator?: LocalizedText(chinese: "已升级到监管部门", english: "escalated to a regulator")
        case .resolved?: LocalizedText(chinese: "已解决", english: "resolved")
        case nil: LocalizedText(chinese: "-", english: "-")
        }
    }

    static func cause(_ cause: CaseCause) -> LocalizedText {
        switch cause {
        case .unprofessional: LocalizedText(chinese: "服务不专业", english: "unprofessional handling")
        case .processNotFollowed: LocalizedText(chinese: "未按流程处理", english: "process not followed")
        case .slowResponse: LocalizedText(chinese: "响应不及时", english: "slow response")
        case .product: LocalizedText(chinese: "商品问题", english: "product")
        case .logistics: LocalizedText(chinese: "物流或退换货", english: "delivery or returns")
        case .other: LocalizedText(chinese: "其他", english: "other")
        }
    }

    static func rectification(_ status: RectificationStatus) -> LocalizedText {
        switch status {
        case .required: LocalizedText(chinese: "待提交", english: "required")
        case .submitted: LocalizedText(chinese: "待审核", english: "submitted")
        case .accepted: LocalizedText(chinese: "已通过", english: "accepted")
        case .rejected: LocalizedText(chinese: "已驳回", english: "rejected")
        case .overdue: LocalizedText(chinese: "已逾期", english: "overdue")
        }
    }

    static func level(_ level: ResponsibilityLevel) -> LocalizedText {
        switch level {
        case .primary: LocalizedText(chinese: "主要责任", english: "primary responsibility")
        case .joint: LocalizedText(chinese: "连带责任", english: "joint responsibility")
        }
    }

    static func role(_ role: RosterRole) -> LocalizedText {
        switch role {
        case .agent: LocalizedText(chinese: "客服", english: "agent")
        case .supervisor: LocalizedText(chinese: "主管", english: "supervisor")
        case .manager: LocalizedText(chinese: "经理", english: "manager")
        case .brandManager: LocalizedText(chinese: "品牌经理", english: "brand manager")
        }
    }

    static func deadline(_ deadline: CaseDeadline) -> LocalizedText {
        switch deadline {
        case .acknowledge: LocalizedText(chinese: "确认", english: "acknowledge")
        case .followUp: LocalizedText(chinese: "跟进", english: "follow up")
        case .rectification: LocalizedText(chinese: "整改", english: "rectification")
        }
    }

    static func channel(_ channel: ComplaintChannel) -> LocalizedText {
        switch channel {
        case .platform: LocalizedText(chinese: "平台", english: "platform")
        case .hotline12315: LocalizedText(chinese: "12315", english: "12315")
        case .marketRegulator: LocalizedText(chinese: "市场监管", english: "regulator")
        case .consumerAssociation: LocalizedText(chinese: "消协", english: "consumer assoc.")
        }
    }
}
