import Foundation

/// How an answer is kept as text: a bare JSON value (`true`, `7`, `"text"`, `["a","b"]`), written
/// when the store saves an answer and read back by the console (resuming an interview) and by
/// follow-ups. The one place that knows the format.
public enum AnswerCodec {
    /// `value` as JSON text.
    public static func encode(_ value: AnswerValue) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    /// The answer `json` holds; nil when it is not one (a damaged or foreign value).
    public static func decode(_ json: String) -> AnswerValue? {
        try? JSONDecoder().decode(AnswerValue.self, from: Data(json.utf8))
    }
}
