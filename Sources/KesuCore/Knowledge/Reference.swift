/// A place where one knowledge entry names another by id; checked once everything is read.
struct Reference {
  enum Kind: String {
    case type, situation, stage, family = "forbidden family", principle
  }
  var kind: Kind
  var id: String
  var location: SourceLocation
}
