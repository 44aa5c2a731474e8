import CLibPQ
import Foundation

extension PGConnection {
    /// Runs one statement with text parameters `$1`, `$2` … and returns its rows.
    ///
    /// With no parameters the text may hold several statements separated by semicolons (a
    /// migration script); they run in one round trip and the last one's rows are returned.
    ///
    /// - Throws: `PostgresError`: `.server` with the SQLSTATE for an error the server reports,
    ///   `.connectionLost` when the connection broke, `.client` for a string holding a NUL
    ///   character (PostgreSQL text cannot hold one).
    @discardableResult
    public func execute(_ sql: String, _ parameters: [(any PGParameter)?] = []) throws -> PGResult {
        let handle = try liveHandle()
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = PQexec(handle, sql)
        } else if let name = try preparedName(sql, parameters: parameters.count) {
            result = try withParameters(parameters) { values in
                PQexecPrepared(handle, name, Int32(values.count), values, nil, nil, 0)
            }
        } else {
            result = try withParameters(parameters) { values in
                PQexecParams(handle, sql, Int32(values.count), nil, values, nil, nil, 0)
            }
        }
        defer { PQclear(result) }
        do {
            return try read(result)
        } catch let error as PostgresError where error.isStalePreparedStatement {
            forgetPrepared(sql)
            throw error
        }
    }

    /// Runs one statement and hands its rows to `body` one at a time as they arrive, without
    /// holding the whole result in memory (libpq's single-row mode): for exports of many rows.
    ///
    /// - Returns: the number of rows handed over.
    @discardableResult
    public func forEachRow(_ sql: String, _ parameters: [(any PGParameter)?] = [],
                           _ body: (PGRow) throws -> Void) throws -> Int64 {
        let handle = try liveHandle()
        let sent = try withParameters(parameters) { values in
            PQsendQueryParams(handle, sql, Int32(values.count), nil, values, nil, nil, 0)
        }
        guard sent == 1 else { throw failure(nil) }
        PQsetSingleRowMode(handle)
        var count: Int64 = 0
        var firstError: Error?
        var columns: PGColumns?
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            let status = PQresultStatus(result)
            guard firstError == nil else { continue }
            switch status {
            case PGRES_SINGLE_TUPLE:
                let names = columns ?? Self.columns(of: result)
                columns = names
                do {
                    try body(Self.row(result, 0, names))
                    count += 1
                } catch {
                    // Stop the server sending the rest; the remaining results are drained below.
                    firstError = error
                    if let cancel = PQgetCancel(handle) {
                        var buffer = [CChar](repeating: 0, count: 256)
                        PQcancel(cancel, &buffer, Int32(buffer.count))
                        PQfreeCancel(cancel)
                    }
                }
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                break
            default:
                firstError = failure(result)
            }
        }
        if let firstError { throw firstError }
        return count
    }

    /// Calls `body` with the parameters as C strings (NULL for nil), freeing them after.
    func withParameters<T>(_ parameters: [(any PGParameter)?],
                           _ body: ([UnsafePointer<CChar>?]) throws -> T) throws -> T {
        var owned: [UnsafeMutablePointer<CChar>?] = []
        owned.reserveCapacity(parameters.count)
        defer { owned.forEach { free($0) } }
        for (index, parameter) in parameters.enumerated() {
            guard let parameter else {
                owned.append(nil)
                continue
            }
            let text = parameter.pgText
            if text.utf8.contains(0) {
                throw clientError("parameter $\(index + 1) holds a NUL character, which PostgreSQL text cannot store")
            }
            owned.append(strdup(text))
        }
        return try body(owned.map { $0.map { UnsafePointer($0) } })
    }

    /// The rows of a finished result, or its error.
    func read(_ result: OpaquePointer?) throws -> PGResult {
        guard let result else { throw failure(nil) }
        switch PQresultStatus(result) {
        case PGRES_TUPLES_OK, PGRES_SINGLE_TUPLE:
            let columns = Self.columns(of: result)
            let rows = (0..<PQntuples(result)).map { Self.row(result, $0, columns) }
            return PGResult(columns: columns, rows: rows, affectedRows: Int64(rows.count))
        case PGRES_COMMAND_OK, PGRES_EMPTY_QUERY, PGRES_COPY_IN, PGRES_COPY_OUT:
            let tag = String(cString: PQcmdTuples(result))
            return PGResult(columns: PGColumns([]), rows: [], affectedRows: Int64(tag) ?? 0)
        default:
            throw failure(result)
        }
    }

    static func columns(of result: OpaquePointer) -> PGColumns {
        PGColumns((0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) })
    }

    static func row(_ result: OpaquePointer, _ index: Int32, _ columns: PGColumns) -> PGRow {
        let texts: [String?] = (0..<Int32(columns.names.count)).map { column in
            PQgetisnull(result, index, column) != 0 ? nil : String(cString: PQgetvalue(result, index, column))
        }
        return PGRow(columns: columns, texts: texts)
    }
}
