/// Collects diagnostics while a knowledge folder is read, so that all of them are reported at once.
final class DiagnosticSink {
  private(set) var diagnostics: [Diagnostic] = []
  /// Ids named by entries, to be checked against what exists once every file is read.
  var references: [Reference] = []

  func error(_ message: String, at location: SourceLocation) {
    diagnostics.append(
      Diagnostic(file: location.file, line: location.line, column: location.column, message: message))
  }

  var isEmpty: Bool { diagnostics.isEmpty }
}
