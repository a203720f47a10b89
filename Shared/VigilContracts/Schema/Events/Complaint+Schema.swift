extension Complaint: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(chinese: "`complaint/<complaintId>`。", english: "`complaint/<complaintId>`.")),
            .schemaVersion(schemaVersion),
            .required("complaintId", .string(LocalizedText(
                chinese: "投诉 ID。事件 ID 只含这一个 ID，所以它必须跨店铺唯一。",
                english: "The complaint's id. It must be unique across shops, because the event id contains only it."))),
            .required("channel", .enumeration(ComplaintChannel.self, LocalizedText(
                chinese: "投诉渠道：平台自身的投诉流程、12315 热线、市场监管局（原工商）或消协。",
                english: "Where the complaint was filed: the platform's own process, the 12315 hotline, "
                    + "the market regulator (formerly 工商) or a consumer association (消协)."))),
            .required("shop", .string(LocalizedText(
                chinese: "店铺在平台上的 ID，不含 \"/\"。",
                english: "The shop's id on its platform, without \"/\"."))),
            .required("buyer", .string(LocalizedText(
                chinese: "买家在该店铺的匿名 ID。",
                english: "The buyer's pseudonymous id at the shop."))),
            .required("conversationId", JSONSchema.string(LocalizedText(
                chinese: "投诉涉及的会话；投诉方未指明时为 null。",
                english: "The conversation the complaint is about; null when the filer names none.")).orNull()),
            .required("filedAt", .timestamp(LocalizedText(
                chinese: "提交投诉的时间，即事件时间。",
                english: "When the complaint was filed; the event time."))),
            .required("summary", .string(LocalizedText(
                chinese: "投诉内容摘要。",
                english: "A summary of the complaint."))),
            .optional("synthetic", .boolean(LocalizedText(
                chinese: "测试用的生成数据为 true；真实数据不带此字段。",
                english: "True for generated test data; left out for real data."))),
        ], LocalizedText(
            chinese: "顾客在会话之后向平台或监管部门提交的投诉。",
            english: "A complaint a customer filed after a conversation, with the platform or a regulator."))
    }

    public static var example: Complaint {
        Complaint(complaintId: "DC-0001", channel: .hotline12315, shop: "shop-demo-tmall", buyer: "buyer-d002",
                  conversationId: "demo-c02", filedAt: .example("2026-11-12T10:20:00+08:00"),
                  summary: "奶粉罐体变形，顾客认为存在食品安全隐患", synthetic: true)
    }
}
