// MARK: - Names for people

extension CaseState {
    /// The state as case timelines, rejections and case lists print it.
    public var label: LocalizedText {
        switch self {
        case .open: LocalizedText(chinese: "待确认", english: "open")
        case .acknowledged: LocalizedText(chinese: "已确认", english: "acknowledged")
        case .followingUp: LocalizedText(chinese: "跟进中", english: "following up")
        case .escalatedPlatform: LocalizedText(chinese: "已升级到平台", english: "escalated to the platform")
        case .escalatedRegulator: LocalizedText(chinese: "已升级到监管部门", english: "escalated to a regulator")
        case .resolved: LocalizedText(chinese: "已结案", english: "resolved")
        }
    }
}

extension CaseAction {
    /// The action as a verb phrase, as in "only the brand manager may accept the plan".
    public var label: LocalizedText {
        switch self {
        case .ack: LocalizedText(chinese: "确认案件", english: "acknowledge the case")
        case .assign: LocalizedText(chinese: "指派案件", english: "assign the case")
        case .note: LocalizedText(chinese: "添加备注", english: "add a note")
        case .resolve: LocalizedText(chinese: "结案", english: "resolve the case")
        case .escalate: LocalizedText(chinese: "登记升级", english: "record an escalation")
        case .classify: LocalizedText(chinese: "判定原因和责任", english: "classify the cause")
        case .review: LocalizedText(chinese: "复盘", english: "review the case")
        case .rectify: LocalizedText(chinese: "提交整改方案", english: "submit a rectification plan")
        case .acceptPlan: LocalizedText(chinese: "通过整改方案", english: "accept the rectification plan")
        case .rejectPlan: LocalizedText(chinese: "驳回整改方案", english: "reject the rectification plan")
        }
    }
}

extension CaseCause {
    /// The cause as classifications and reports print it.
    public var label: LocalizedText {
        switch self {
        case .unprofessional: LocalizedText(chinese: "处理不专业", english: "unprofessional handling")
        case .processNotFollowed: LocalizedText(chinese: "未按流程处理", english: "process not followed")
        case .slowResponse: LocalizedText(chinese: "回复太慢", english: "slow response")
        case .product: LocalizedText(chinese: "商品问题", english: "product")
        case .logistics: LocalizedText(chinese: "物流或退换货", english: "delivery or returns")
        case .other: LocalizedText(chinese: "其他", english: "other")
        }
    }
}

extension RectificationStatus {
    /// The status of a rectification plan (整改方案) as timelines and reports print it.
    public var label: LocalizedText {
        switch self {
        case .required: LocalizedText(chinese: "待提交", english: "required")
        case .submitted: LocalizedText(chinese: "待审核", english: "submitted")
        case .accepted: LocalizedText(chinese: "已通过", english: "accepted")
        case .rejected: LocalizedText(chinese: "已驳回", english: "rejected")
        case .overdue: LocalizedText(chinese: "已逾期", english: "overdue")
        }
    }
}

extension ResponsibilityLevel {
    /// The level as classifications and reports print it.
    public var label: LocalizedText {
        switch self {
        case .primary: LocalizedText(chinese: "主要责任", english: "primary responsibility")
        case .joint: LocalizedText(chinese: "连带责任", english: "joint responsibility")
        }
    }
}

extension RosterRole {
    /// The role as case texts print it.
    public var label: LocalizedText {
        switch self {
        case .agent: LocalizedText(chinese: "客服", english: "agent")
        case .supervisor: LocalizedText(chinese: "主管", english: "supervisor")
        case .manager: LocalizedText(chinese: "经理", english: "manager")
        case .brandManager: LocalizedText(chinese: "品牌经理", english: "brand manager")
        }
    }
}

extension CaseDeadline {
    /// The deadline's short name, as case lists and timelines print it.
    public var label: LocalizedText {
        switch self {
        case .acknowledge: LocalizedText(chinese: "确认", english: "acknowledge")
        case .followUp: LocalizedText(chinese: "跟进", english: "follow up")
        case .rectification: LocalizedText(chinese: "整改", english: "rectification")
        }
    }
}

extension ComplaintChannel {
    /// The channel's short name, as case lists and reports print it.
    public var label: LocalizedText {
        switch self {
        case .platform: LocalizedText(chinese: "平台", english: "platform")
        case .hotline12315: LocalizedText(chinese: "12315", english: "12315 hotline")
        case .marketRegulator: LocalizedText(chinese: "市场监管局", english: "market regulator")
        case .consumerAssociation: LocalizedText(chinese: "消协", english: "consumer association")
        }
    }
}
