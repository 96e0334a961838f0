import SDKGenCore
import Testing

@Suite struct UnifiedDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.make(old: "a\nb\n", new: "a\nb\n", oldName: "a", newName: "b") == "")
    }

    @Test func aChangedLineIsOneHunkWithContext() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(UnifiedDiff.make(old: old, new: new, oldName: "a/f", newName: "b/f") == """
            --- a/f
            +++ b/f
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test func distantChangesAreSeparateHunks() {
        let old = (1...30).map { "\($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "\n2\n", with: "\ntwo\n").replacingOccurrences(of: "\n28\n", with: "\n28\n28b\n")
        let diff = UnifiedDiff.make(old: old, new: new, oldName: "a", newName: "b")
        #expect(diff.components(separatedBy: "@@ -").count == 3)
        #expect(diff.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n"))
        #expect(diff.contains("@@ -26,5 +26,6 @@\n 26\n 27\n 28\n+28b\n 29\n 30\n"))
    }

    @Test func aNewFileIsAllInsertions() {
        #expect(UnifiedDiff.make(old: "", new: "x\ny\n", oldName: "/dev/null", newName: "b/f") == "--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+x\n+y\n")
    }
}
