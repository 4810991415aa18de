import CoreMetrics
import Prometheus
import Synchronization

/// The server's metrics (DESIGN §5 `/metrics`): request-latency histograms per route, method and
/// status, and gauges for the index, through swift-metrics handlers backed by one Prometheus
/// registry per application (so tests can run several applications in one process without a
/// global bootstrap).
public final class ServerMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory
    private let timers = Mutex<[RouteKey: CoreMetrics.Timer]>([:])
    private let gauges = Mutex<[String: CoreMetrics.Gauge]>([:])
    private let counters = Mutex<[String: (counter: CoreMetrics.Counter, value: UInt64)]>([:])

    /// Histogram buckets for request latency, in seconds: fine below a millisecond, where the
    /// search targets are (DESIGN §7), and coarse up to seconds.
    public static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .microseconds(2500),
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .microseconds(2_500_000),
    ]

    /// The histogram's metric name.
    public static let latencyName = "hoso_http_request_duration_seconds"

    /// Creates an empty set of metrics with its own registry.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [Self.latencyName: Self.latencyBuckets]
        self.factory = factory
    }

    private struct RouteKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// Records one finished request.
    /// - Parameters:
    ///   - route: the route template (`/v1/people/{id}`), never the raw path, so ids do not
    ///     become label values.
    ///   - method: the HTTP method.
    ///   - status: the response status code.
    ///   - nanoseconds: time from the request's arrival to its response.
    public func recordRequest(route: String, method: String, status: Int, nanoseconds: Int64) {
        let key = RouteKey(route: route, method: method, status: status)
        let timer = timers.withLock { timers in
            if let timer = timers[key] { return timer }
            let timer = CoreMetrics.Timer(
                label: Self.latencyName,
                dimensions: [("route", route), ("method", method), ("status", String(status))],
                factory: factory
            )
            timers[key] = timer
            return timer
        }
        timer.recordNanoseconds(nanoseconds)
    }

    /// Sets a gauge, creating it on first use.
    /// - Parameters:
    ///   - name: a Prometheus metric name such as `hoso_records`.
    ///   - value: the current value.
    public func setGauge(_ name: String, _ value: Double) {
        let gauge = gauges.withLock { gauges in
            if let gauge = gauges[name] { return gauge }
            let gauge = CoreMetrics.Gauge(label: name, factory: factory)
            gauges[name] = gauge
            return gauge
        }
        gauge.record(value)
    }

    /// Brings a counter up to `total`, a running total kept elsewhere (the service); a total
    /// lower than before (impossible unless the service restarted) is ignored.
    /// - Parameters:
    ///   - name: a Prometheus counter name ending in `_total`.
    ///   - total: the current running total.
    public func setCounter(_ name: String, _ total: UInt64) {
        counters.withLock { counters in
            let entry = counters[name] ?? (CoreMetrics.Counter(label: name, factory: factory), 0)
            if total > entry.value {
                entry.counter.increment(by: Int64(clamping: total - entry.value))
            }
            counters[name] = (entry.counter, max(total, entry.value))
        }
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(16 * 1024)
        registry.emit(into: &buffer)
        return buffer
    }
}
