/// The input streams whose watermark rounds decide when a partition's alerts,
/// complaints and deadlines are applied. Case commands are not among them:
/// they apply when they arrive.
enum InputStream: String, CaseIterable {
    case alerts
    case complaints
    case chat
}
