/// An Aho–Corasick automaton over Unicode scalars: finds every occurrence of every pattern in
/// one left-to-right pass, whatever the number of patterns.
///
/// Scalars that occur in no pattern map to symbol 0 and send the scan straight back to the
/// root, so ordinary text costs one table lookup per character. The tables are laid out for the
/// scan, which is bound by memory latency: what one step needs of a state (its row of children,
/// its failure link, its outputs) sits in one record, and a row's children in one array.
public struct AhoCorasick: Codable, Sendable {
  /// Symbol of each BMP scalar (0: in no pattern).
  private let bmpSymbols: [UInt16]
  private let otherSymbols: [UInt32: UInt16]
  /// Goto from the root, dense.
  private let rootTransitions: [Int32]
  /// One record of `Self.stride` per state, and one more closing the last:
  /// (first child in `edges`, failure state, first pattern in `outputs`, unused). A state's
  /// children and outputs end where the next record's begin.
  private let records: [Int32]
  /// The children of every non-root state, row after row, each `symbol << 32 | child` and sorted
  /// by symbol within its row.
  private let edges: [UInt64]
  /// Per state, every pattern that ends there: its own, then those of its failure chain, longest first.
  private let outputs: [Int32]
  public let patternLengths: [Int]

  private static let stride = 4

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

    // Each state's outputs, flattened: its own pattern, then those along its output links.
    let stateCount = patternAt.count
    var outputs: [Int32] = []
    var records = [Int32](repeating: 0, count: (stateCount + 1) * Self.stride)
    for state in 0...stateCount {
      let record = state * Self.stride
      records[record] = childStart[state]
      records[record + 2] = Int32(outputs.count)
      guard state < stateCount else { break }
      records[record + 1] = failure[state]
      var output = patternAt[state] >= 0 ? Int32(state) : outputLink[state]
      while output >= 0 {
        outputs.append(patternAt[Int(output)])
        output = outputLink[Int(output)]
      }
    }
    self.bmpSymbols = bmp
    self.otherSymbols = other
    self.rootTransitions = rootTransitions
    self.records = records
    self.edges = zip(childSymbols, childStates).map { UInt64($0) << 32 | UInt64(UInt32(bitPattern: $1)) }
    self.outputs = outputs
    self.patternLengths = patterns.map(\.count)
  }

  /// Calls `report(pattern, start, end)` for every occurrence, in order of `end` (then longest first).
  public func scan(_ text: [UInt32], _ report: (_ pattern: Int, _ start: Int, _ end: Int) -> Void) {
    bmpSymbols.withUnsafeBufferPointer { bmp in
      rootTransitions.withUnsafeBufferPointer { root in
        records.withUnsafeBufferPointer { records in
          edges.withUnsafeBufferPointer { edges in
            outputs.withUnsafeBufferPointer { outputs in
              var state = 0
              for position in 0..<text.count {
                let value = text[position]
                let symbol = value < 0x10000 ? Int(bmp[Int(value)]) : Int(otherSymbols[value] ?? 0)
                if symbol == 0 {
                  state = 0
                  continue
                }
                while true {
                  if state == 0 {
                    state = Int(root[symbol])
                    break
                  }
                  let record = state &* Self.stride
                  if let next = Self.child(edges, from: Int(records[record]), to: Int(records[record &+ Self.stride]), symbol) {
                    state = next
                    break
                  }
                  state = Int(records[record &+ 1])
                }
                if state == 0 { continue }
                let record = state &* Self.stride
                for index in Int(records[record &+ 2])..<Int(records[record &+ Self.stride &+ 2]) {
                  let pattern = Int(outputs[index])
                  report(pattern, position + 1 - patternLengths[pattern], position + 1)
                }
              }
            }
          }
        }
      }
    }
  }

  /// The child on `symbol` among `edges[from..<to]` (one state's row, sorted): a binary search,
  /// most rows have one or two.
  @inline(__always)
  private static func child(_ edges: UnsafeBufferPointer<UInt64>, from: Int, to: Int, _ symbol: Int) -> Int? {
    var low = from
    var high = to
    let wanted = UInt64(symbol)
    while low < high {
      let mid = (low &+ high) >> 1
      let edge = edges[mid]
      let found = edge >> 32
      if found == wanted { return Int(UInt32(truncatingIfNeeded: edge)) }
      if found < wanted { low = mid &+ 1 } else { high = mid }
    }
    return nil
  }
}

extension AhoCorasick {
  /// The goto function while the automaton is built, compressed by rows: state `s`'s children
  /// are `symbols[start[s]..<start[s + 1]]` (sorted) with `states` beside them.
  struct Rows {
    let start: [Int32]
    let symbols: [UInt16]
    let states: [Int32]

    /// The child of `state` on `symbol`: a binary search of its row.
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
