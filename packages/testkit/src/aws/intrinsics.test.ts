import { describe, expect, it } from 'vitest';
import { dependencies, resolve, TemplateError, type ResolveContext } from './intrinsics.js';

const ctx: ResolveContext = {
  values: { Env: 'dev', 'AWS::Region': 'us-east-1' },
  ref: (id) => ({ Gw: 'gw-1', Role: 'role-1' })[id],
  getAtt: (id, attr) => (id === 'Gw' && attr === 'GatewayUrl' ? 'https://gw-1/mcp' : undefined),
};

describe('CloudFormation intrinsics', () => {
  it('resolves Ref, GetAtt (both forms), Sub (string and variables), Join and Select', () => {
    expect(
      resolve(
        {
          a: { Ref: 'Env' },
          b: { 'Fn::GetAtt': ['Gw', 'GatewayUrl'] },
          c: { 'Fn::GetAtt': 'Gw.GatewayUrl' },
          d: { 'Fn::Sub': '${Gw}-${Env}-${AWS::Region}-${!Literal}-${Gw.GatewayUrl}' },
          e: { 'Fn::Sub': ['${X}/${Role}', { X: { Ref: 'Env' } }] },
          f: { 'Fn::Join': ['/', ['a', { Ref: 'Role' }]] },
          g: { 'Fn::Select': [1, ['x', { Ref: 'Gw' }]] },
        },
        ctx,
      ),
    ).toEqual({
      a: 'dev',
      b: 'https://gw-1/mcp',
      c: 'https://gw-1/mcp',
      d: 'gw-1-dev-us-east-1-${Literal}-https://gw-1/mcp',
      e: 'dev/role-1',
      f: 'a/role-1',
      g: 'gw-1',
    });
  });

  it('fails on unknown references, attributes and unsupported functions', () => {
    expect(() => resolve({ Ref: 'Nope' }, ctx)).toThrow(new TemplateError('Unresolved reference Nope'));
    expect(() => resolve({ 'Fn::GetAtt': ['Gw', 'Arn'] }, ctx)).toThrow('Unresolved attribute Gw.Arn');
    expect(() => resolve({ 'Fn::If': ['C', 1, 2] }, ctx)).toThrow(
      'Template function Fn::If is not supported by the stand-in',
    );
  });

  it('lists the logical ids a value depends on', () => {
    const deps = dependencies({
      a: { Ref: 'Role' },
      b: { 'Fn::GetAtt': ['Gw', 'GatewayUrl'] },
      c: { 'Fn::Sub': ['${Target}-${X}-${!Skip}', { X: { Ref: 'Other' } }] },
    });
    expect([...deps].sort()).toEqual(['Gw', 'Other', 'Role', 'Target']);
  });
});
