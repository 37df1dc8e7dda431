import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/create-program.js';
import { parseEnv } from '../../src/config/env.js';
import { keyringFromFile, keyringFromList } from '../../src/keys/keyring.js';
import { loadKeyring } from '../../src/keys/load-keyring.js';
import { KeysFileError, parseKeysFile } from '../../src/keys/parse-keys-file.js';
import { createTestConfig } from '../support/create-test-config.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

describe('the keys file', () => {
  it('reads YAML and JSON into keys with ids, scopes, limits and budgets', () => {
    const yaml = `keys:
  - id: cms-plugin
    sha256: ${sha256('cms-secret').toUpperCase()}
    scopes: [summaries, checks]
    rate_limit_per_minute: 120
    monthly_budget_usd: 50
  - id: archive
    sha256: ${sha256('archive-secret')}
    scopes: [batches]
`;
    const fromYaml = keyringFromFile(parseKeysFile(yaml, 'keys.yaml'));
    const fromJson = keyringFromFile(
      parseKeysFile(JSON.stringify(parseKeysFile(yaml, 'keys.yaml')), 'keys.json'),
    );
    for (const keyring of [fromYaml, fromJson]) {
      expect(keyring.find('cms-secret')).toEqual({
        id: 'cms-plugin',
        scopes: new Set(['summaries', 'checks']),
        rateLimitPerMinute: 120,
        monthlyBudgetUsd: 50,
      });
      expect(keyring.find('archive-secret')?.scopes).toEqual(new Set(['batches']));
      expect(keyring.find('cms-secret ')).toBeUndefined();
    }
  });

  it('names the file and every problem in it', () => {
    const text = `keys:
  - id: CMS
    sha256: abc
    scopes: [summaries, everything]
  - id: twice
    sha256: ${sha256('a')}
    scopes: [usage]
  - id: twice
    sha256: ${sha256('a')}
    scopes: [usage]
    monthly_budget: 5
`;
    let message = '';
    try {
      parseKeysFile(text, '/etc/brief/keys.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(KeysFileError);
      message = (error as Error).message;
    }
    expect(message).toContain('/etc/brief/keys.yaml is not a valid keys file');
    expect(message).toContain('keys.0.id: must be 1-64 lowercase letters');
    expect(message).toContain('keys.0.sha256: must be the SHA-256 of the secret as 64 hex digits');
    expect(message).toContain('keys.0.scopes.1:');
    expect(message).toContain('keys.2: Unrecognized key: "monthly_budget"');
  });

  it('refuses an id or a secret listed twice', () => {
    const entry = (id: string) => `  - id: ${id}\n    sha256: ${sha256('a')}\n    scopes: [usage]\n`;
    expect(() => parseKeysFile(`keys:\n${entry('twice')}${entry('twice')}`, 'keys.yaml')).toThrow(
      /keys\.1\.id: "twice" is listed twice\n {2}- keys\.1\.sha256: the same secret is listed under two ids/,
    );
  });

  it('refuses text that is not YAML, with the reason', () => {
    expect(() => parseKeysFile('keys: [unclosed', 'keys.yaml')).toThrow(
      /keys.yaml is not valid YAML or JSON/,
    );
  });

  it('keeps BRIEF_API_KEYS working: ids from the hash prefix and every scope but admin', () => {
    const config = createTestConfig({
      BRIEF_API_KEYS: 'first-key-of-at-least-32-characters',
      BRIEF_API_KEY_HASHES: sha256('second-key-of-at-least-32-characters'),
    });
    const keyring = keyringFromList(config.auth.keys, config.auth.keyHashes);
    expect(keyring.find('first-key-of-at-least-32-characters')?.id).toBe(
      sha256('first-key-of-at-least-32-characters').slice(0, 12),
    );
    expect(keyring.find('second-key-of-at-least-32-characters')?.scopes).toEqual(
      new Set(['summaries', 'checks', 'batches', 'usage', 'metrics']),
    );
  });
});

describe('configuration of keys and signing', () => {
  it('requires BRIEF_SIGNING_SECRET in production in live mode, and counts a keys file as keys', () => {
    const production = {
      NODE_ENV: 'production',
      ANTHROPIC_API_KEY: 'sk-test',
      BRIEF_KEYS_FILE: '/etc/brief/keys.yaml',
    };
    const missing = parseEnv(production);
    expect(missing.ok).toBe(false);
    expect(missing.ok ? '' : missing.message).toContain(
      'BRIEF_SIGNING_SECRET: is required in production in live mode',
    );
    expect(missing.ok ? '' : missing.message).not.toContain('BRIEF_API_KEYS');
    const short = parseEnv({ ...production, BRIEF_SIGNING_SECRET: 'too-short' });
    expect(short.ok).toBe(false);
    const set = parseEnv({ ...production, BRIEF_SIGNING_SECRET: 'x'.repeat(32) });
    expect(set.ok && set.config.auth).toMatchObject({ disabled: false, keysFile: '/etc/brief/keys.yaml' });
  });

  it('refuses a keys file next to BRIEF_API_KEYS, and a keys file that cannot be read', () => {
    const config = createTestConfig({
      BRIEF_KEYS_FILE: '/nonexistent/keys.yaml',
      BRIEF_API_KEYS: 'a-key-of-at-least-thirty-two-characters',
    });
    expect(() => loadKeyring(config.auth)).toThrow(/BRIEF_KEYS_FILE=\/nonexistent\/keys.yaml cannot be read/);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'brief-keys-')), 'keys.json');
    writeFileSync(
      file,
      JSON.stringify({ keys: [{ id: 'cms', sha256: sha256('s'), scopes: ['summaries'] }] }),
    );
    expect(() => loadKeyring({ ...config.auth, keysFile: file })).toThrow(
      'Set either BRIEF_KEYS_FILE or BRIEF_API_KEYS / BRIEF_API_KEY_HASHES, not both',
    );
    expect(loadKeyring({ ...config.auth, keys: [], keysFile: file }).get('cms')?.scopes).toEqual(
      new Set(['summaries']),
    );
  });
});

describe('brief keys add', () => {
  function run(args: string[]) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    let code = 0;
    const program = createProgram(
      { io: { stdin: new PassThrough(), stdout, stderr }, loadConfig: () => createTestConfig() },
      (exitCode) => {
        code = exitCode;
      },
    );
    program.parse(['keys', 'add', ...args], { from: 'user' });
    return { code, stdout: () => out, stderr: () => err };
  }

  it('prints a new secret once and an entry that the keys file accepts for exactly that secret', async () => {
    const result = run(['--id', 'newsletter', '--scopes', 'summaries,checks', '--monthly-budget-usd', '25']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(result.code).toBe(0);
    const output = result.stdout();
    const secret = /^ {2}(brief_[A-Za-z0-9_-]{43})$/m.exec(output)?.[1];
    expect(secret).toBeDefined();
    const entry = output.slice(output.indexOf('  - id:'));
    const keyring = keyringFromFile(parseKeysFile(`keys:\n${entry}`, 'keys.yaml'));
    expect(keyring.find(secret ?? '')).toEqual({
      id: 'newsletter',
      scopes: new Set(['summaries', 'checks']),
      rateLimitPerMinute: undefined,
      monthlyBudgetUsd: 25,
    });
    expect(run(['--id', 'newsletter', '--scopes', 'summaries']).stdout()).not.toContain(secret);
  });

  it('refuses an unknown scope and prints no secret', async () => {
    const result = run(['--id', 'newsletter', '--scopes', 'summaries,everything']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(result.code).toBe(2);
    expect(result.stdout()).toBe('');
    expect(result.stderr()).toContain('scopes.1: Invalid option');
  });
});
