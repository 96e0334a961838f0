import Foundation
import Openrouter

/// `chat.sendStream` (`POST /chat/completions`, `text/event-stream`): the client asks for a stream,
/// and yields each `data:` event as a decoded `ChatStreamChunk`, in order, as it arrives, until `data: [DONE]`.
func checkChatCompletionStream() async throws {
    let firstChunkReceived = Signal()
    let gateOpened = Signal()
    // What OpenRouter writes: a keep-alive comment, then one event per chunk, the last one with the finish reason
    // and the usage, then the sentinel. One event is split inside its JSON and one ends its lines with CRLF, as
    // network reads and other servers may; the events after `[DONE]` must be ignored.
    let body = [
        ": OPENROUTER PROCESSING\n\n",
        "data: " + chunk(content: "", role: "assistant") + "\n\n",
        "data: " + chunk(content: "The capital") + "\n\n",
        "data: " + String(chunk(content: " of France").prefix(40)),
        String(chunk(content: " of France").dropFirst(40)) + "\n\n",
        "data: " + chunk(content: " is Paris.") + "\r\n\r\n",
        "data: " + chunk(content: "", finishReason: "stop", usage: true) + "\n\n",
        "data: [DONE]\n\n",
        "data: " + chunk(content: " after the sentinel") + "\n\n",
    ]
    // The chunk before which the server waits until the client has a decoded chunk in hand: a client that read
    // the whole body before yielding anything would make the server wait out the limit, and the check fail.
    let gate = 3
    let chunks = ByteChunks(body) { index in
        if index == gate {
            if await firstChunkReceived.wait(upTo: .seconds(10)) { await gateOpened.raise() }
        } else if index > 0 {
            // Apart in time, so that the client reads them apart.
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    let received = try await LoopbackServer.with({ _ in .eventStream(chunks) }) { server in
        let client = Openrouter(apiKey: "sk-or-test", serverURL: server.serverURL, retries: .disabled, timeout: 30)
        let request = ChatRequest(
            messages: [.chatUserMessage(ChatUserMessage(content: .string("What is the capital of France?"), role: .user))],
            model: "openai/gpt-4o")
        let events = try await client.chat.sendStream(body: request, xOpenRouterMetadata: .enabled)
        try expect(events.metadata.statusCode, 200, "status")
        var received: [ChatStreamChunk] = []
        for try await chunk in events {
            received.append(chunk)
            await firstChunkReceived.raise()
        }

        let sent = try await server.request
        try expect(sent.method, "POST", "method")
        try expect(sent.path, LoopbackServer.basePath + "/chat/completions", "path")
        try expect(sent.header("Accept"), "text/event-stream", "Accept header")
        try expect(sent.header("Content-Type"), "application/json", "Content-Type header")
        try expect(sent.header("Authorization"), "Bearer sk-or-test", "Authorization header")
        try expect(sent.header("X-OpenRouter-Metadata"), "enabled", "X-OpenRouter-Metadata header")
        let json = try JSONSerialization.jsonObject(with: sent.body) as? [String: Any]
        try expect(json?["stream"] as? Bool, true, "request body's stream")
        try expect(json?["model"] as? String, "openai/gpt-4o", "request body's model")
        let messages = json?["messages"] as? [[String: Any]]
        try expect(messages?.first?["role"] as? String, "user", "request body's first message role")
        try expect(messages?.first?["content"] as? String, "What is the capital of France?", "request body's first message content")
        return received
    }

    try expect(received.count, 5, "number of chunks before [DONE]")
    try expect(received.map(\.id), Array(repeating: "gen-1714", count: 5), "chunk ids")
    try expect(received.map(\.object), Array(repeating: .chatCompletionChunk, count: 5), "chunk objects")
    try expect(received.map { $0.choices.count }, [1, 1, 1, 1, 1], "choices per chunk")
    try expect(received.compactMap { $0.choices.first?.delta.content }.joined(), "The capital of France is Paris.",
               "content deltas, concatenated")
    try expect(received.first?.choices.first?.delta.role, .assistant, "first delta's role")
    try expect(received.map { $0.choices.first?.finishReason }, [nil, nil, nil, nil, .stop], "finish reasons")
    try expect(received.last?.usage?.totalTokens, 22, "last chunk's usage.total_tokens")
    try expect(received.dropLast().map { $0.usage == nil }, [true, true, true, true], "usage only on the last chunk")
    guard await gateOpened.wait(upTo: .zero) else {
        throw CheckFailure(description: "no chunk reached the caller in the 10 seconds the server held back the rest "
            + "of the stream: the client waited for the whole body")
    }
}

/// A `chat.completion.chunk` as OpenRouter streams it (the spec's `ChatStreamChunk`), on one line.
private func chunk(content: String, role: String? = nil, finishReason: String? = nil, usage: Bool = false) -> String {
    var delta: [String: Any] = ["content": content]
    delta["role"] = role
    var object: [String: Any] = [
        "id": "gen-1714",
        "provider": "OpenAI",
        "model": "openai/gpt-4o",
        "object": "chat.completion.chunk",
        "created": 1_714_000_000,
        "choices": [["index": 0, "delta": delta, "finish_reason": finishReason.map { $0 as Any } ?? NSNull(), "logprobs": NSNull()]],
    ]
    if usage {
        object["usage"] = ["prompt_tokens": 14, "completion_tokens": 8, "total_tokens": 22]
    }
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}
