import { describe, expect, it } from 'vitest';
import type { ProjectConfig } from '@agentcore/schema';
import { checkProject, countResources, entrypointFile, envKeysToCheck, pathsToCheck } from './validate-checks.js';

const config: ProjectConfig = {
  name: 'Demo',
  version: 1,
  runtimes: [
    { name: 'Echo', build: 'CodeZip', entrypoint: 'main.py:handler', codeLocation: 'app/Echo/' },
    { name: 'Gone', build: 'CodeZip', entrypoint: 'main.js', codeLocation: 'app/Gone/' },
  ],
  credentials: [
    { authorizerType: 'ApiKeyCredentialProvider', name: 'my-key' },
    { authorizerType: 'OAuthCredentialProvider', name: 'Crm' },
  ],
  agentCoreGateways: [
    {
      name: 'gw',
      targets: [
        {
          name: 'a',
          targetType: 'mcpServer',
          endpoint: 'https://a.example.com',
          outboundAuth: { type: 'API_KEY', credentialName: 'my-key' },
        },
        {
          name: 'b',
          targetType: 'mcpServer',
          endpoint: 'https://b.example.com',
          outboundAuth: { type: 'API_KEY', credentialName: 'Ghost' },
        },
      ],
    },
  ],
};

describe('checkProject', () => {
  it('lists the facts it needs', () => {
    expect(pathsToCheck(config)).toEqual(['app/Echo/', 'app/Echo/main.py', 'app/Gone/', 'app/Gone/main.js']);
    expect(envKeysToCheck(config)).toEqual([
      'AGENTCORE_CREDENTIAL_MY_KEY',
      'AGENTCORE_CREDENTIAL_CRM_CLIENT_ID',
      'AGENTCORE_CREDENTIAL_CRM_CLIENT_SECRET',
    ]);
    expect(entrypointFile('src/main.ts')).toBe('src/main.ts');
  });

  it('warns about missing secrets, undeclared credentials and missing code, by name and path', () => {
    const checks = checkProject(config, {
      presentEnvKeys: new Set(['AGENTCORE_CREDENTIAL_MY_KEY', 'AGENTCORE_CREDENTIAL_CRM_CLIENT_ID']),
      existingPaths: new Set(['app/Echo/']),
    });
    expect(checks).toEqual([
      {
        code: 'SECRET_MISSING',
        path: 'credentials.1',
        params: { credential: 'Crm', key: 'AGENTCORE_CREDENTIAL_CRM_CLIENT_SECRET' },
      },
      {
        code: 'CREDENTIAL_MISSING',
        path: 'agentCoreGateways.0.targets.1.outboundAuth.credentialName',
        params: { credential: 'Ghost', by: 'gateway gw target b' },
      },
      { code: 'ENTRYPOINT_MISSING', path: 'runtimes.0.entrypoint', params: { name: 'Echo', file: 'app/Echo/main.py' } },
      {
        code: 'CODE_LOCATION_MISSING',
        path: 'runtimes.1.codeLocation',
        params: { name: 'Gone', codeLocation: 'app/Gone/' },
      },
    ]);
  });

  it('is quiet for a complete project', () => {
    const all = { presentEnvKeys: new Set(envKeysToCheck(config)), existingPaths: new Set(pathsToCheck(config)) };
    const ok = { ...config, agentCoreGateways: [] };
    expect(checkProject(ok, all)).toEqual([]);
    expect(countResources(config)).toEqual({ runtimes: 2, gateways: 1, targets: 2, credentials: 2 });
  });
});
