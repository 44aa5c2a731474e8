import FuzzChecks
import FuzzDriver

// libFuzzer target: interview script files, bytes as read from disk (encoding detection included).
runFuzzer { bytes in FuzzChecks.script(bytes) }
