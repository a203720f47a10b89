/// The input streams whose watermark rounds decide when a partition's alerts,
/// complaints, case commands and deadlines are applied.
enum InputStream: String, CaseIterable {
    case alerts
    case complaints
    case chat
    case commands
}
