extension PGConnection {
    /// The current value of the server setting `name` (e.g. "synchronous_commit" → "on").
    public func setting(_ name: String) throws -> String {
        guard let value = try execute("SELECT current_setting($1)", [name]).scalar(String.self) else {
            throw clientError("the server returned no value for the setting \(name)")
        }
        return value
    }

    /// Sets the server setting `name` to `value` for this session, or only until the end of the
    /// current transaction when `local`.
    public func setSetting(_ name: String, to value: String, local: Bool = false) throws {
        try execute("SELECT set_config($1, $2, $3)", [name, value, local])
    }
}
