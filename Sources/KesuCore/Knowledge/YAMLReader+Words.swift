import Yams

/// Named word families (`words.yaml`): a cue writes `$staff` where it means any word of the
/// family, so the list is kept once instead of copied into dozens of cues that drift apart.
extension YAMLReader {
  /// `words: {staff: [客服, 小姑娘 …], …}`. A family lists phrases only; it cannot name another.
  func readWords(_ root: Fields) -> [String: [String]] {
    checkKeys(root, allowed: ["version", "words"])
    guard let families = mapping(root[field: "words"], what: "'words'") else {
      if root[field: "words"] == nil { error("missing 'words'", at: root.keys.first) }
      return [:]
    }
    var words: [String: [String]] = [:]
    for (key, value) in families.mapping {
      guard let name = scalarString(key, what: "a family name") else { continue }
      guard Self.isFamilyName(name) else {
        error("family name '\(name)' must be lower-case letters, digits and '_'", at: key)
        continue
      }
      guard let items = value.sequence, !items.isEmpty else {
        error("family '\(name)' must be a list of phrases", at: value)
        continue
      }
      words[name] = items.compactMap { item in
        guard let phrase = scalarString(item, what: "a word of '\(name)'") else { return nil }
        if phrase.hasPrefix("$") {
          error("'\(phrase)': a family lists phrases, it cannot name another family", at: item)
          return nil
        }
        return phrase
      }
    }
    return words
  }

  /// A list field of phrases with every `$family` replaced by its words.
  func phraseList(_ mapping: Fields, _ key: String, required: Bool = false, owner: Node? = nil) -> [String] {
    if let node = mapping[field: key], case .scalar = node, !(node.string ?? "").isEmpty {
      return phrases(node, what: "an item of '\(key)'")
    }
    return sequence(mapping, key, required: required, in: owner).flatMap { phrases($0, what: "an item of '\(key)'") }
  }

  /// One phrase, or the words of the family it names (`$staff`); an unknown family is reported.
  func phrases(_ node: Node, what: String) -> [String] {
    guard let phrase = scalarString(node, what: what) else { return [] }
    guard phrase.hasPrefix("$"), phrase.count > 1 else { return [phrase] }
    let name = String(phrase.dropFirst())
    if let family = words[name] { return family }
    var message = "unknown word family '\(phrase)'"
    if let guess = closestMatch(to: name, in: words.keys.sorted()) {
      message += " (did you mean '$\(guess)'?)"
    } else {
      message += " (words.yaml defines \(words.isEmpty ? "no family" : "\(words.count) families, none close to it"))"
    }
    error(message, at: node)
    return []
  }

  static func isFamilyName(_ name: String) -> Bool {
    !name.isEmpty
      && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
  }
}
