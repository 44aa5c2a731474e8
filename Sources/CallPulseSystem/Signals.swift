#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place CallPulse installs signal handlers (the console's readline, the full-screen
/// stats view, the writer gate's wake-up signal), so the platform's `sigaction` layout is spelled
/// once: an empty mask and no `SA_RESTART`, so a blocking call (`read`, `flock`) returns `EINTR`
/// when one of the signals arrives.
public enum Signals {
    /// A handler as C sees it; it may only set a flag (`sig_atomic_t`-sized) or do nothing.
    public typealias Handler = @convention(c) (Int32) -> Void

    /// Installs `handler` for each of `signals`.
    public static func install(_ handler: Handler, for signals: Int32...) {
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        for signal in signals { sigaction(signal, &action, nil) }
    }
}
