/// An Aho–Corasick automaton over Unicode scalars: finds every occurrence of every pattern in
/// one left-to-right pass, whatever the number of patterns.
///
/// Scalars that occur in no pattern map to symbol 0 and send the scan straight back to the
/// root, so ordinary text costs one table lookup per character.
public struct AhoCorasick: Codable, Sendable {
  /// Symbol of each BMP scalar (0: in no pattern).
  private let bmpSymbols: [UInt16]
  private let otherSymbols: [UInt32: UInt16]
  /// Goto function of the non-root states.
  private let rows: Rows
  /// Goto from the root, dense.
  private let rootTransitions: [Int32]
  private let failure: [Int32]
  /// Pattern whose text is exactly this state's string, or -1.
  private let patternAt: [Int32]
  /// Nearest state on the failure chain that ends a pattern, or -1.
  private let outputLink: [Int32]
  public let patternLengths: [Int]

  public var patternCount: Int { patternLengths.count }

  /// Builds the automaton. Pattern ids are the indices in `patterns`; empty patterns never match.
  public init(patterns: [[UInt32]]) {
    let totalLength = patterns.reduce(0) { $0 + $1.count }
    var symbolOf: [UInt32: UInt16] = [:]
    symbolOf.reserveCapacity(4096)
    for pattern in patterns {
      for value in pattern where symbolOf[value] == nil { symbolOf[value] = UInt16(symbolOf.count + 1) }
    }
    precondition(symbolOf.count < Int(UInt16.max), "too many distinct characters in cue phrases")
    var bmp = [UInt16](repeating: 0, count: 0x10000)
    var other: [UInt32: UInt16] = [:]
    for (value, symbol) in symbolOf {
      if value < 0x10000 { bmp[Int(value)] = symbol } else { other[value] = symbol }
    }
    let alphabet = symbolOf.count + 1

    // The trie, keyed by `state * alphabet + symbol` while it grows.
    var transitions: [Int: Int32] = [:]
    transitions.reserveCapacity(totalLength)
    var patternAt: [Int32] = [-1]
    patternAt.reserveCapacity(totalLength + 1)
    for (id, pattern) in patterns.enumerated() where !pattern.isEmpty {
      var state = 0
      for value in pattern {
        let symbol = value < 0x10000 ? Int(bmp[Int(value)]) : Int(other[value]!)
        let key = state * alphabet + symbol
        if let next = transitions[key] {
          state = Int(next)
        } else {
          patternAt.append(-1)
          transitions[key] = Int32(patternAt.count - 1)
          state = patternAt.count - 1
        }
      }
      if patternAt[state] == -1 { patternAt[state] = Int32(id) }
    }

    // Compressed rows, sorted by state then symbol: the goto function from here on.
    let edges = transitions.map { (key: $0.key, next: $0.value) }.sorted { $0.key < $1.key }
    var childStart = [Int32](repeating: 0, count: patternAt.count + 1)
    var childSymbols = [UInt16](repeating: 0, count: edges.count)
    var childStates = [Int32](repeating: 0, count: edges.count)
    for (index, edge) in edges.enumerated() {
      childStart[edge.key / alphabet + 1] += 1
      childSymbols[index] = UInt16(edge.key % alphabet)
      childStates[index] = edge.next
    }
    for state in 0..<patternAt.count { childStart[state + 1] += childStart[state] }
    let rows = Rows(start: childStart, symbols: childSymbols, states: childStates)
    self.rows = rows

    var rootTransitions = [Int32](repeating: 0, count: alphabet)
    for index in Int(childStart[0])..<Int(childStart[1]) { rootTransitions[Int(childSymbols[index])] = childStates[index] }

    var failure = [Int32](repeating: 0, count: patternAt.count)
    var outputLink = [Int32](repeating: -1, count: patternAt.count)
    var queue = Array(childStates[Int(childStart[0])..<Int(childStart[1])])
    queue.reserveCapacity(patternAt.count)
    var head = 0
    while head < queue.count {
      let state = Int(queue[head])
      head += 1
      for index in Int(childStart[state])..<Int(childStart[state + 1]) {
        let symbol = Int(childSymbols[index])
        let child = childStates[index]
        var fallback = Int(failure[state])
        var target: Int32 = 0
        while true {
          let next =
            fallback == 0
            ? nonZero(rootTransitions[symbol]) : rows.child(of: fallback, symbol)
          if let next {
            target = next
            break
          }
          if fallback == 0 { break }
          fallback = Int(failure[fallback])
        }
        failure[Int(child)] = target
        outputLink[Int(child)] = patternAt[Int(target)] >= 0 ? target : outputLink[Int(target)]
        queue.append(child)
      }
    }

    self.bmpSymbols = bmp
    self.otherSymbols = other
    self.rootTransitions = rootTransitions
    self.failure = failure
    self.patternAt = patternAt
    self.outputLink = outputLink
    self.patternLengths = patterns.map(\.count)
  }

  /// Calls `report(pattern, start, end)` for every occurrence, in order of `end`.
  public func scan(_ text: [UInt32], _ report: (_ pattern: Int, _ start: Int, _ end: Int) -> Void) {
    var state = 0
    for position in 0..<text.count {
      let value = text[position]
      let symbol = value < 0x10000 ? Int(bmpSymbols[Int(value)]) : Int(otherSymbols[value] ?? 0)
      if symbol == 0 {
        state = 0
        continue
      }
      while true {
        if state == 0 {
          state = Int(rootTransitions[symbol])
          break
        }
        if let next = rows.child(of: state, symbol) {
          state = Int(next)
          break
        }
        state = Int(failure[state])
      }
      if state == 0 { continue }
      var output = patternAt[state] >= 0 ? Int32(state) : outputLink[state]
      while output >= 0 {
        let pattern = Int(patternAt[Int(output)])
        report(pattern, position + 1 - patternLengths[pattern], position + 1)
        output = outputLink[Int(output)]
      }
    }
  }
}

extension AhoCorasick {
  /// The goto function compressed by rows: state `s`'s children are
  /// `symbols[start[s]..<start[s + 1]]` (sorted) with `states` beside them.
  struct Rows: Codable, Sendable {
    let start: [Int32]
    let symbols: [UInt16]
    let states: [Int32]

    /// The child of `state` on `symbol`: a binary search of its row (most have one or two).
    @inline(__always)
    func child(of state: Int, _ symbol: Int) -> Int32? {
      var low = Int(start[state])
      var high = Int(start[state + 1])
      while low < high {
        let mid = (low + high) / 2
        let found = Int(symbols[mid])
        if found == symbol { return states[mid] }
        if found < symbol { low = mid + 1 } else { high = mid }
      }
      return nil
    }
  }
}

private func nonZero(_ value: Int32) -> Int32? { value == 0 ? nil : value }
