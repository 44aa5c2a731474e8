import FuzzChecks
import FuzzDriver

// libFuzzer target: conditions as written in a script's `when:`.
runFuzzer { bytes in FuzzChecks.condition(String(decoding: bytes, as: UTF8.self)) }
