// The ModelGates SDK is generated into this module at build time by sdkgen's SDKGenPlugin, from openapi.yaml
// and sdkgen.yaml beside this file. SwiftPM only builds a target that has a source file of its own: this one.
