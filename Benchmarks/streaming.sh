#!/usr/bin/env bash
# Moves a binary body (1 GiB unless --bytes says otherwise) between a loopback HTTP server and an SDK that sdkgen
# generates, down three ways and up three ways, and prints each one's peak RSS, wall time and throughput as a
# Markdown table:
#   streamed         `getBlobStream()`, counting the ByteStream's chunks as they arrive
#   file             `getBlobStream().write(to:)` a file in the scratch folder
#   buffered         `getBlob()`, the whole body as one Data
#   upload-file      `putBlob(body: .file(url))` from a file in the scratch folder
#   upload-stream    `putBlob(body: .stream(chunks))`, an AsyncSequence making 64 KiB chunks as they are asked for
#   upload-buffered  `putBlob(body: data)`, the whole body as one Data
# With --async-http-client, also through the SDK's AsyncHTTPClient transport module (`--transport
# async-http-client`): `ahc-streamed`, `ahc-buffered`, `ahc-upload-file` and `ahc-upload-stream` (SwiftNIO and
# AsyncHTTPClient are then built in release: minutes).
# A benchmark, not a test: it asserts nothing but that every byte arrived. Needs python3 (the server) and GNU time.
#
#   Benchmarks/streaming.sh [--bytes N] [--runs N] [--async-http-client]
set -euo pipefail

bytes=$((1 << 30))
runs=1
async_http_client=false
while [ $# -gt 0 ]; do
    case "$1" in
        --bytes) bytes=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --async-http-client) async_http_client=true; shift ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "streaming.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# An API with one binary response, generated with the sdkgen of this working tree.
cat > "$work/spec.yaml" <<'YAML'
openapi: 3.1.0
info: {title: Blob API, version: '1'}
servers: [{url: 'http://127.0.0.1/'}]
paths:
  /blob:
    get:
      operationId: getBlob
      tags: [Blobs]
      responses:
        '200':
          description: The bytes.
          content:
            application/octet-stream:
              schema: {type: string, format: binary}
    put:
      operationId: putBlob
      tags: [Blobs]
      requestBody:
        required: true
        content:
          application/octet-stream:
            schema: {type: string, format: binary}
      responses:
        '200':
          description: The number of bytes that arrived.
          content:
            text/plain:
              schema: {type: string}
YAML
transport_options=()
if $async_http_client; then transport_options=(--transport async-http-client); fi
swift run --package-path "$root" sdkgen generate --no-config --spec "$work/spec.yaml" --output "$work/gen" \
    --module-name BlobSDK --client-name BlobSDK "${transport_options[@]}" >/dev/null

mkdir -p "$work/bench"
if $async_http_client; then
    cat > "$work/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "StreamingBenchmark",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
    ],
    targets: [
        .target(name: "BlobSDK", path: "gen/BlobSDK"),
        .target(name: "BlobSDKAsyncHTTPClient", dependencies: [
            "BlobSDK",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], path: "gen/BlobSDKAsyncHTTPClient"),
        .executableTarget(name: "bench", dependencies: ["BlobSDK", "BlobSDKAsyncHTTPClient"], path: "bench",
                          swiftSettings: [.define("ASYNC_HTTP_CLIENT")]),
    ]
)
SWIFT
else
    cat > "$work/Package.swift" <<'SWIFT'
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "StreamingBenchmark",
    platforms: [.macOS(.v13)],
    targets: [
        .target(name: "BlobSDK", path: "gen/BlobSDK"),
        .executableTarget(name: "bench", dependencies: ["BlobSDK"], path: "bench"),
    ]
)
SWIFT
fi
cat > "$work/bench/main.swift" <<'SWIFT'
import BlobSDK
import Foundation
#if ASYNC_HTTP_CLIENT
import BlobSDKAsyncHTTPClient
#endif

/// BYTES bytes in chunks of 64 KiB, each made when it is asked for.
struct Chunks: AsyncSequence, Sendable {
    let count: Int

    func makeAsyncIterator() -> Iterator {
        Iterator(remaining: count)
    }

    struct Iterator: AsyncIteratorProtocol {
        var remaining: Int

        mutating func next() async -> Data? {
            guard remaining > 0 else { return nil }
            let size = Swift.min(remaining, 64 << 10)
            remaining -= size
            return Data(repeating: 0x5A, count: size)
        }
    }
}

// bench MODE SERVER_URL FILE BYTES: moves the body one way and prints the number of bytes that arrived. A mode
// starting with "ahc-" goes through the AsyncHTTPClient transport.
let arguments = CommandLine.arguments
var transport: any HTTPTransport = URLSessionTransport()
var mode = arguments[1]
#if ASYNC_HTTP_CLIENT
if mode.hasPrefix("ahc-") {
    transport = AsyncHTTPClientTransport()
    mode.removeFirst(4)
}
#endif
let client = BlobSDK(serverURL: URL(string: arguments[2])!, retries: .disabled, timeout: 600, transport: transport)
let bytes = Int(arguments[4])!
let count: Int
switch mode {
case "upload-file":
    count = Int(try await client.blobs.putBlob(body: .file(URL(fileURLWithPath: arguments[3]))))!
case "upload-stream":
    count = Int(try await client.blobs.putBlob(body: .stream(Chunks(count: bytes), length: bytes)))!
case "upload-buffered":
    count = Int(try await client.blobs.putBlob(body: Data(repeating: 0x5A, count: bytes)))!
case "streamed":
    var total = 0
    for try await chunk in try await client.blobs.getBlobStream() {
        total += chunk.count
    }
    count = total
case "file":
    count = try await client.blobs.getBlobStream().write(to: URL(fileURLWithPath: arguments[3]))
default:
    count = try await client.blobs.getBlob().count
}
print(count)
SWIFT
swift build --package-path "$work" -c release --product bench > "$work/build.log" || { cat "$work/build.log" >&2; exit 1; }
bench="$work/.build/release/bench"

# The server: sends the body in 64 KiB writes from one buffer, so it holds no more than that itself.
cat > "$work/server.py" <<'PY'
import http.server, sys
size = int(sys.argv[1])
block = bytes(range(256)) * 256
class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(size))
        self.end_headers()
        sent = 0
        while sent < size:
            n = min(len(block), size - sent)
            self.wfile.write(block[:n])
            sent += n
    def do_PUT(self):
        # Reads the body in 64 KiB pieces, from its Content-Length or its chunks, and answers with its length.
        received = 0
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    break
                left = size
                while left > 0:
                    left -= len(self.rfile.read(min(left, 65536)))
                received += size
                self.rfile.readline()
        else:
            left = int(self.headers.get("Content-Length", "0"))
            while left > 0:
                piece = len(self.rfile.read(min(left, 65536)))
                if piece == 0:
                    break
                left -= piece
                received += piece
        answer = str(received).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
python3 "$work/server.py" "$bytes" > "$work/port" &
server_pid=$!
for _ in $(seq 50); do [ -s "$work/port" ] && break; sleep 0.1; done
url="http://127.0.0.1:$(cat "$work/port")"

echo "| way | bytes | peak RSS | wall time | throughput |"
echo "|---|---:|---:|---:|---:|"
ways=(streamed file buffered upload-file upload-stream upload-buffered)
if $async_http_client; then ways+=(ahc-streamed ahc-buffered ahc-upload-file ahc-upload-stream); fi
for way in "${ways[@]}"; do
    for _ in $(seq "$runs"); do
        rm -f "$work/body"
        if [ "${way#ahc-}" = upload-file ]; then
            head -c "$bytes" /dev/zero > "$work/body"
        fi
        /usr/bin/time -f '%M %e' -o "$work/time" "$bench" "$way" "$url" "$work/body" "$bytes" > "$work/count"
        read -r rss_kib seconds < "$work/time"
        received=$(cat "$work/count")
        if [ "$received" != "$bytes" ]; then
            echo "streaming.sh: $way received $received bytes, not $bytes" >&2
            exit 1
        fi
        awk -v way="$way" -v bytes="$bytes" -v rss="$rss_kib" -v s="$seconds" 'BEGIN {
            printf "| %s | %d | %.0f MiB | %.2f s | %.0f MiB/s |\n", way, bytes, rss / 1024, s, bytes / 1048576 / (s > 0 ? s : 0.01)
        }'
    done
done
