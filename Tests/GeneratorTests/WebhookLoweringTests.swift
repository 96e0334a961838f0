import Foundation
import SDKGenCore
import Testing

/// Webhooks and callbacks beyond what the FeaturesSDK fixture shows: what cannot be typed is said once, where the
/// spec declares it.
@Suite(.serialized) struct WebhookLoweringTests {
    /// A 3.1 document of the Sample API with a server and `body` (its paths, webhooks and components).
    static func document(_ body: String) -> String {
        """
        openapi: 3.1.0
        info: {title: Sample API, version: '1'}
        servers: [{url: 'https://sample.example'}]
        \(body)
        """
    }

    @Test func whatAnEventCannotTypeIsOneLocatedWarningEach() async throws {
        let output = try await generateSample(Self.document("""
            paths:
              /a:
                post:
                  operationId: subscribe
                  callbacks:
                    onEvent:
                      '{$request.query.url}':
                        post:
                          requestBody: {content: {application/json: {schema: {type: object, properties: {n: {type: integer}}}}}}
                          responses: {'200': {description: ok}}
                  responses: {'204': {description: ok}}
              /b:
                post:
                  operationId: subscribeAgain
                  callbacks:
                    onEvent:
                      '{$request.query.url}':
                        post:
                          requestBody: {content: {application/json: {schema: {type: string}}}}
                          responses: {'200': {description: ok}}
                    shared: {$ref: '#/components/callbacks/Shared'}
                    missing: {$ref: '#/components/callbacks/Missing'}
                  responses: {'204': {description: ok}}
            webhooks:
              upload:
                post:
                  requestBody:
                    required: true
                    content:
                      multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}}
                  responses: {'200': {description: ok}}
                put:
                  responses: {'200': {description: ok}}
              mixed:
                post:
                  requestBody:
                    content:
                      application/x-www-form-urlencoded: {schema: {type: object}}
                      application/json: {schema: {type: object, properties: {a: {type: string}}}}
                  responses: {'200': {description: ok}}
            components:
              callbacks:
                Shared:
                  '{$request.query.url}':
                    post: {responses: {'200': {description: ok}}}
            """))
        #expect(output.diagnostics == [
            "spec.yaml:22:15: warning: callback 'onEvent' of subscribeAgain has another payload than the earlier event of the same name; `decode(event:headers:body:)` reads 'onEvent' as the first one",
            "spec.yaml:25:25: warning: callback 'missing' is a reference ('#/components/callbacks/Missing'), which sdkgen cannot follow; it gets no payload type",
            "spec.yaml:33:11: warning: the multipart/form-data body of webhook 'upload' is not decoded: its case carries the raw bytes",
            "spec.yaml:36:7: warning: webhook 'upload' also declares PUT upload; only its first operation is decoded as the event 'upload'",
            "spec.yaml:42:11: warning: the body of webhook 'mixed' can also be application/x-www-form-urlencoded; it is decoded as application/json only",
        ])
        let webhooks = try #require(output.files["Sample/SampleWebhook.swift"])
        #expect(webhooks.contains("    case upload(Data)\n"))
        #expect(webhooks.contains("    case mixed(MixedPayload?)\n"))
        #expect(webhooks.contains("    case onEvent(OnEventPayload?)\n"))
        // A callback written as a `$ref` to `#/components/callbacks` is the callback it names.
        #expect(webhooks.contains(#"public static let eventNames: [String] = ["upload", "mixed", "onEvent", "shared"]"#))
    }

    @Test func aCallbackSeveralOperationsDeclareIsOneEventAndAnAPIWithoutAnyHasNoWebhookEnum() async throws {
        let callback = """
            callbacks:
                    done:
                      '{$request.body#/url}':
                        post:
                          requestBody: {required: true, content: {application/json: {schema: {$ref: '#/components/schemas/Payment'}}}}
                          responses: {'200': {description: ok}}
            """
        let output = try await generateSample(Self.document("""
            paths:
              /a:
                post:
                  operationId: a
                  \(callback)
                  responses: {'204': {description: ok}}
              /b:
                post:
                  operationId: b
                  \(callback)
                  responses: {'204': {description: ok}}
            components:
              schemas:
                Payment: {type: object, properties: {id: {type: string}}}
            """))
        #expect(output.diagnostics.isEmpty)
        let webhooks = try #require(output.files["Sample/SampleWebhook.swift"])
        #expect(webhooks.contains("    case done(Payment)\n"))
        #expect(webhooks.contains(#"public static let eventNames: [String] = ["done"]"#))

        let plain = try await generateSample(Self.document("""
            paths:
              /a: {get: {operationId: a, responses: {'204': {description: ok}}}}
            """))
        #expect(!plain.files.keys.contains { $0.hasSuffix("Webhook.swift") })
    }

    @Test func aFilterKeepsTheCallbacksOfItsOperationsAndTheWebhooksItNames() async throws {
        var options = SDKGenerator.Options(specPath: PackagePaths.root.appendingPathComponent("Tests/Fixtures/features.yaml").path,
                                           templatesPath: PackagePaths.templates, moduleName: "FeaturesSDK")
        options.filter = OperationFilter(operationIDs: ["createInvoice"])
        let configured = options
        let output = try await offTheCooperativePool { try SDKGenerator.generate(configured) }
        let webhooks = try #require(output.files.first { $0.path == "FeaturesSDK/FeaturesSDKWebhook.swift" }?.contents)
        #expect(webhooks.contains(#"public static let eventNames: [String] = ["invoiceStatus"]"#))
        // The callback's payload is reached through the kept operation; the webhooks' own payloads went with them.
        #expect(output.files.contains { $0.path == "FeaturesSDK/Models/InvoiceStatus.swift" })
        #expect(!output.files.contains { $0.path == "FeaturesSDK/Models/InvoiceVoidedPayload.swift" })
        #expect(!output.diagnostics.contains { $0.description.contains("filter") })
    }
}
