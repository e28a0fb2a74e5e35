import Yams

/// A YAML mapping read as named fields: every key looked up once. Yams's own `mapping["key"]`
/// builds a node and a tag for each lookup and compares whole nodes in a linear scan; with a
/// dozen lookups per cue that was most of start-up.
struct Fields {
  let mapping: Node.Mapping
  private let table: [String: Node]

  init(_ mapping: Node.Mapping) {
    self.mapping = mapping
    var table: [String: Node] = [:]
    table.reserveCapacity(mapping.count)
    // The last of two equal keys wins, as in Yams.
    for (key, value) in mapping { if let name = key.scalar?.string { table[name] = value } }
    self.table = table
  }

  subscript(field name: String) -> Node? { table[name] }

  var keys: LazyMapCollection<Node.Mapping, Node> { mapping.keys }
  var style: Node.Mapping.Style { mapping.style }
}
