/**
 * The real SDK credential chain and region lookup, with every source emptied: no environment credentials, shared
 * files pointing at nothing, instance metadata disabled. Nothing leaves the machine.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveSession } from './session.js';

const KEYS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_CONFIG_FILE',
  'AWS_EC2_METADATA_DISABLED',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
  'AWS_CONTAINER_CREDENTIALS_FULL_URI',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
];
let saved: Record<string, string | undefined>;

beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]));
  for (const k of KEYS) delete process.env[k];
  const dir = mkdtempSync(join(tmpdir(), 'deploy-aws-'));
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
  process.env.AWS_CONFIG_FILE = join(dir, 'config');
  writeFileSync(process.env.AWS_CONFIG_FILE, '[profile nowhere]\nregion = eu-west-1\n');
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
});
afterEach(() => {
  for (const k of KEYS)
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
});

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as { code?: string; actions?: readonly string[] };
  }
  throw new Error('expected a failure');
};

describe('resolveSession', () => {
  it('no region anywhere → ERR_DEPLOY_NO_REGION naming --region', async () => {
    const err = await failure(resolveSession({}));
    expect(err.code).toBe('ERR_DEPLOY_NO_REGION');
    expect(err.actions?.[0]).toContain('--region');
  });

  it('a region but no credentials → ERR_DEPLOY_NO_CREDENTIALS', async () => {
    const err = await failure(resolveSession({ region: 'us-east-1' }));
    expect(err.code).toBe('ERR_DEPLOY_NO_CREDENTIALS');
    expect(err.actions?.[0]).toContain('aws configure');
  });

  it('the region of the profile is used, then credentials are checked', async () => {
    const err = await failure(resolveSession({ profile: 'nowhere' }));
    expect(err.code).toBe('ERR_DEPLOY_NO_CREDENTIALS');
  });
});
