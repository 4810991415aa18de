// What is measured: the ceiling for HTTP throughput on this machine — a hello-world Hummingbird
// route built with the same Hummingbird version, traits, build configuration and server settings
// as `hoso serve` (HTTP/1.1, the shared multi-threaded event loop group). Benchmarks/http/run-load.sh
// drives it with wrk in the same run as `/v1/search` and reports the ratio (DESIGN §7).
// `/bytes/N` answers N bytes (at most 1 MiB) the same way: hello-world with a search-sized body,
// to tell the cost of moving the bytes from the cost of producing them.
//
// Usage: HelloBench [--host 127.0.0.1] [--port 8081]
import Hummingbird

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@main
struct HelloBench {
    static func main() async throws {
        var host = "127.0.0.1"
        var port = 8081
        var arguments = CommandLine.arguments.dropFirst()
        while let argument = arguments.popFirst() {
            switch argument {
            case "--host":
                guard let value = arguments.popFirst() else { usage() }
                host = value
            case "--port":
                guard let value = arguments.popFirst(), let number = Int(value), (1...65535).contains(number) else { usage() }
                port = number
            default:
                usage()
            }
        }
        let router = Router()
        router.get("/hello") { _, _ in "Hello, world!" }
        let filler = ByteBuffer(repeating: UInt8(ascii: "x"), count: 1 << 20)
        router.get("/bytes/:n") { _, context -> Response in
            guard let n = context.parameters.get("n", as: Int.self), (0...filler.readableBytes).contains(n) else {
                return Response(status: .badRequest)
            }
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: filler.getSlice(at: 0, length: n)!))
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port))
        )
        try await app.runService()
    }

    static func usage() -> Never {
        print("usage: HelloBench [--host HOST] [--port PORT]")
        exit(2)
    }
}
