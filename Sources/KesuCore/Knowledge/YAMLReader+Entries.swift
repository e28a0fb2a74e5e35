import Yams

/// Readers for the pieces that many knowledge files share: ids, names and cue lists.
extension YAMLReader {
  /// The `id` of an entry, checked for shape: lower-case ASCII words joined by `-`.
  func id(_ mapping: Node.Mapping, owner: Node) -> String? {
    guard let id = string(mapping, "id", required: true, owner: owner) else { return nil }
    let valid =
      !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
      && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    if !valid {
      error("id '\(id)' must be lower-case letters, digits and '-'", at: mapping["id"])
      return nil
    }
    return id
  }

  /// The entries of a top-level list (`types:`, `situations:` …) as mappings.
  func entries(_ root: Node.Mapping, _ key: String) -> [(Node, Node.Mapping)] {
    sequence(root, key, required: true, in: root.keys.first).compactMap { node in
      mapping(node, what: "an entry of '\(key)'").map { (node, $0) }
    }
  }

  /// A `cues:` list. `negatable` is the default for this kind of entry.
  func cues(_ mapping: Node.Mapping, ownerID: String, negatable: Bool) -> [Cue] {
    var result: [Cue] = []
    for (index, node) in sequence(mapping, "cues").enumerated() {
      let fallbackID = "\(ownerID)#\(index + 1)"
      if case .scalar = node {
        guard let phrase = scalarString(node, what: "a cue") else { continue }
        result.append(
          Cue(
            id: fallbackID, mode: .any, phrases: [phrase], within: 10, negatable: negatable, except: [],
            weight: 1, atStart: false, examples: [], counters: [], location: location(of: node)))
        continue
      }
      guard let cue = self.mapping(node, what: "a cue") else { continue }
      checkKeys(
        cue, allowed: [
          "id", "phrase", "any", "all", "within", "negatable", "except", "weight", "at_start", "examples", "counter",
        ])
      let forms = ["phrase", "any", "all"].filter { cue[$0] != nil }
      guard forms.count == 1 else {
        error(
          forms.isEmpty ? "a cue needs one of 'phrase', 'any' or 'all'" : "a cue takes only one of 'phrase', 'any' or 'all'",
          at: node)
        continue
      }
      let phrases = stringList(cue, forms[0], required: true, owner: node)
      guard !phrases.isEmpty else {
        if cue[forms[0]]?.sequence != nil { error("empty cue: '\(forms[0])' lists no phrase", at: cue[forms[0]]) }
        continue
      }
      let mode: Cue.Mode = forms[0] == "all" ? .all : .any
      if mode == .all, phrases.count < 2 { error("'all' needs at least two phrases", at: cue["all"]) }
      var cueID = fallbackID
      if cue["id"] != nil, let given = string(cue, "id", required: true, owner: node) { cueID = given }
      result.append(
        Cue(
          id: cueID, mode: mode, phrases: phrases,
          within: int(cue, "within", range: 1...500) ?? 10,
          negatable: bool(cue, "negatable") ?? negatable,
          except: stringList(cue, "except"),
          weight: double(cue, "weight", range: 0...100) ?? 1,
          atStart: bool(cue, "at_start") ?? false,
          examples: stringList(cue, "examples"),
          counters: stringList(cue, "counter"),
          location: location(of: node)))
    }
    return result
  }

  /// A list of ids naming other entries; each is recorded with its own location for checking.
  func references(_ mapping: Node.Mapping, _ key: String, kind: Reference.Kind) -> [String] {
    if let node = mapping[key], case .scalar = node { return reference(mapping, key, kind: kind).map { [$0] } ?? [] }
    return sequence(mapping, key).compactMap { node in
      guard let id = scalarString(node, what: "an item of '\(key)'") else { return nil }
      sink.references.append(Reference(kind: kind, id: id, location: location(of: node)))
      return id
    }
  }

  /// One id naming another entry.
  func reference(_ mapping: Node.Mapping, _ key: String, kind: Reference.Kind, required: Bool = false, owner: Node? = nil)
    -> String?
  {
    guard let id = string(mapping, key, required: required, owner: owner) else { return nil }
    sink.references.append(Reference(kind: kind, id: id, location: location(of: mapping[key])))
    return id
  }
}
