import Foundation

/// The name of the person running the command: the agent default and the actor in the audit trail.
public enum LoginName {
    /// `$USER`, else the password database's name for the real user id, else "unknown".
    public static var current: String {
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "unknown"
    }
}
