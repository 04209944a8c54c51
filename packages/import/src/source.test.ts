import { describe, expect, it } from 'vitest';
import { fileSource, parseRecordedResponses } from './file-source.js';
import { parseAgentcoreArn, readGateway } from './source.js';

describe('responses file source', () => {
  it('follows ListGatewayTargets pages and fetches each target', async () => {
    const src = fileSource(
      parseRecordedResponses({
        GetGateway: { gatewayId: 'gw1', name: 'Demo-gw' },
        ListGatewayTargets: [{ items: [{ targetId: 'a' }], nextToken: 'n1' }, { items: [{ targetId: 'b' }] }],
        GetGatewayTarget: { a: { name: 'ta' }, b: { name: 'tb' } },
      }),
    );
    const res = await readGateway(src, 'gw1');
    expect(res.targets.map((t) => t.name)).toEqual(['ta', 'tb']);
    await expect(readGateway(src, 'other')).rejects.toMatchObject({ code: 'ERR_IMPORT_NOT_FOUND' });
  });

  it('rejects unknown keys with a coded error', () => {
    expect(() => parseRecordedResponses({ GetGateways: {} })).toThrow(
      expect.objectContaining({ code: 'ERR_IMPORT_RESPONSES_FILE' }),
    );
  });

  it('parses gateway and runtime ARNs', () => {
    expect(parseAgentcoreArn('arn:aws:bedrock-agentcore:eu-west-1:123456789012:gateway/gw-abc', 'gateway')).toEqual({
      region: 'eu-west-1',
      account: '123456789012',
      kind: 'gateway',
      id: 'gw-abc',
    });
    expect(() => parseAgentcoreArn('arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/x', 'gateway')).toThrow(
      expect.objectContaining({ code: 'ERR_IMPORT_INVALID_ARN' }),
    );
  });
});
