import FuzzChecks
import FuzzDriver
import Foundation

// libFuzzer target: call-list files. The first byte picks the chunk size of the second read
// (8–71 bytes), so small inputs reach every buffer-refill boundary; the rest is the file.
// In memory where there is /dev/shm: the writer syncs each file it finishes.
let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : FileManager.default.temporaryDirectory.path
let directory = base + "/callpulse-fuzz-\(getpid())"
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
runFuzzer { bytes in
    guard let first = bytes.first else { return nil }
    return FuzzChecks.csv(Array(bytes.dropFirst()), chunkSize: 8 + Int(first % 64), in: directory)
}
