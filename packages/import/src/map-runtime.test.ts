import { describe, expect, it } from 'vitest';
import { mapRuntime } from './map-runtime.js';
import { fakeRegistry } from './test-helpers/fake-strategies.js';

const registry = fakeRegistry();

describe('mapRuntime', () => {
  it('maps a CodeZip runtime with JWT auth including custom claims', () => {
    const claims = [
      {
        inboundTokenClaimName: 'dept',
        inboundTokenClaimValueType: 'STRING',
        authorizingClaimMatchValue: { claimMatchOperator: 'EQUALS', claimMatchValue: { matchValueString: 'eng' } },
      },
    ];
    const { runtime } = mapRuntime(
      {
        agentRuntimeName: 'Demo_Agent',
        status: 'READY',
        roleArn: 'arn:aws:iam::123456789012:role/r',
        agentRuntimeArtifact: {
          codeConfiguration: {
            code: { s3: { bucket: 'b', prefix: 'p' } },
            runtime: 'PYTHON_3_13',
            entryPoint: ['opentelemetry-instrument', 'main.py'],
          },
        },
        networkConfiguration: { networkMode: 'PUBLIC' },
        protocolConfiguration: { serverProtocol: 'HTTP' },
        environmentVariables: { A: '1' },
        authorizerConfiguration: {
          customJWTAuthorizer: { discoveryUrl: 'https://idp/.well-known/openid-configuration', customClaims: claims },
        },
      },
      { projectName: 'Demo', registry },
    );
    expect(runtime).toEqual({
      name: 'Agent',
      build: 'CodeZip',
      entrypoint: 'main.py',
      codeLocation: 'app/Agent/',
      runtimeVersion: 'PYTHON_3_13',
      envVars: [{ name: 'A', value: '1' }],
      networkMode: 'PUBLIC',
      protocol: 'HTTP',
      executionRoleArn: 'arn:aws:iam::123456789012:role/r',
      authorizerType: 'CUSTOM_JWT',
      authorizerConfiguration: {
        customJwtAuthorizer: { discoveryUrl: 'https://idp/.well-known/openid-configuration', customClaims: claims },
      },
    });
  });

  it('writes AWS_IAM as absent and refuses an unknown runtime version', () => {
    const base = {
      agentRuntimeName: 'X',
      agentRuntimeArtifact: { codeConfiguration: { runtime: 'PYTHON_3_12', entryPoint: ['main.py'] } },
    };
    expect(mapRuntime(base, { projectName: 'Demo', registry }).runtime).not.toHaveProperty('authorizerType');
    expect(() =>
      mapRuntime(
        { ...base, agentRuntimeArtifact: { codeConfiguration: { runtime: 'JAVA_21', entryPoint: ['main.py'] } } },
        { projectName: 'Demo', registry },
      ),
    ).toThrow(expect.objectContaining({ code: 'ERR_IMPORT_UNSUPPORTED' }));
  });
});
