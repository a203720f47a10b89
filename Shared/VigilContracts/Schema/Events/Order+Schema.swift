import Foundation

extension Order: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(chinese: "`order/<shop>/<orderId>`。", english: "`order/<shop>/<orderId>`.")),
            .schemaVersion(schemaVersion),
            .required("orderId", .string(LocalizedText(
                chinese: "订单号，在店铺内唯一。",
                english: "The order's id, unique within the shop."))),
            .required("shop", .string(LocalizedText(
                chinese: "店铺在平台上的 ID，不含 \"/\"。",
                english: "The shop's id on its platform, without \"/\"."))),
            .required("buyer", .string(LocalizedText(
                chinese: "买家在该店铺的匿名 ID。",
                english: "The buyer's pseudonymous id at the shop."))),
            .required("conversationId", JSONSchema.string(LocalizedText(
                chinese: "促成该订单的会话；未知时为 null。",
                english: "The conversation that led to the order; null when unknown.")).orNull()),
            .required("agent", JSONSchema.string(LocalizedText(
                chinese: "订单归属的客服；未归属时为 null。",
                english: "The agent the order is attributed to; null when it is attributed to no one.")).orNull()),
            .required("amount", .number(LocalizedText(
                chinese: "实付金额，以币种单位计的精确十进制数（如 1245.15），请按十进制读取，不要读成二进制浮点数。",
                english: "The amount paid, an exact decimal in the currency's units (1245.15). "
                    + "Read it as a decimal, not as a binary floating-point number."))),
            .required("currency", .string(LocalizedText(
                chinese: "ISO 4217 币种代码（\"CNY\"）。",
                english: "The ISO 4217 currency code (\"CNY\")."))),
            .required("campaign", JSONSchema.string(LocalizedText(
                chinese: "订单计入的大促活动（\"2026-double11\"）；不属于任何活动时为 null。",
                english: "The sales campaign the order counts for (\"2026-double11\"); null for none.")).orNull()),
            .required("paidAt", .timestamp(LocalizedText(
                chinese: "付款时间，即事件时间。",
                english: "When the order was paid; the event time."))),
            .optional("synthetic", .boolean(LocalizedText(
                chinese: "测试用的生成数据为 true；真实数据不带此字段。",
                english: "True for generated test data; left out for real data."))),
        ], LocalizedText(
            chinese: "买家已付款的订单，归属于促成它的会话的客服。",
            english: "An order a buyer paid, attributed to the agent whose conversation led to it."))
    }

    public static var example: Order {
        Order(orderId: "DO-1002", shop: "shop-demo-tmall", buyer: "buyer-d008", conversationId: "demo-c09",
              agent: "A-sh-a02", amount: Decimal(string: "1299.5") ?? 0, currency: "CNY", campaign: "2026-double11",
              paidAt: .example("2026-11-11T10:48:00+08:00"), synthetic: true)
    }
}
