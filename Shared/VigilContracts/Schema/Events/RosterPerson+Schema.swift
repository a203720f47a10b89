extension RosterPerson: SchemaPublishing {
    public static var jsonSchema: JSONSchema {
        .object([
            .eventId(LocalizedText(
                chinese: "`roster/<id>/<各字段的哈希>`：同一记录重复导入是重复事件，人员有变化则是新事件。",
                english: "`roster/<id>/<hash of the fields>`: the same record twice is a duplicate, "
                    + "while a change to the person is a new event.")),
            .schemaVersion(schemaVersion),
            .required("id", .string(LocalizedText(
                chinese: "人员的花名册 ID，也是记录键。",
                english: "The person's roster id, also the record key."))),
            .required("name", .string(LocalizedText(
                chinese: "显示名，按外包商的写法（中文）。",
                english: "The display name, in Chinese as the vendor writes it."))),
            .required("role", .enumeration(RosterRole.self, LocalizedText(
                chinese: "在 客服 → 主管 → 经理 → 品牌方客服经理 链条中的位置。",
                english: "The person's place in the chain agent → supervisor → manager → brand manager."))),
            .required("reportsTo", JSONSchema.string(LocalizedText(
                chinese: "上级的花名册 ID；只有品牌方客服经理为 null。",
                english: "The roster id of this person's superior; null only for the brand manager.")).orNull()),
            .required("vendor", JSONSchema.string(LocalizedText(
                chinese: "所属外包商；不属于外包商（如品牌方人员）时为 null。",
                english: "The vendor the person works for; null for none, such as the brand's own staff.")).orNull()),
            .required("site", JSONSchema.string(LocalizedText(
                chinese: "所在站点；没有站点时为 null。",
                english: "The person's site; null when there is none.")).orNull()),
            .required("team", JSONSchema.string(LocalizedText(
                chinese: "所在班组；客服和主管必有班组，经理和品牌方客服经理没有时为 null。",
                english: "The person's team; every agent and supervisor has one, "
                    + "and it is null for a manager or brand manager without one.")).orNull()),
        ], LocalizedText(
            chinese: "组织中的一个人：客服、主管、经理或品牌方客服经理。花名册主题按人员 ID 压缩，"
                + "每人最新一条记录即当前组织；没有值的记录（墓碑）表示删除该人员。",
            english: "One person of the organisation: an agent, supervisor, manager or the brand manager. "
                + "The roster topic is compacted by person id, so the latest record per person is the current "
                + "organisation; a record without a value (a tombstone) removes the person."))
    }

    public static var example: RosterPerson {
        RosterPerson(id: "S-sh-a", name: "上海A组主管 王芳", role: .supervisor, reportsTo: "M-sh",
                     vendor: "V-DEMO", site: "sh", team: "T-sh-a")
    }
}
