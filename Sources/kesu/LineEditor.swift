@preconcurrency import CReadline
import Foundation

/// GNU readline through its callback interface (see ../shared/READLINE.md): Ctrl-C clears the
/// line and keeps the session, Ctrl-D on an empty line ends it, a window resize redraws,
/// Chinese edits as whole characters whatever `LANG` says, history persists without duplicates.
/// Only used when standard input is a terminal.
final class LineEditor {
  enum Input: Equatable {
    case line(String)
    case invalidUTF8
    case endOfInput
  }

  nonisolated(unsafe) static var interrupted: sig_atomic_t = 0
  nonisolated(unsafe) static var resized: sig_atomic_t = 0
  nonisolated(unsafe) static var pending: Input?
  /// Self-pipe: the signal handlers write a byte so `poll` wakes even when the signal arrived
  /// just before it was called.
  nonisolated(unsafe) static var wakeRead: Int32 = -1
  nonisolated(unsafe) static var wakeWrite: Int32 = -1
  nonisolated(unsafe) static var completionWords: [String] = []
  nonisolated(unsafe) static var completionMatches: [String] = []

  let historyPath: String
  let historyLimit: Int32 = 1000

  init(name: String, completions: [String], historyPath: String) {
    self.historyPath = historyPath
    Self.completionWords = completions
    setlocale(LC_ALL, "")
    if let codeset = nl_langinfo(Int32(CODESET)).map({ String(cString: $0) }), codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
      setenv("LC_CTYPE", "C.UTF-8", 1)
      setlocale(LC_CTYPE, "C.UTF-8")
    }
    rl_readline_name = UnsafePointer(strdup(name))
    rl_catch_signals = 0
    rl_catch_sigwinch = 0
    rl_initialize()
    rl_variable_bind("enable-bracketed-paste", "off")
    rl_attempted_completion_function = { text, start, _ in
      rl_attempted_completion_over = 1
      guard start == 0, let text else { return nil }
      let prefix = String(cString: text)
      LineEditor.completionMatches = LineEditor.completionWords.filter { $0.hasPrefix(prefix) }
      return rl_completion_matches(text) { _, state in
        let index = Int(state)
        guard index < LineEditor.completionMatches.count else { return nil }
        return strdup(LineEditor.completionMatches[index])
      }
    }
    using_history()
    stifle_history(historyLimit)
    read_history(historyPath)
    installSignals()
  }

  private func installSignals() {
    var ends: [Int32] = [0, 0]
    if pipe(&ends) == 0 {
      Self.wakeRead = ends[0]
      Self.wakeWrite = ends[1]
      _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
      _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
    }
    // A parent may start us with these blocked (a blocked mask is inherited): unblock them.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    sigaddset(&unblock, SIGWINCH)
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in
      LineEditor.interrupted = 1
      var byte: UInt8 = 1
      _ = write(LineEditor.wakeWrite, &byte, 1)
    }
    sigemptyset(&action.sa_mask)
    action.sa_flags = SA_RESTART  // the self-pipe wakes poll; output writes are never cut short
    sigaction(SIGINT, &action, nil)
    var resize = sigaction()
    resize.__sigaction_handler.sa_handler = { _ in
      LineEditor.resized = 1
      var byte: UInt8 = 1
      _ = write(LineEditor.wakeWrite, &byte, 1)
    }
    sigemptyset(&resize.sa_mask)
    resize.sa_flags = SA_RESTART
    sigaction(SIGWINCH, &resize, nil)
  }

  /// Called by readline with the finished line (nil on Ctrl-D at an empty line).
  static let handler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { raw in
    // Remove the handler now, or readline shows the prompt again before the answer is printed.
    rl_callback_handler_remove()
    guard let raw else {
      LineEditor.pending = .endOfInput
      return
    }
    defer { free(raw) }
    guard let text = String(validatingCString: raw) else {
      LineEditor.pending = .invalidUTF8
      return
    }
    LineEditor.pending = .line(text)
  }

  /// One line from the user.
  func read(prompt: String) -> Input {
    Self.pending = nil
    rl_callback_handler_install(prompt, Self.handler)
    while Self.pending == nil {
      var descriptors = [
        pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
        pollfd(fd: Self.wakeRead, events: Int16(POLLIN), revents: 0),
      ]
      // Flags first: a signal may have come while we were printing, before this poll.
      let ready = (Self.interrupted != 0 || Self.resized != 0) ? 0 : poll(&descriptors, Self.wakeRead >= 0 ? 2 : 1, -1)
      if descriptors[1].revents & Int16(POLLIN) != 0 {
        var drain = [UInt8](repeating: 0, count: 64)
        while Glibc.read(Self.wakeRead, &drain, drain.count) > 0 {}
      }
      let descriptor = descriptors[0]
      if Self.resized != 0 {
        Self.resized = 0
        rl_resize_terminal()
      }
      if Self.interrupted != 0 {
        Self.interrupted = 0
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_cleanup_after_signal()
        fputs("^C\n", stdout)
        fflush(stdout)
        rl_callback_handler_remove()
        rl_callback_handler_install(prompt, Self.handler)
        continue
      }
      if ready < 0 {
        if errno == EINTR { continue }
        return .endOfInput
      }
      if descriptor.revents & Int16(POLLHUP | POLLERR) != 0, descriptor.revents & Int16(POLLIN) == 0 { return .endOfInput }
      if descriptor.revents & Int16(POLLIN) != 0 { rl_callback_read_char() }
    }
    let input = Self.pending ?? .endOfInput
    if case .line(let text) = input { remember(text) }
    return input
  }

  private func remember(_ text: String) {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    guard !trimmed.isEmpty else { return }
    if history_length > 0, let last = history_get(history_base + history_length - 1), let lastLine = last.pointee.line,
      String(cString: lastLine) == text
    {
      return
    }
    add_history(text)
  }

  /// Writes the history file (owner-only), trimmed to the limit, atomically: a temporary file
  /// renamed over the old one, so an interruption never leaves half a history.
  func saveHistory() {
    let folder = (historyPath as NSString).deletingLastPathComponent
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    let temporary = historyPath + ".tmp-\(getpid())"
    guard write_history(temporary) == 0 else {
      unlink(temporary)
      return
    }
    history_truncate_file(temporary, historyLimit)
    chmod(temporary, 0o600)
    if rename(temporary, historyPath) != 0 { unlink(temporary) }
  }

  /// `$XDG_STATE_HOME/kesu/history`, default `~/.local/state/kesu/history`.
  static func defaultHistoryPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/state")
    return (base as NSString).appendingPathComponent("kesu/history")
  }
}
