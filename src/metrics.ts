// Every metric the service exports, named in one place (prom-client, /metrics).
import client from "prom-client";

export function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new client.Counter({
      name: "hm_http_requests_total",
      help: "HTTP requests by route and status",
      labelNames: ["method", "route", "status"] as const,
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: "hm_http_request_duration_seconds",
      help: "HTTP request duration by route",
      labelNames: ["method", "route"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    memoryAdds: new client.Counter({
      name: "hm_memory_adds_total",
      help: "memory add() calls by outcome",
      labelNames: ["status"] as const,
      registers: [registry],
    }),
    redactions: new client.Counter({
      name: "hm_redactions_total",
      help: "PII values removed, by kind",
      labelNames: ["type"] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
