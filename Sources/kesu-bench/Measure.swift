import Foundation

/// Clocks and process helpers for the benchmark.
enum Measure {
  static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

  static func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = now()
    try body()
    return Double(now() - start) / 1e9
  }

  static func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
  }

  /// Peak resident memory of this process, MiB.
  static func peakMemory() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
  }

  struct Run {
    var seconds: Double
    var status: Int32
    /// Peak resident memory of the child, MiB.
    var peakMiB: Double
  }

  /// Runs a command with stdin from a file and stdout to /dev/null; the child's own peak memory
  /// comes from wait4.
  /// Runs through `/usr/bin/time -f %M` when it exists: wait4's figure for a posix_spawned
  /// child counts the parent's memory too (it shares it until exec), so it overstates.
  static func run(_ executable: String, _ arguments: [String], stdin: String? = nil, stdout: String = "/dev/null") -> Run {
    let time = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: time) else {
      return spawn(executable, arguments, stdin: stdin, stdout: stdout)
    }
    let report = NSTemporaryDirectory() + "kesu-bench-rss-\(getpid())"
    var run = spawn(time, ["-f", "%M", "-o", report, executable] + arguments, stdin: stdin, stdout: stdout)
    if let text = try? String(contentsOfFile: report, encoding: .utf8),
      let kilobytes = Double(text.split(separator: "\n").last(where: { !$0.isEmpty }) ?? "")
    {
      run.peakMiB = kilobytes / 1024
    }
    return run
  }

  /// Output goes to a real file: GNU grep stops at the first match when it sees /dev/null.
  static func spawn(_ executable: String, _ arguments: [String], stdin: String? = nil, stdout: String = "/dev/null") -> Run {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let stdin { posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0) }
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = now()
    guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return Run(seconds: 0, status: -1, peakMiB: 0) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let elapsed = Double(now() - start) / 1e9
    return Run(seconds: elapsed, status: (status >> 8) & 0xFF, peakMiB: Double(usage.ru_maxrss) / 1024)
  }

  static func which(_ name: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let path = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }
}
