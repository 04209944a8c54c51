/**
 * Providers deploy created vs providers it found (created before the first deploy, only updated by it): against the
 * AWS stand-in with the real SDK clients, `destroy` deletes the first kind and keeps the second.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BedrockAgentCoreControlClient,
  CreateApiKeyCredentialProviderCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { startAwsStandIn, type AwsStandIn } from '@agentcore/testkit/aws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsClients } from './aws/clients.js';
import { resolveContext } from './aws/session.js';
import { destroy } from './destroy.js';
import { ensureProviders, type CredentialPlan } from './identity.js';
import { META_KEY } from './state.js';

const ENV_KEYS = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_REGION',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_S3',
  'AWS_PROFILE',
];

describe('providers deploy created vs providers it adopted', () => {
  let aws: AwsStandIn;
  let saved: Record<string, string | undefined>;

  beforeAll(async () => {
    aws = await startAwsStandIn({ progressDelayMs: 0, s3: true });
    saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'AKIDTEST',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_REGION: aws.region,
      AWS_ENDPOINT_URL: aws.url,
      AWS_ENDPOINT_URL_S3: aws.s3Url,
    });
    delete process.env.AWS_PROFILE;
  });
  afterAll(async () => {
    for (const k of ENV_KEYS)
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    await aws?.close();
  });

  const plan = (name: string, providerName: string, apiKey: string): CredentialPlan => ({
    name,
    providerName,
    values: { kind: 'api-key', apiKey },
    fingerprint: apiKey,
  });

  it('records which providers deploy created, keeps that across runs, and destroy deletes only those', async () => {
    const control = new BedrockAgentCoreControlClient({
      region: aws.region,
      endpoint: aws.url,
      credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'x' },
    });
    await control.send(new CreateApiKeyCredentialProviderCommand({ name: 'Proj-Existing', apiKey: 'theirs-1' }));
    control.destroy();

    const clients = awsClients(await resolveContext());
    try {
      const plans = [plan('Existing', 'Proj-Existing', 'ours-1'), plan('Fresh', 'Proj-Fresh', 'ours-2')];
      const first = await ensureProviders(clients, plans, {}, {});
      expect(first.providers.Existing?.createdByDeploy).toBe(false);
      expect(first.providers.Fresh?.createdByDeploy).toBe(true);

      // A later run finds both and updates them (new values): what each one is does not change.
      const again = [plan('Existing', 'Proj-Existing', 'ours-3'), plan('Fresh', 'Proj-Fresh', 'ours-4')];
      const second = await ensureProviders(clients, again, first.providers, {});
      expect(second.changed).toEqual(['Existing', 'Fresh']);
      expect(second.providers.Existing?.createdByDeploy).toBe(false);
      expect(second.providers.Fresh?.createdByDeploy).toBe(true);

      const dir = mkdtempSync(join(tmpdir(), 'deploy-adopted-'));
      const stateFile = join(dir, 'deployed-state.json');
      const meta = {
        stackName: 'agentcore-Proj',
        providers: second.providers,
        stagingBucket: 'agentcore-staging-none',
        stagingPrefix: 'Proj/',
      };
      writeFileSync(stateFile, JSON.stringify({ targets: { default: { resources: {}, [META_KEY]: meta } } }));
      const summaries: unknown[] = [];
      const result = await destroy({
        target: 'default',
        deployedStateFile: stateFile,
        confirm: async (s) => {
          summaries.push(s);
          return true;
        },
      });
      expect(result).toMatchObject({
        status: 'destroyed',
        providers: ['Proj-Fresh'],
        providersKept: ['Proj-Existing'],
      });
      expect(aws.providers().apiKey.map((p) => p.name)).toEqual(['Proj-Existing']);
    } finally {
      clients.destroy();
    }
  });
});
