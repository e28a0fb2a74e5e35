/// One problem found in the knowledge base, located like a compiler error.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var message: String

  public init(file: String, line: Int, column: Int, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `Knowledge/types.yaml:42:7: error: unknown situation 'biling' (did you mean 'billing'?)`
  public var description: String { "\(file):\(line):\(column): error: \(message)" }
}

/// Every problem found while loading a knowledge folder; thrown instead of a half-loaded base.
public struct KnowledgeError: Error, Sendable, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Where a thing was written in the knowledge base, kept so later checks can point at it.
public struct SourceLocation: Codable, Hashable, Sendable {
  public var file: String
  public var line: Int
  public var column: Int
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }
}
