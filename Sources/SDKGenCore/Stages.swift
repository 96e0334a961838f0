// The library re-exports the pipeline's stages, so that `import SDKGenCore` is all a user of the library (the
// command-line tool, the plugins' tool, the tests) needs.
@_exported import SDKGenBase
@_exported import SDKGenDiff
@_exported import SDKGenEmit
@_exported import SDKGenJSONPath
@_exported import SDKGenModel
@_exported import SDKGenMustache
@_exported import SDKGenOpenAPI
@_exported import SDKGenView
@_exported import SDKGenYAML
