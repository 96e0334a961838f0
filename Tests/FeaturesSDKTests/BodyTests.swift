import FeaturesSDK
import Foundation
import Testing

@Suite("Request bodies")
struct BodyTests {
    static let echo = #"{"value":"ok"}"#

    @Test("a multipart body has a part per field and file, with file names and media types")
    func multipart() async throws {
        try await TestServer.with({ _ in .json(201, Self.echo) }) { server in
            let pdf = Data([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x0D, 0x0A])
            _ = try await server.client().bodies.uploadFile(body: UploadFileRequest(
                file: MultipartFile(filename: "report \"final\".pdf", contentType: "application/pdf", data: pdf),
                purpose: "assistants",
                labels: ["a", "b"],
                attachments: [MultipartFile(filename: "1.txt", contentType: "text/plain", data: Data("one".utf8))],
                metadata: Point(x: 3, y: 4)
            ))
            let request = try await server.request
            let parts = try MultipartPart.parse(request.body, contentType: request.header("Content-Type"))
            #expect(parts == [
                MultipartPart(name: "file", filename: "report %22final%22.pdf", contentType: "application/pdf", body: pdf),
                MultipartPart(name: "purpose", body: Data("assistants".utf8)),
                MultipartPart(name: "labels", body: Data("a".utf8)),
                MultipartPart(name: "labels", body: Data("b".utf8)),
                MultipartPart(name: "attachments", filename: "1.txt", contentType: "text/plain", body: Data("one".utf8)),
                MultipartPart(name: "metadata", contentType: "application/json", body: Data(#"{"x":3,"y":4}"#.utf8)),
            ])
        }
    }

    @Test("optional multipart fields that are nil add no part")
    func multipartOptionalFields() async throws {
        try await TestServer.with({ _ in .json(201, Self.echo) }) { server in
            _ = try await server.client().bodies.uploadFile(body: UploadFileRequest(
                file: MultipartFile(filename: "a.bin", data: Data([1, 2, 3])),
                purpose: "p"
            ))
            let request = try await server.request
            let parts = try MultipartPart.parse(request.body, contentType: request.header("Content-Type"))
            #expect(parts.map(\.name) == ["file", "purpose"])
            #expect(parts[0].contentType == "application/octet-stream")
        }
    }

    @Test("a multipart body whose schema names no parts sends the caller's, text fields and files, in the order of their names")
    func multipartFreeFormParts() async throws {
        try await TestServer.with({ _ in .empty(204) }) { server in
            let pem = Data("-----BEGIN CERTIFICATE-----\n".utf8)
            try await server.client().bodies.uploadParts(body: [
                "certificate": .file(MultipartFile(filename: "cert.pem", contentType: "application/x-pem-file", data: pem)),
                "note": "renewed",
                "label": .text("a \"quoted\" label"),
            ])
            let request = try await server.request
            let parts = try MultipartPart.parse(request.body, contentType: request.header("Content-Type"))
            #expect(parts == [
                MultipartPart(name: "certificate", filename: "cert.pem", contentType: "application/x-pem-file", body: pem),
                MultipartPart(name: "label", body: Data("a \"quoted\" label".utf8)),
                MultipartPart(name: "note", body: Data("renewed".utf8)),
            ])
        }
    }

    @Test("an operation named self is called as any other, with and without options")
    func operationNamedSelf() async throws {
        try await TestServer.with({ _ in .empty(204) }) { server in
            try await server.client().bodies.`self`(fields: "name")
            let request = try await server.request
            #expect(request.method == "GET")
            #expect(request.path.hasSuffix("/me"))
            #expect(request.rawQuery == "fields=name")
        }
    }

    @Test("a form body is URL-encoded: arrays repeat, objects become name[property]")
    func formBody() async throws {
        try await TestServer.with({ _ in .json(200, Self.echo) }) { server in
            _ = try await server.client().bodies.createToken(
                body: TokenRequest(grantType: "client credentials", scope: ["read", "write&more"], client: Filter(color: "red"))
            )
            let request = try await server.request
            #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
            #expect(request.bodyText == "client%5Bcolor%5D=red&grant_type=client%20credentials&scope=read&scope=write%26more")
        }
    }

    @Test("a text body is sent as UTF-8; an absent optional body sends no body and no Content-Type")
    func textBody() async throws {
        try await TestServer.with({ _ in .empty(204) }) { server in
            let client = server.client()
            try await client.bodies.putNote(body: "Grüße\n")
            try await client.bodies.putNote()
            let requests = await server.requests
            #expect(requests[0].header("Content-Type") == "text/plain")
            #expect(requests[0].bodyText == "Grüße\n")
            #expect(requests[1].header("Content-Type") == nil)
            #expect(requests[1].body.isEmpty)
        }
    }

    @Test("a binary body is sent as it is")
    func binaryBody() async throws {
        try await TestServer.with({ _ in .empty(204) }) { server in
            let bytes = Data((0...255).map(UInt8.init))
            try await server.client().bodies.putBlob(body: bytes)
            let request = try await server.request
            #expect(request.method == "PUT")
            #expect(request.header("Content-Type") == "application/octet-stream")
            #expect(request.body == bytes)
        }
    }

    @Test("a JSON body is encoded with its wire names, and the plain variant sends stream: false")
    func jsonBody() async throws {
        try await TestServer.with({ _ in .json(200, #"{"text":"Paris"}"#) }) { server in
            let completion = try await server.client().responses.createCompletion(
                body: CompletionRequest(prompt: "Capital of France?", stream: true)
            )
            #expect(completion.text == "Paris")
            let request = try await server.request
            #expect(request.header("Content-Type") == "application/json")
            let body = try JSONSerialization.jsonObject(with: request.body) as? [String: Any]
            #expect(body?["prompt"] as? String == "Capital of France?")
            #expect(body?["stream"] as? Bool == false)
        }
    }
}
