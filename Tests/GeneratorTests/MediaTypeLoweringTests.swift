import Foundation
import SDKGenCore
import Testing

/// Operations with several request or response media types beyond what the FeaturesSDK fixture shows: each media
/// type's function and its name, and how `sdkgen diff` tells them apart.
@Suite(.serialized) struct MediaTypeLoweringTests {
    @Test func everyMediaTypeGetsAFunctionNamedAfterIt() async throws {
        let output = try await generateSample(WebhookLoweringTests.document("""
            paths:
              /images:
                put:
                  operationId: putImage
                  requestBody:
                    required: true
                    content:
                      image/png: {schema: {type: string, format: binary}}
                      image/jpeg: {schema: {type: string, format: binary}}
                      application/json: {schema: {$ref: '#/components/schemas/Link'}}
                      application/vnd.sample+json: {schema: {$ref: '#/components/schemas/Link'}}
                  responses:
                    '200':
                      description: ok
                      content:
                        application/xml: {schema: {type: string}}
                        application/json: {schema: {$ref: '#/components/schemas/Link'}}
            components:
              schemas:
                Link: {type: object, properties: {url: {type: string}}}
            """))
        // Legal input: no warning, although the JSON media type repeating the first's schema adds no function.
        #expect(output.diagnostics.isEmpty)
        let api = try #require(output.files["Sample/APIs/DefaultAPI.swift"])
        let functions = api.split(separator: "\n").filter { $0.hasPrefix("    public func ") }.map { $0.dropFirst(16).prefix { $0 != "(" } }
        // Each binary body's function has an overload taking an `UploadBody`: in the protocol's extension its form
        // without options and its default collecting the body, in the struct the function itself.
        #expect(functions == ["putImage", "putImageXML"]
            + ["putImagePNG", "putImagePNG", "putImagePNG", "putImagePNGXML", "putImagePNGXML", "putImagePNGXML"]
            + ["putImageJPEG", "putImageJPEG", "putImageJPEG", "putImageJPEGXML", "putImageJPEGXML", "putImageJPEGXML"]
            + ["putImage", "putImageXML", "putImagePNG", "putImagePNG", "putImagePNGXML", "putImagePNGXML"]
            + ["putImageJPEG", "putImageJPEG", "putImageJPEGXML", "putImageJPEGXML"])
        #expect(api.contains("        body: UploadBody,\n        options: RequestOptions = RequestOptions()"))
        #expect(api.contains(#"request.setBody(body, contentType: "image/jpeg")"#))
        #expect(api.contains(#"request.addHeader("Accept", "application/xml")"#))
        #expect(api.contains("Sends the body as `application/json`; to send it as `image/png`, call"))
        // A link to a function sending `Data` names the body's type: its `UploadBody` overload has the same labels,
        // which DocC finds ambiguous.
        #expect(api.contains("call ``putImagePNG(body:options:)-(Data,_)``"))
        #expect(api.contains("`application/xml`, call ``putImagePNGXML(body:options:)-(Data,_)``"))
        #expect(api.contains("`application/xml`, call ``putImageXML(body:options:)``"))
    }

    @Test func aResponseMediaTypeAddedIsItsFunctionAdded() throws {
        let folder = DiffTests.fixtures.appendingPathComponent("response-media-type-added")
        let diff = try SDKGenerator.diff(old: .init(specPath: folder.appendingPathComponent("old.yaml").path, moduleName: "Pets"),
                                         new: .init(specPath: folder.appendingPathComponent("new.yaml").path, moduleName: "Pets"))
        #expect(diff.changes.map(\.kind) == [.operationAdded])
        #expect(diff.changes.map(\.classification) == [.compatible])
        #expect(diff.changes.map(\.symbol) == ["Pets.pets.getPetCSV(petID:)"])
    }
}
