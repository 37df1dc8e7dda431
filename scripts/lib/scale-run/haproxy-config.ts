export interface HaproxyConfigOptions {
  /** Where the balancer listens: `127.0.0.1:41234` for processes, `*:8080` in a container. */
  bind: string;
  /** `host:port` of each Brief replica, in order. */
  replicas: readonly string[];
}

/**
 * The scale run's HAProxy configuration: round robin over the replicas, health checks on `/readyz`,
 * and a request that found its replica gone tried once more on another. The process-based run writes
 * it to a temporary file; the compose run's `deploy/scale/balancer/haproxy.cfg` is the same text with
 * the containers' names (a test keeps the two in step).
 */
export function haproxyConfig({ bind, replicas }: HaproxyConfigOptions): string {
  return [
    '# HAProxy in front of Brief replicas, as the scale run uses it (scripts/lib/scale-run/haproxy-config.ts).',
    'global',
    '  maxconn 2000',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 90s',
    '  timeout server 90s',
    '  # Generous: on a loaded machine /readyz can take a moment, and a replica marked down by a slow',
    '  # check would shed load it could have served.',
    '  timeout check 5s',
    '  retries 2',
    '  option redispatch',
    '  # A replica that went away before answering: the balancer tries another one.',
    '  retry-on conn-failure empty-response',
    'frontend brief',
    `  bind ${bind}`,
    '  default_backend replicas',
    'backend replicas',
    '  balance roundrobin',
    '  # A draining replica answers 503 here and leaves the rotation; its in-flight requests finish.',
    '  option httpchk GET /readyz',
    ...replicas.map((address, index) => `  server brief${index + 1} ${address} check inter 1s fall 3 rise 1`),
    '',
  ].join('\n');
}
