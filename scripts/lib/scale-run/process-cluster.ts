import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BriefProcess, findFreePort, spawnBrief } from '../../../test/support/spawn-brief.js';
import { haproxyConfig } from './haproxy-config.js';
import type { ScaleCluster } from './scale-cluster.js';

export interface ProcessClusterOptions {
  replicas: number;
  /** The replicas' environment (REDIS_URL, ANTHROPIC_BASE_URL, budget, ...). */
  env: Record<string, string>;
  /** Where HAProxy's stderr goes when the run ends, if anywhere. */
  balancerLogFile?: string | undefined;
}

/**
 * Brief replicas as processes on 127.0.0.1 (`src/index.ts` through tsx) behind HAProxy from the PATH
 * (Debian: apt-get install haproxy).
 */
export async function startProcessCluster(options: ProcessClusterOptions): Promise<ScaleCluster> {
  const workDirectory = mkdtempSync(path.join(tmpdir(), 'brief-scale-'));
  const replicas: BriefProcess[] = [];
  let haproxy: ChildProcess | undefined;
  const balancerLog: string[] = [];
  let balancerPort = 0;
  const close = async () => {
    haproxy?.kill('SIGTERM');
    for (const replica of replicas) {
      replica.kill();
    }
    if (options.balancerLogFile) {
      writeFileSync(options.balancerLogFile, balancerLog.join(''));
    }
    rmSync(workDirectory, { recursive: true, force: true });
  };
  try {
    for (let index = 0; index < options.replicas; index += 1) {
      replicas.push(await spawnBrief({ ...options.env, LOG_LEVEL: 'info' }));
    }
    balancerPort = await findFreePort();
    const configFile = path.join(workDirectory, 'haproxy.cfg');
    writeFileSync(
      configFile,
      haproxyConfig({
        bind: `127.0.0.1:${balancerPort}`,
        replicas: replicas.map((replica) => new URL(replica.url).host),
      }),
    );
    haproxy = spawn('haproxy', ['-f', configFile, '-db'], { stdio: ['ignore', 'ignore', 'pipe'] });
    haproxy.stderr?.setEncoding('utf8').on('data', (chunk: string) => balancerLog.push(chunk));
  } catch (error) {
    await close();
    throw error;
  }
  const balancerUrl = `http://127.0.0.1:${balancerPort}`;
  return {
    description: `${options.replicas} Brief processes behind HAProxy ${balancerUrl}`,
    balancerUrl,
    replicaUrls: replicas.map((replica) => replica.url),
    async stop(replica) {
      const stopped = replicas[replica - 1];
      stopped?.child.kill('SIGTERM');
      return `pid ${stopped?.pid}`;
    },
    async exited(replica) {
      const stopped = replicas[replica - 1];
      const exit = await stopped?.exited;
      return { exitCode: exit?.code ?? null, logs: stopped?.logs() ?? [] };
    },
    close,
  };
}
