import FeaturesSDK
import FlyingFox
import Foundation
import Testing

@Suite("Pagination")
struct PaginationTests {
    /// Widgets 0 to `count - 1`, served `limit` at a time from `offset`, as `listWidgets` documents.
    static func widgetPages(count: Int) -> TestServer.Handler {
        { request in
            let offset = Int(request.queryValue("offset") ?? "0") ?? 0
            let limit = Int(request.queryValue("limit") ?? "") ?? 10
            let ids = Array(min(offset, count)..<min(offset + limit, count))
            return .json(200, #"{"data":[\#(ids.map { #"{"id":\#($0),"name":"w\#($0)"}"# }.joined(separator: ","))]}"#)
        }
    }

    @Test("offset and limit: the items in order, and no request after the page with fewer results than the limit")
    func offsetLimit() async throws {
        try await TestServer.with(Self.widgetPages(count: 7)) { server in
            var ids: [Int] = []
            for try await widget in server.client().pagination.listWidgetsItems(limit: 3, color: "red") {
                ids.append(widget.id)
            }
            #expect(ids == Array(0..<7))
            let requests = await server.requests
            #expect(requests.map { $0.queryValue("offset") } == ["0", "3", "6"])
            #expect(requests.allSatisfy { $0.queryValue("limit") == "3" && $0.queryValue("color") == "red" })
        }
    }

    @Test("offset and limit through a request struct: each page's request is the struct with its offset advanced, its other fields kept")
    func offsetLimitThroughARequestStruct() async throws {
        try await TestServer.with(Self.widgetPages(count: 5)) { server in
            var ids: [Int] = []
            let request = ListSpeakeasyWidgetsRequest(offset: 1, limit: 2, color: "red")
            for try await widget in server.client().speakeasy.listSpeakeasyWidgetsItems(request: request) {
                ids.append(widget.id)
            }
            #expect(ids == Array(1..<5))
            let requests = await server.requests
            #expect(requests.map { $0.queryValue("offset") } == ["1", "3", "5"])
            #expect(requests.allSatisfy { $0.queryValue("limit") == "2" && $0.queryValue("color") == "red" })
        }
    }

    @Test("offset and limit: a last page as full as the limit is followed by one empty page, then the end")
    func offsetLimitExactMultiple() async throws {
        try await TestServer.with(Self.widgetPages(count: 6)) { server in
            var pageSizes: [Int] = []
            for try await page in server.client().pagination.listWidgetsPages(offset: 0, limit: 3) {
                pageSizes.append(page.data.count)
            }
            #expect(pageSizes == [3, 3, 0])
            #expect(await server.requests.map { $0.queryValue("offset") } == ["0", "3", "6"])
        }
    }

    @Test("cursor: each page asked for with the previous page's nested next cursor, until it is null")
    func cursor() async throws {
        let pages: [String: String] = [
            "": #"{"events":[{"id":1,"name":"a"},{"id":2,"name":"b"}],"meta":{"next":"c2"}}"#,
            "c2": #"{"events":[{"id":3,"name":"c"}],"meta":{"next":"c3"}}"#,
            "c3": #"{"events":[{"id":4,"name":"d"}],"meta":{"next":null}}"#,
        ]
        try await TestServer.with({ request in .json(200, pages[request.queryValue("cursor") ?? ""] ?? "{}") }) { server in
            var names: [String] = []
            for try await event in server.client().pagination.listWidgetEventsItems() {
                names.append(event.name)
            }
            #expect(names == ["a", "b", "c", "d"])
            #expect(await server.requests.map { $0.queryValue("cursor") } == [nil, "c2", "c3"])
        }
    }

    @Test("cursor: an empty next cursor ends the pages as an absent one does")
    func emptyCursor() async throws {
        let handler: TestServer.Handler = { request in
            request.queryValue("cursor") == nil
                ? .json(200, #"{"events":[{"id":1,"name":"a"}],"meta":{"next":"c2"}}"#)
                : .json(200, #"{"events":[{"id":2,"name":"b"}],"meta":{"next":""}}"#)
        }
        try await TestServer.with(handler) { server in
            var count = 0
            for try await _ in server.client().pagination.listWidgetEventsPages() {
                count += 1
            }
            #expect(count == 2)
            #expect(await server.requests.count == 2)
        }
    }

    @Test("next URL in the body: a relative URL is resolved against the page's URL, and an absent one ends the pages")
    func nextURLInBody() async throws {
        let handler: TestServer.Handler = { request in
            switch request.queryValue("page") {
            case nil: .json(200, #"{"notes":["one","two"],"next":"widget-notes?page=2"}"#)
            case "2": .json(200, #"{"notes":["three"],"next":"/v1/widget-notes?page=3"}"#)
            default: .json(200, #"{"notes":["four"]}"#)
            }
        }
        try await TestServer.with(handler) { server in
            var notes: [String] = []
            for try await note in server.client().pagination.listWidgetNotesItems() {
                notes.append(note)
            }
            #expect(notes == ["one", "two", "three", "four"])
            let requests = await server.requests
            #expect(requests.map(\.path) == ["/v1/widget-notes", "/v1/widget-notes", "/v1/widget-notes"])
            #expect(requests.map { $0.queryValue("page") } == [nil, "2", "3"])
        }
    }

    @Test("Link header: pages follow rel=\"next\" as GitHub sends it, and end on the page without one")
    func linkHeader() async throws {
        let handler: TestServer.Handler = { request in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            let base = "http://\(request.header("Host") ?? "")/v1/widget-commits?per_page=2"
            var links = ["<\(base)&page=3>; rel=\"last\""]
            if page < 3 {
                links.insert("<\(base)&page=\(page + 1)>; rel=\"next\"", at: 0)
            }
            if page > 1 {
                links.insert("<\(base)&page=\(page - 1)>; rel=\"prev\"", at: 0)
            }
            var response = HTTPResponse.json(200, #"[{"id":\#(2 * page - 1),"name":"x"},{"id":\#(2 * page),"name":"y"}]"#)
            response.headers[HTTPHeader("Link")] = links.joined(separator: ", ")
            return response
        }
        try await TestServer.with(handler) { server in
            var ids: [Int] = []
            for try await commit in server.client().pagination.listWidgetCommitsItems(perPage: 2) {
                ids.append(commit.id)
            }
            #expect(ids == [1, 2, 3, 4, 5, 6])
            #expect(await server.requests.map { $0.queryValue("page") } == [nil, "2", "3"])
        }
    }

    @Test("Link header: a next link to another server is not followed")
    func linkToAnotherServer() async throws {
        let handler: TestServer.Handler = { _ in
            var response = HTTPResponse.json(200, #"[{"id":1,"name":"x"}]"#)
            response.headers[HTTPHeader("Link")] = #"<https://elsewhere.example/v1/widget-commits?page=2>; rel="next""#
            return response
        }
        try await TestServer.with(handler) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in
                for try await _ in server.client().pagination.listWidgetCommitsPages() {}
            }
            guard case .invalidRequest? = error else {
                Issue.record("expected .invalidRequest, got \(String(describing: error))")
                return
            }
            #expect(await server.requests.count == 1)
        }
    }

    @Test("page numbers in the request body: the body's other fields kept, and no request after the page count")
    func pageNumbersInTheBody() async throws {
        let handler: TestServer.Handler = { request in
            let body = try JSONSerialization.jsonObject(with: request.body) as? [String: Any] ?? [:]
            let page = body["page"] as? Int ?? 1
            return .json(200, #"{"matches":[{"id":\#(2 * page - 1),"name":"m"},{"id":\#(2 * page),"name":"m"}],"total_pages":3}"#)
        }
        try await TestServer.with(handler) { server in
            var ids: [Int] = []
            for try await widget in server.client().pagination.searchWidgetsItems(body: WidgetSearch(query: "blue", pageSize: 2)) {
                ids.append(widget.id)
            }
            #expect(ids == [1, 2, 3, 4, 5, 6])
            let bodies = try await server.requests.map { try JSONSerialization.jsonObject(with: $0.body) as? NSDictionary }
            #expect(bodies == [
                ["query": "blue", "page_size": 2],
                ["query": "blue", "page_size": 2, "page": 2],
                ["query": "blue", "page_size": 2, "page": 3],
            ])
        }
    }

    @Test("cancelling the iterating task after the first page: iterating throws cancelled, and no further page is asked for")
    func cancellation() async throws {
        try await TestServer.with(Self.widgetPages(count: 9)) { server in
            let client = server.client()
            // A task of its own: cancelling the test's task would cancel the test.
            let iteration = Task { () -> (pages: Int, error: FeaturesSDKError?) in
                var pages = 0
                let error = await featuresError { () async throws(FeaturesSDKError) in
                    for try await _ in client.pagination.listWidgetsPages(limit: 3) {
                        pages += 1
                        withUnsafeCurrentTask { $0?.cancel() }
                    }
                }
                return (pages, error)
            }
            let (pages, error) = await iteration.value
            guard case .cancelled? = error else {
                Issue.record("expected .cancelled, got \(String(describing: error))")
                return
            }
            #expect(pages == 1)
            #expect(await server.requests.count == 1)
        }
    }

    @Test("a page answered 503 with Retry-After once is retried with the call's options, and the pages come complete")
    func retriedPage() async throws {
        let attempts = AttemptCounter()
        let pages = Self.widgetPages(count: 5)
        let handler: TestServer.Handler = { request in
            if request.queryValue("offset") == "2", await attempts.first() {
                var response = HTTPResponse.json(503, #"{"message":"busy"}"#)
                response.headers[HTTPHeader("Retry-After")] = "0"
                return response
            }
            return try await pages(request)
        }
        try await TestServer.with(handler) { server in
            let retries = RetryConfig(
                backoff: .init(initialInterval: 0.01, maxInterval: 1, exponent: 2, maxElapsedTime: 30),
                statusCodes: [503], retryConnectionErrors: false)
            let options = RequestOptions(retries: retries, headers: [("X-Page-Call", "yes")])
            var ids: [Int] = []
            for try await widget in server.client().pagination.listWidgetsItems(limit: 2, options: options) {
                ids.append(widget.id)
            }
            #expect(ids == [0, 1, 2, 3, 4])
            let requests = await server.requests
            #expect(requests.map { $0.queryValue("offset") } == ["0", "2", "2", "4"])
            #expect(requests.allSatisfy { $0.header("X-Page-Call") == "yes" })
        }
    }

    @Test("a documented error on a page passes through unchanged")
    func typedError() async throws {
        try await TestServer.with({ _ in .json(404, #"{"message":"no such list"}"#) }) { server in
            let error = await featuresError { () async throws(FeaturesSDKError) in
                for try await _ in server.client().pagination.listWidgetsItems() {}
            }
            guard case .notFound(.problem(let problem), _)? = error else {
                Issue.record("expected .notFound(.problem), got \(String(describing: error))")
                return
            }
            #expect(problem.message == "no such list")
        }
    }
}

/// Answers `true` the first time only.
private actor AttemptCounter {
    private var asked = false

    func first() -> Bool {
        defer { asked = true }
        return !asked
    }
}

extension ReceivedRequest {
    /// The value of a query parameter, percent-decoded; `nil` when the query does not have it.
    func queryValue(_ name: String) -> String? {
        for item in rawQuery.split(separator: "&") {
            let pair = item.split(separator: "=", maxSplits: 1)
            if pair.first == Substring(name) {
                return pair.count == 2 ? String(pair[1]).removingPercentEncoding : ""
            }
        }
        return nil
    }
}
