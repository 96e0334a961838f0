import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-sdk [OPTIONS]` runs `sdkgen generate` in the
/// package's folder with the options given, the same as the command line's: so the package's `sdkgen.yaml`, if
/// any, is read as the command line reads it, to regenerate checked-in sources.
@main
struct GenerateSDK: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        let process = Process()
        process.executableURL = try context.tool(named: "sdkgen").url
        process.arguments = ["generate"] + arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            Diagnostics.error("sdkgen generate failed (exit status \(process.terminationStatus)); its messages are above")
            throw GenerateSDKFailed()
        }
    }
}

struct GenerateSDKFailed: Error {}
