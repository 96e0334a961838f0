import Foundation
import Openrouter

/// `files.upload` (`POST /files`, multipart/form-data with a required binary `file`): the client sends the file as a
/// part with its name, media type and bytes untouched, puts the query parameters in the URL, and decodes the
/// documented response.
func checkFileUpload() async throws {
    // Bytes a careless encoder would damage: CR LF, NUL, 0xFF, and a line that looks like a boundary.
    let pdf = Data("%PDF-1.7\r\n".utf8) + Data([0x00, 0xFF, 0x0D, 0x0A]) + Data("--\r\n--boundary\r\n%%EOF\n".utf8)
    let workspace = "a103d8b6-42f0-4e50-9a3c-bf41e2c3c1a7"

    let uploaded = try await LoopbackServer.with({ _ in .json(documentedFileResponse) }) { server in
        let client = Openrouter(apiKey: "sk-or-test", serverURL: server.serverURL, retries: .disabled, timeout: 30)
        let uploaded = try await client.files.upload(
            body: UploadFileRequestBody(file: MultipartFile(filename: "document.pdf", contentType: "application/pdf", data: pdf)),
            workspaceID: workspace,
            provider: .openai
        )

        let request = try await server.request
        try expect(request.method, "POST", "method")
        try expect(request.path, LoopbackServer.basePath + "/files", "path")
        try expect(request.query, "workspace_id=\(workspace)&provider=openai", "query")
        try expect(request.header("Authorization"), "Bearer sk-or-test", "Authorization header")
        try expect(request.header("Accept"), "application/json", "Accept header")
        let parts = try MultipartPart.parse(request.body, contentType: request.header("Content-Type"))
        try expect(parts, [MultipartPart(name: "file", filename: "document.pdf", contentType: "application/pdf", body: pdf)],
                   "multipart parts")
        return uploaded
    }

    let expected = OpenRouterFile(
        shape: nil, createdAt: "2025-01-01T00:00:00Z", downloadable: false, filename: "document.pdf",
        id: "or_file_011CNha8iCJcU1wXNR6q4V8w", mimeType: "application/pdf", sizeBytes: 1_024_000, type: .file)
    try expect(uploaded, .openRouterFile(expected), "decoded response")
}

/// The operation's own example of its 200 response. It leaves out `_shape`, which each of FileResponse's three variants
/// requires; sdkgen reads that as the server leaving it out and declares it optional (with a warning), so the union
/// falls back to the first variant that decodes.
let documentedFileResponse = """
    {
      "created_at": "2025-01-01T00:00:00Z",
      "downloadable": false,
      "filename": "document.pdf",
      "id": "or_file_011CNha8iCJcU1wXNR6q4V8w",
      "mime_type": "application/pdf",
      "size_bytes": 1024000,
      "type": "file"
    }
    """
