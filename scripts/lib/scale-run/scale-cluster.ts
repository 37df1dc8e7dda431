/** A stopped replica's exit code and its parsed JSON log lines. */
export interface ReplicaExit {
  exitCode: number | null;
  logs: ReadonlyArray<Record<string, unknown>>;
}

/** Brief replicas behind a balancer, sharing one Redis: processes or Docker Compose services. */
export interface ScaleCluster {
  /** One line for the run's header: what runs where. */
  readonly description: string;
  readonly balancerUrl: string;
  /** Each replica's own URL on 127.0.0.1, for its /metrics. */
  readonly replicaUrls: readonly string[];
  /** Sends SIGTERM to replica `replica` (1-based) and says what was stopped (a pid, a service). */
  stop(replica: number): Promise<string>;
  /** Waits until the stopped replica has exited. */
  exited(replica: number): Promise<ReplicaExit>;
  /** Stops and removes everything it started; safe to call twice. */
  close(): Promise<void>;
}
