/// A scripted call for coaching: customer lines with a good and a poor reply each.
public struct Scenario: Codable, Sendable, Identifiable {
  public struct Expectation: Codable, Sendable {
    public var type: String?
    public var situations: [String]?
    public var emotion: Int?
  }

  public struct Turn: Codable, Sendable {
    public var customer: String
    public var expect: Expectation?
    public var good: String
    public var principle: String?
    public var poor: String?
    public var fault: String?
    public var location: SourceLocation
  }

  public var id: String
  public var title: String
  public var source: String
  public var type: String
  public var situations: [String]
  public var turns: [Turn]
  public var location: SourceLocation
}
