import SDKGenBase
import SDKGenView

/// A line-based unified diff (`diff -u` format), computed with Myers' O(ND) algorithm.
public enum UnifiedDiff {
    private enum Edit: Equatable {
        case keep(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// The diff from `old` to `new`, or an empty string when they are equal.
    public static func make(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        guard old != new else { return "" }
        let a = lines(old), b = lines(new)
        let edits = script(a, b)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        // Group the edits into hunks: changes with up to `context` unchanged lines around them.
        var index = 0
        while index < edits.count {
            guard let firstChange = edits[index...].firstIndex(where: { if case .keep = $0 { return false }; return true }) else { break }
            let start = max(index, firstChange - context)
            var end = firstChange
            var lastChange = firstChange
            while end < edits.count {
                if case .keep = edits[end] {
                    if end - lastChange > 2 * context { break }
                } else {
                    lastChange = end
                }
                end += 1
            }
            let stop = min(edits.count, lastChange + context + 1)
            output += hunk(edits[start..<stop], a, b)
            index = stop
        }
        return output
    }

    private static func hunk(_ edits: ArraySlice<Edit>, _ a: [Substring], _ b: [Substring]) -> String {
        var oldStart = 0, newStart = 0, oldCount = 0, newCount = 0
        var body = ""
        for (offset, edit) in edits.enumerated() {
            switch edit {
            case .keep(let i, let j):
                if offset == 0 { oldStart = i; newStart = j }
                oldCount += 1; newCount += 1
                body += " \(a[i])\n"
            case .delete(let i):
                if offset == 0 { oldStart = i; newStart = position(after: edits, in: b) }
                oldCount += 1
                body += "-\(a[i])\n"
            case .insert(let j):
                if offset == 0 { newStart = j; oldStart = position(before: edits, in: a) }
                newCount += 1
                body += "+\(b[j])\n"
            }
        }
        let oldRange = oldCount == 0 ? "\(oldStart),0" : "\(oldStart + 1),\(oldCount)"
        let newRange = newCount == 0 ? "\(newStart),0" : "\(newStart + 1),\(newCount)"
        return "@@ -\(oldRange) +\(newRange) @@\n" + body
    }

    /// Where a hunk that opens with deletions starts in the new file.
    private static func position(after edits: ArraySlice<Edit>, in b: [Substring]) -> Int {
        for edit in edits {
            switch edit {
            case .keep(_, let j), .insert(let j): return j
            case .delete: continue
            }
        }
        return b.count
    }

    /// Where a hunk that opens with insertions starts in the old file.
    private static func position(before edits: ArraySlice<Edit>, in a: [Substring]) -> Int {
        for edit in edits {
            switch edit {
            case .keep(let i, _), .delete(let i): return i
            case .insert: continue
            }
        }
        return a.count
    }

    private static func lines(_ text: String) -> [Substring] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The shortest edit script from `a` to `b`.
    private static func script(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count, m = b.count
        let max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        let offset = max + 1
        search: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n, y >= m { break search }
            }
        }
        // Walk the trace back from the end to recover the edits.
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1; y -= 1
                edits.append(.keep(x, y))
            }
            if d > 0 {
                if x == previousX { y -= 1; edits.append(.insert(y)) } else { x -= 1; edits.append(.delete(x)) }
            }
        }
        return edits.reversed()
    }
}
