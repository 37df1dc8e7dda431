/** One dependency `GET /ready` asks before it says the instance can take traffic. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<{ ok: boolean; detail?: string }>;
}
