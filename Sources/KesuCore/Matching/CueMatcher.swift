/// All the cues for one audience compiled into a single Aho–Corasick automaton, with the
/// negation words, the `except:` phrases and the intensifiers in the same pass.
public struct CueMatcher: Sendable {
  public struct Compiled: Sendable {
    public var cue: Cue
    public var owner: CueOwner
  }

  /// What finding one pattern means: a phrase of a cue (in slot `slot`), one of its `except:`,
  /// `not_followed_by:` or `cleared_by:` phrases, or a word every cue shares. Packed in 64 bits
  /// (kind, slot, cue) so that the index is flat arrays.
  private struct Use {
    enum Kind: UInt8 {
      case phrase, except, follower, clearer, negation
      /// A phrase that holds a negation word without negating: 是不是, 不管, 不停.
      case notNegation
      case intensifier, punctuationIntensifier
      /// A `not_preceded_by:` phrase.
      case precursor
      /// A `cleared_by_earlier:` phrase.
      case earlierClearer
    }
    let bits: UInt64

    init(bits: UInt64) { self.bits = bits }
    init(_ kind: Kind, cue: Int = -1, slot: Int = 0) {
      bits = UInt64(kind.rawValue) << 56 | UInt64(slot & 0xFF_FFFF) << 32 | UInt64(UInt32(truncatingIfNeeded: cue))
    }

    var kind: Kind { Kind(rawValue: UInt8(bits >> 56)) ?? .notNegation }
    var slot: Int { Int((bits >> 32) & 0xFF_FFFF) }
    var cue: Int { Int(Int32(truncatingIfNeeded: UInt32(truncatingIfNeeded: bits))) }
  }

  /// The part of a matcher that is slow to build (the automaton over every phrase, and what
  /// each phrase stands for): the compiled-knowledge cache keeps it.
  public struct Index: Codable, Sendable {
    let automaton: AhoCorasick
    /// What each pattern stands for: `uses[useStart[p]..<useStart[p + 1]]`, packed `Use`s.
    let uses: [UInt64]
    let useStart: [Int32]
  }

  /// What the per-utterance path needs of each cue, flat: reading it copies no strings or arrays.
  public struct Rule: Sendable {
    public var owner: CueOwner
    public var weight: Double
    var any: Bool
    var atStart: Bool
    var firm: Bool
    var negatable: Bool
    var within: Int
    var slots: Int
    var ordered: Bool
    var clearedWithin: Int
  }

  public let cues: [Compiled]
  /// One per cue, in the order of `cues`.
  public let rules: [Rule]
  public let index: Index
  private let negationWindow: Int

  public init(knowledge: KnowledgeBase, audience: CueAudience, normalizer: TextNormalizer = .shared) {
    let compiled = Self.compile(knowledge, audience)
    self.init(knowledge: knowledge, compiled: compiled, index: Self.index(compiled, knowledge, audience, normalizer))
  }

  /// With the index built before: it must come from the same knowledge and audience.
  public init(knowledge: KnowledgeBase, audience: CueAudience, index: Index) {
    self.init(knowledge: knowledge, compiled: Self.compile(knowledge, audience), index: index)
  }

  private init(knowledge: KnowledgeBase, compiled: [Compiled], index: Index) {
    self.cues = compiled
    self.rules = compiled.map {
      Rule(
        owner: $0.owner, weight: $0.cue.weight, any: $0.cue.mode == .any, atStart: $0.cue.atStart, firm: $0.cue.firm,
        negatable: $0.cue.negatable, within: $0.cue.within, slots: ($0.cue.slots.max() ?? 0) + 1,
        ordered: $0.cue.ordered, clearedWithin: $0.cue.clearedWithin)
    }
    self.index = index
    self.negationWindow = knowledge.classifier.negationWindow
  }

  /// The cues one audience looks for, in a fixed order: a cue's number is its place here.
  private static func compile(_ knowledge: KnowledgeBase, _ audience: CueAudience) -> [Compiled] {
    var compiled: [Compiled] = []
    switch audience {
    case .customer:
      for (index, entry) in knowledge.types.enumerated() { compiled += entry.cues.map { .init(cue: $0, owner: .type(index)) } }
      for (index, entry) in knowledge.situations.enumerated() {
        compiled += entry.cues.map { .init(cue: $0, owner: .situation(index)) }
      }
      for (index, entry) in knowledge.demeanors.enumerated() {
        compiled += entry.cues.map { .init(cue: $0, owner: .demeanor(index)) }
      }
      for (index, entry) in knowledge.demands.enumerated() {
        compiled += entry.cues.map { .init(cue: $0, owner: .demand(index)) }
      }
      for entry in knowledge.emotions { compiled += entry.cues.map { .init(cue: $0, owner: .emotion(level: entry.level)) } }
    case .agent:
      for (index, entry) in knowledge.stages.enumerated() { compiled += entry.cues.map { .init(cue: $0, owner: .stage(index)) } }
      for (index, entry) in knowledge.forbidden.enumerated() {
        compiled += entry.cues.map { .init(cue: $0, owner: .forbidden(index)) }
      }
    }
    return compiled
  }

  private static func index(
    _ compiled: [Compiled], _ knowledge: KnowledgeBase, _ audience: CueAudience, _ normalizer: TextNormalizer
  ) -> Index {
    var phraseIndex: [[UInt32]: Int] = [:]
    var patterns: [[UInt32]] = []
    var uses: [[Use]] = []
    func add(_ phrase: String, _ use: Use) {
      let folded = normalizer.normalize(phrase).scalars
      guard !folded.isEmpty else { return }
      if let index = phraseIndex[folded] {
        uses[index].append(use)
      } else {
        phraseIndex[folded] = patterns.count
        patterns.append(folded)
        uses.append([use])
      }
    }
    for (index, entry) in compiled.enumerated() {
      for (phrase, slot) in zip(entry.cue.phrases, entry.cue.slots) { add(phrase, Use(.phrase, cue: index, slot: slot)) }
      for phrase in entry.cue.except { add(phrase, Use(.except, cue: index)) }
      for phrase in entry.cue.notFollowedBy { add(phrase, Use(.follower, cue: index)) }
      for phrase in entry.cue.notPrecededBy { add(phrase, Use(.precursor, cue: index)) }
      for phrase in entry.cue.clearedBy { add(phrase, Use(.clearer, cue: index)) }
      for phrase in entry.cue.clearedByEarlier { add(phrase, Use(.earlierClearer, cue: index)) }
    }
    for word in knowledge.classifier.negationWords { add(word, Use(.negation)) }
    for word in knowledge.classifier.notNegations { add(word, Use(.notNegation)) }
    if audience == .customer {
      for word in knowledge.classifier.intensifiers {
        let punctuation = word.unicodeScalars.allSatisfy { !$0.properties.isAlphabetic }
        add(word, Use(punctuation ? .punctuationIntensifier : .intensifier))
      }
    }
    var useStart: [Int32] = [0]
    for list in uses { useStart.append(useStart.last! + Int32(list.count)) }
    return Index(automaton: AhoCorasick(patterns: patterns), uses: uses.flatMap { $0.map(\.bits) }, useStart: useStart)
  }

  private struct Candidate {
    var cue: Int
    var slot: Int
    var start: Int
    var end: Int
    /// Cue, then start, then the longer first, in one integer: what the candidates are sorted by
    /// in texts of fewer than 2²⁸ characters (`orderFits`). A phrase over 4 095 characters sorts as
    /// if it were that long.
    var order: UInt64 {
      UInt64(truncatingIfNeeded: cue) << 40 | UInt64(truncatingIfNeeded: start) << 12 | UInt64(4095 - min(end - start, 4095))
    }
  }

  /// Runs every cue over the folded text. Each cue fires at most once: at its leftmost (then
  /// longest) surviving match for `any`, at its leftmost tightest span for `all`.
  public func match(_ text: NormalizedText) -> CueHits {
    var candidates: [Candidate] = []
    var excepts: [(cue: Int, start: Int, end: Int)] = []
    var followers: [(cue: Int, start: Int)] = []
    var precursors: [(cue: Int, end: Int)] = []
    var clearers: [(cue: Int, start: Int)] = []
    var earlierClearers: [(cue: Int, end: Int)] = []
    var negations: [(start: Int, end: Int)] = []
    var notNegations: [(start: Int, end: Int)] = []
    var hits = CueHits()
    // Two passes over what the automaton found. The first notes, for each cue, which of its
    // slots occurred; the second keeps only the phrases of cues that can fire (an `any` cue with
    // a phrase, an `all` cue with every slot: most have only some, a `$staff` word alone) and
    // their `except:`, `not_followed_by:` … phrases, before any sorting or checking.
    var found: [(pattern: Int, start: Int, end: Int)] = []
    found.reserveCapacity(128)
    var slotsSeen = [UInt64](repeating: 0, count: rules.count)
    let uses = index.uses
    let useStart = index.useStart
    let folded = text.scalars
    index.automaton.scan(folded) { pattern, start, end in
      if Self.splitsAWord(folded, start, end) { return }
      found.append((pattern, start, end))
      for position in Int(useStart[pattern])..<Int(useStart[pattern + 1]) {
        let use = Use(bits: uses[position])
        if use.kind == .phrase { slotsSeen[use.cue] |= 1 << UInt64(min(use.slot, 63)) }
      }
    }
    func canFire(_ cue: Int) -> Bool {
      rules[cue].any ? slotsSeen[cue] != 0 : slotsSeen[cue] == Self.slotMask(rules[cue].slots)
    }
    for (pattern, start, end) in found {
      for position in Int(useStart[pattern])..<Int(useStart[pattern + 1]) {
        let use = Use(bits: uses[position])
        let cue = use.cue
        switch use.kind {
        case .phrase: if canFire(cue) { candidates.append(Candidate(cue: cue, slot: use.slot, start: start, end: end)) }
        case .except: if canFire(cue) { excepts.append((cue, start, end)) }
        case .follower: if canFire(cue) { followers.append((cue, start)) }
        case .precursor: if canFire(cue) { precursors.append((cue, end)) }
        case .clearer: if canFire(cue) { clearers.append((cue, start)) }
        case .earlierClearer: if canFire(cue) { earlierClearers.append((cue, end)) }
        case .negation: negations.append((start, end))
        case .notNegation: notNegations.append((start, end))
        case .intensifier, .punctuationIntensifier:
          if start >= (hits.intensifiers.last?.end ?? 0) {
            hits.intensifiers.append((start, end, use.kind == .punctuationIntensifier))
          }
        }
      }
    }
    guard !candidates.isEmpty else { return hits }

    // Every check below is a binary search or a bounded scan, so a megabyte-long line full of
    // matches stays linear-logarithmic.
    let scalars = text.scalars
    /// 发不发, 有没有, 愿不愿意: a one-character negation between two equal characters asks a
    /// question (A-not-A) instead of negating.
    func asksAQuestion(_ negation: (start: Int, end: Int)) -> Bool {
      negation.end - negation.start == 1 && negation.start > 0 && negation.end < scalars.count
        && scalars[negation.start - 1] == scalars[negation.end]
    }
    let negationEnds = negations.isEmpty ? [] : negations.filter { negation in
      !asksAQuestion(negation) && !notNegations.contains { $0.start <= negation.start && $0.end >= negation.end }
    }.map(\.end).sorted()
    // Excepts sorted by (cue, start): a cue's spans are one contiguous run.
    excepts.sort { ($0.cue, $0.start) < ($1.cue, $1.start) }
    followers.sort { ($0.cue, $0.start) < ($1.cue, $1.start) }
    precursors.sort { ($0.cue, $0.end) < ($1.cue, $1.end) }
    clearers.sort { ($0.cue, $0.start) < ($1.cue, $1.start) }
    earlierClearers.sort { ($0.cue, $0.end) < ($1.cue, $1.end) }
    let opening = text.scalars.firstIndex { !TextNormalizer.isSpaceOrPunctuation($0) } ?? 0

    func negated(_ candidate: Candidate) -> Bool {
      // The last negation ending at or before the candidate's start, if close enough and in the same clause.
      var index = partition(negationEnds.count) { negationEnds[$0] <= candidate.start } - 1
      while index >= 0, candidate.start - negationEnds[index] <= negationWindow {
        let end = negationEnds[index]
        if !text.scalars[end..<candidate.start].contains(where: TextNormalizer.isClausePunctuation) { return true }
        index -= 1
      }
      return false
    }
    func excepted(_ candidate: Candidate) -> Bool {
      guard !excepts.isEmpty else { return false }
      // Look back from the candidate's place over the few spans of its cue that could contain it.
      var index = partition(excepts.count) { (excepts[$0].cue, excepts[$0].start) <= (candidate.cue, candidate.start) } - 1
      while index >= 0, excepts[index].cue == candidate.cue, candidate.start - excepts[index].start <= 64 {
        if excepts[index].end >= candidate.end { return true }
        index -= 1
      }
      return false
    }
    /// Whether a phrase of `list` (sorted by cue, start) for this cue starts within `window`
    /// characters after the match, with no `stop` punctuation in between.
    func isFollowed(
      _ candidate: Candidate, by list: [(cue: Int, start: Int)], within window: Int, stop: (UInt32) -> Bool
    ) -> Bool {
      guard !list.isEmpty else { return false }
      let low = partition(list.count) { (list[$0].cue, list[$0].start) < (candidate.cue, candidate.end) }
      guard low < list.count, list[low].cue == candidate.cue else { return false }
      let start = list[low].start
      return start - candidate.end <= window && !text.scalars[candidate.end..<start].contains(where: stop)
    }
    /// Whether a phrase of `list` (sorted by cue, end) for this cue ends within `window`
    /// characters before the match, with no `stop` punctuation in between.
    func isPreceded(
      _ candidate: Candidate, by list: [(cue: Int, end: Int)], within window: Int, stop: (UInt32) -> Bool
    ) -> Bool {
      guard !list.isEmpty else { return false }
      let nearest = partition(list.count) { (list[$0].cue, list[$0].end) <= (candidate.cue, candidate.start) } - 1
      guard nearest >= 0, list[nearest].cue == candidate.cue else { return false }
      let end = list[nearest].end
      return candidate.start - end <= window && !text.scalars[end..<candidate.start].contains(where: stop)
    }
    var anyNegated = false
    func survives(_ candidate: Candidate) -> Bool {
      let rule = rules[candidate.cue]
      if rule.atStart, candidate.start > opening { return false }
      // A negation counts only within the same clause: no punctuation between it and the cue.
      if rule.negatable, negated(candidate) {
        anyNegated = true
        return false
      }
      return !excepted(candidate)
        && !isPreceded(candidate, by: precursors, within: Cue.followWindow, stop: TextNormalizer.isClausePunctuation)
        && !isPreceded(candidate, by: earlierClearers, within: rule.clearedWithin, stop: TextNormalizer.isSentencePunctuation)
        && !isFollowed(candidate, by: followers, within: Cue.followWindow, stop: TextNormalizer.isClausePunctuation)
        && !isFollowed(candidate, by: clearers, within: rule.clearedWithin, stop: TextNormalizer.isSentencePunctuation)
    }

    if text.count < Self.orderFits {
      candidates.sort { $0.order < $1.order }
    } else {
      candidates.sort { ($0.cue, $0.start, -$0.end) < ($1.cue, $1.start, -$1.end) }
    }
    var index = 0
    while index < candidates.count {
      var next = index
      while next < candidates.count, candidates[next].cue == candidates[index].cue { next += 1 }
      let cue = candidates[index].cue
      let rule = rules[cue]
      anyNegated = false
      var fired = false
      if rule.any {
        if let first = candidates[index..<next].first(where: survives) {
          hits.fired.append(FiredCue(cue: cue, start: first.start, end: first.end))
          fired = true
        }
      } else {
        let surviving = candidates[index..<next].filter(survives)
        if let span = tightestSpan(surviving, slots: rule.slots, within: rule.within, ordered: rule.ordered) {
          hits.fired.append(FiredCue(cue: cue, start: span.lowerBound, end: span.upperBound))
          fired = true
        }
      }
      if !fired, anyNegated { hits.negated.append(cue) }
      index = next
    }
    return hits
  }

  /// Whether the match `start..<end` begins or ends inside a run of Latin letters or of digits:
  /// 12345 in the phone number 13912345678, app in happy. A phrase is a word there, as Chinese
  /// characters are not; 5G套餐 and wifi6 still match (a digit beside a letter is a boundary).
  @inline(__always)
  static func splitsAWord(_ scalars: [UInt32], _ start: Int, _ end: Int) -> Bool {
    (start > 0 && Self.sameRun(scalars[start - 1], scalars[start]))
      || (end < scalars.count && Self.sameRun(scalars[end - 1], scalars[end]))
  }

  /// Both ASCII digits, or both ASCII letters (the text is folded: lower case, half width).
  @inline(__always)
  private static func sameRun(_ a: UInt32, _ b: UInt32) -> Bool {
    (TextNormalizer.isDigit(a) && TextNormalizer.isDigit(b)) || (TextNormalizer.isLetter(a) && TextNormalizer.isLetter(b))
  }

  /// The first index in `0..<count` where `before` turns false (it must be true, then false).
  @inline(__always)
  private func partition(_ count: Int, _ before: (Int) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let mid = (low + high) / 2
      if before(mid) { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Texts shorter than this have every start within `Candidate.order`'s 28 bits.
  private static let orderFits = 1 << 28

  /// One bit per slot (slots past 63 share the last bit).
  @inline(__always)
  private static func slotMask(_ slots: Int) -> UInt64 { slots >= 64 ? .max : (1 << UInt64(slots)) - 1 }

  /// The leftmost shortest span holding one occurrence of every slot (in slot order when
  /// `ordered`, each after the previous one ends), if it fits in `within`.
  private func tightestSpan(_ sorted: [Candidate], slots: Int, within: Int, ordered: Bool) -> Range<Int>? {
    var best: Range<Int>?
    let all = Self.slotMask(slots)
    for left in sorted.indices {
      if ordered {
        if let span = orderedSpan(sorted, from: left, slots: slots, within: within),
          span.count < (best?.count ?? Int.max)
        {
          best = span
        }
        continue
      }
      var seen: UInt64 = 0  // one bit per slot: no allocation
      var end = 0
      for right in left..<sorted.count {
        if sorted[right].start - sorted[left].start > within { break }  // too far: bounded scan
        seen |= 1 << UInt64(min(sorted[right].slot, 63))
        end = max(end, sorted[right].end)
        if seen == all {
          let span = sorted[left].start..<end
          if span.count <= within, span.count < (best?.count ?? Int.max) { best = span }
          break
        }
      }
    }
    return best
  }

  /// The span that starts with slot 0 at `left` and meets the other slots in order, each after
  /// the previous one ends, if it fits. For each slot it takes the occurrence that ends first
  /// (门口等她 rather than 门口等她出来), which gives the shortest such span.
  private func orderedSpan(_ sorted: [Candidate], from left: Int, slots: Int, within: Int) -> Range<Int>? {
    guard sorted[left].slot == 0 else { return nil }
    let origin = sorted[left].start
    var end = sorted[left].end
    for slot in 1..<max(1, slots) {
      var earliestEnd = Int.max
      var index = left + 1
      // Sorted by start: once a start reaches the best end so far, nothing later ends sooner.
      while index < sorted.count, sorted[index].start - origin <= within, sorted[index].start < earliestEnd {
        if sorted[index].slot == slot, sorted[index].start >= end { earliestEnd = min(earliestEnd, sorted[index].end) }
        index += 1
      }
      guard earliestEnd != Int.max else { return nil }
      end = earliestEnd
    }
    let span = origin..<end
    return span.count <= within ? span : nil
  }
}
