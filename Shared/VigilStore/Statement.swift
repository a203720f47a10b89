import CSQLite

/// A prepared statement. Not Sendable: it belongs to its connection's thread.
public final class Statement {
    /// The SQL it was prepared from.
    public let sql: String
    private let handle: OpaquePointer
    private let connection: OpaquePointer

    init(connection: OpaquePointer, sql: String) throws {
        var statement: OpaquePointer?
        let result = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard result == SQLITE_OK, let statement else {
            throw DatabaseError(connection: connection, resultCode: result, sql: sql)
        }
        self.sql = sql
        self.handle = statement
        self.connection = connection
    }

    deinit {
        sqlite3_finalize(handle)
    }

    // MARK: - Running

    /// Binds the values to the parameters in order and steps until done, collecting every row.
    @discardableResult
    public func run(_ bindings: [any DatabaseValueConvertible] = []) throws -> [Row] {
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try bind(bindings)

        var rows: [Row] = []
        let columnCount = sqlite3_column_count(handle)
        while true {
            let result = sqlite3_step(handle)
            if result == SQLITE_DONE {
                return rows
            }
            guard result == SQLITE_ROW else {
                throw DatabaseError(connection: connection, resultCode: result, sql: sql)
            }
            rows.append(Row(values: (0..<columnCount).map(column)))
        }
    }

    // MARK: - Binding and reading

    private func bind(_ bindings: [any DatabaseValueConvertible]) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard bindings.count == expected else {
            throw DatabaseError(code: SQLITE_RANGE,
                                message: "wrong number of bound values: expected \(expected), got \(bindings.count)", sql: sql)
        }
        for (offset, binding) in bindings.enumerated() {
            let index = Int32(offset + 1)
            let result: Int32
            switch binding.databaseValue {
            case .null:
                result = sqlite3_bind_null(handle, index)
            case .integer(let value):
                result = sqlite3_bind_int64(handle, index, value)
            case .real(let value):
                result = sqlite3_bind_double(handle, index, value)
            case .text(let value):
                result = value.utf8CString.withUnsafeBufferPointer {
                    vigil_sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count - 1))
                }
            case .blob(let value):
                result = value.withUnsafeBytes {
                    vigil_sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count))
                }
            }
            guard result == SQLITE_OK else {
                throw DatabaseError(connection: connection, resultCode: result, sql: sql)
            }
        }
    }

    private func column(_ index: Int32) -> DatabaseValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let pointer = sqlite3_column_text(handle, index) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let pointer = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
        default:
            return .null
        }
    }
}
