import Yams

/// Readers for the pieces that many knowledge files share: ids, names and cue lists.
extension YAMLReader {
  /// The `id` of an entry, checked for shape: lower-case ASCII words joined by `-`.
  func id(_ mapping: Fields, owner: Node) -> String? {
    guard let id = string(mapping, "id", required: true, owner: owner) else { return nil }
    let valid =
      !id.isEmpty && !id.hasPrefix("-") && !id.hasSuffix("-") && !id.contains("--")
      && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    if !valid {
      error("id '\(id)' must be lower-case letters, digits and '-'", at: mapping[field: "id"])
      return nil
    }
    return id
  }

  /// The entries of a top-level list (`types:`, `situations:` …) as mappings.
  func entries(_ root: Fields, _ key: String) -> [(Node, Fields)] {
    sequence(root, key, required: true, in: root.keys.first).compactMap { node in
      mapping(node, what: "an entry of '\(key)'").map { (node, $0) }
    }
  }

  /// A `cues:` list. `negatable` is the default for this kind of entry.
  func cues(_ mapping: Fields, ownerID: String, negatable: Bool) -> [Cue] {
    var result: [Cue] = []
    for (index, node) in sequence(mapping, "cues").enumerated() {
      let fallbackID = "\(ownerID)#\(index + 1)"
      if case .scalar = node {
        let (phrases, slots) = self.phrases(node, what: "a cue").slotted
        guard !phrases.isEmpty else { continue }
        result.append(
          Cue(
            id: fallbackID, mode: .any, phrases: phrases, slots: slots, within: 10, ordered: false,
            negatable: negatable, except: [], notFollowedBy: [], notPrecededBy: [], clearedBy: [], clearedByEarlier: [],
            clearedWithin: 20, weight: 1, atStart: false, firm: false, examples: [], counters: [], location: location(of: node)))
        continue
      }
      guard let cue = self.mapping(node, what: "a cue") else { continue }
      checkKeys(
        cue, allowed: [
          "id", "phrase", "any", "all", "within", "ordered", "negatable", "except", "not_followed_by", "not_preceded_by",
          "cleared_by", "cleared_by_earlier", "cleared_within", "weight", "at_start", "firm", "examples", "counter",
        ])
      let forms = ["phrase", "any", "all"].filter { cue[field: $0] != nil }
      guard forms.count == 1 else {
        error(
          forms.isEmpty ? "a cue needs one of 'phrase', 'any' or 'all'" : "a cue takes only one of 'phrase', 'any' or 'all'",
          at: node)
        continue
      }
      let mode: Cue.Mode = forms[0] == "all" ? .all : .any
      let (phrases, slots) =
        mode == .all ? allSlots(cue, owner: node) : phraseList(cue, forms[0], required: true, owner: node).slotted
      guard !phrases.isEmpty else {
        if cue[field: forms[0]]?.sequence?.isEmpty == true { error("empty cue: '\(forms[0])' lists no phrase", at: cue[field: forms[0]]) }
        continue
      }
      // Slots as written: one that came out empty (an unknown family) has been reported already.
      if mode == .all, (cue[field: "all"]?.sequence?.count ?? 0) < 2 {
        error("'all' needs at least two phrases", at: cue[field: "all"])
      }
      var cueID = fallbackID
      if cue[field: "id"] != nil, let given = string(cue, "id", required: true, owner: node) { cueID = given }
      result.append(
        Cue(
          id: cueID, mode: mode, phrases: phrases, slots: slots,
          within: int(cue, "within", range: 1...500) ?? 10,
          ordered: bool(cue, "ordered") ?? false,
          negatable: bool(cue, "negatable") ?? negatable,
          except: phraseList(cue, "except"),
          notFollowedBy: phraseList(cue, "not_followed_by"),
          notPrecededBy: phraseList(cue, "not_preceded_by"),
          clearedBy: phraseList(cue, "cleared_by"),
          clearedByEarlier: phraseList(cue, "cleared_by_earlier"),
          clearedWithin: int(cue, "cleared_within", range: 1...200) ?? 20,
          weight: double(cue, "weight", range: 0...100) ?? 1,
          atStart: bool(cue, "at_start") ?? false,
          firm: bool(cue, "firm") ?? false,
          examples: stringList(cue, "examples"),
          counters: stringList(cue, "counter"),
          location: location(of: node)))
    }
    return result
  }

  /// The phrases of an `all:` cue with the slot of each: an item is one phrase, or a list of
  /// alternatives that fill the same slot.
  private func allSlots(_ cue: Fields, owner: Node) -> (phrases: [String], slots: [Int]) {
    var phrases: [String] = []
    var slots: [Int] = []
    for (slot, item) in sequence(cue, "all", required: true, in: owner).enumerated() {
      let found: [String]
      if let alternatives = item.sequence {
        if alternatives.isEmpty { error("empty slot: this list of alternatives names no phrase", at: item) }
        found = alternatives.flatMap { self.phrases($0, what: "an alternative of 'all'") }
      } else {
        // One phrase, or a family (`$staff`) whose words are alternatives for this slot.
        found = self.phrases(item, what: "an item of 'all'")
      }
      phrases += found
      slots += Array(repeating: slot, count: found.count)
    }
    return (phrases, slots)
  }

  /// A list of ids naming other entries; each is recorded with its own location for checking.
  func references(_ mapping: Fields, _ key: String, kind: Reference.Kind) -> [String] {
    if let node = mapping[field: key], case .scalar = node { return reference(mapping, key, kind: kind).map { [$0] } ?? [] }
    return sequence(mapping, key).compactMap { node in
      guard let id = scalarString(node, what: "an item of '\(key)'") else { return nil }
      sink.references.append(Reference(kind: kind, id: id, location: location(of: node)))
      return id
    }
  }

  /// One id naming another entry.
  func reference(_ mapping: Fields, _ key: String, kind: Reference.Kind, required: Bool = false, owner: Node? = nil)
    -> String?
  {
    guard let id = string(mapping, key, required: required, owner: owner) else { return nil }
    sink.references.append(Reference(kind: kind, id: id, location: location(of: mapping[field: key])))
    return id
  }
}
