import Foundation
import PackagePlugin

// Shared by both plugins (Plugins/GenerateSDK links to this file), as plugins cannot depend on a library.

/// sdkgen's own templates, in the package that provides this plugin.
func sdkgenTemplates(_ context: PluginContext) -> URL {
    var pending = [context.package]
    var seen: Set<String> = []
    while let package = pending.popLast() {
        if package.displayName == "sdkgen" {
            return package.directoryURL.appending(path: "Templates")
        }
        for dependency in package.dependencies where seen.insert(dependency.package.id).inserted {
            pending.append(dependency.package)
        }
    }
    // The plugin's sources sit in sdkgen's Plugins/SDKGenPlugin/ folder.
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Templates")
}
