import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateChangeSetCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CreateApiKeyCredentialProviderCommand } from '@aws-sdk/client-bedrock-agentcore-control';
import { startAwsStandIn, type AwsStandIn } from './index.js';
import { clients, rejection } from './test/clients.js';

const SIGV4 = (service: string, region = 'us-east-1') =>
  `AWS4-HMAC-SHA256 Credential=AKIDTEST/20261203/${region}/${service}/aws4_request, SignedHeaders=host, Signature=00`;

describe('AWS stand-in: requests checked against the service models', () => {
  let aws: AwsStandIn;
  beforeAll(async () => {
    aws = await startAwsStandIn({ progressDelayMs: 0 });
  });
  afterAll(async () => {
    await aws.close();
  });

  const query = (body: string, authorization = SIGV4('cloudformation')) =>
    fetch(aws.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
      body,
    });

  it('answers a Query request without a required member with MissingParameter and records the violation', async () => {
    const before = aws.violations().length;
    const res = await query('Action=CreateChangeSet&Version=2010-05-15&ChangeSetName=c');
    expect(res.status).toBe(400);
    const xml = await res.text();
    expect(xml).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?><ErrorResponse xmlns="http:\/\/cloudformation\.amazonaws\.com\/doc\/2010-05-15\/"><Error><Type>Sender<\/Type><Code>MissingParameter<\/Code>/,
    );
    expect(xml).toContain('<RequestId>');
    expect(aws.violations().slice(before)).toEqual([
      { service: 'cloudformation', operation: 'CreateChangeSet', problems: ['missing required member StackName'] },
    ]);
    expect(aws.requests().at(-1)).toMatchObject({ operation: 'CreateChangeSet', mutating: true, status: 400 });
  });

  it('records wrong member types, unknown members and unknown actions', async () => {
    const before = aws.violations().length;
    await query(
      'Action=CreateChangeSet&Version=2010-05-15&StackName=s&ChangeSetName=c&UsePreviousTemplate=yes&Bogus=1',
    );
    await query('Action=LaunchRockets&Version=2010-05-15');
    const res = await fetch(`${aws.url}/identities/CreateApiKeyCredentialProvider`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: SIGV4('bedrock-agentcore') },
      body: JSON.stringify({ name: 5 }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException');
    expect(
      aws
        .violations()
        .slice(before)
        .map((v) => [v.operation, v.problems]),
    ).toEqual([
      ['CreateChangeSet', ['UsePreviousTemplate: expected true or false', 'unknown parameter Bogus']],
      ['LaunchRockets', ['unknown action LaunchRockets for Version 2010-05-15']],
      ['CreateApiKeyCredentialProvider', ['name: expected a string']],
    ]);
  });

  it('requires a SigV4 Authorization header scoped to the right service and region', async () => {
    const before = aws.violations().length;
    expect((await query('Action=DescribeStacks&Version=2010-05-15', '')).status).toBe(403);
    expect((await query('Action=DescribeStacks&Version=2010-05-15', SIGV4('sts'))).status).toBe(403);
    const wrongRegion = clients(aws, 'AKIDTEST', 'eu-west-1');
    const err = await rejection(wrongRegion.cfn.send(new DescribeStacksCommand({})));
    expect(err.message).toBe('Credential should be scoped to a valid region.');
    expect(
      aws
        .violations()
        .slice(before)
        .map((v) => v.problems[0]),
    ).toEqual([
      'no SigV4 Authorization header (AWS4-HMAC-SHA256 Credential=…/aws4_request)',
      'SigV4 scope names service sts, expected cloudformation',
      'SigV4 scope names region eu-west-1, expected us-east-1',
    ]);
  });

  it('records nothing for well-formed SDK calls, including lists and nested structures', async () => {
    const before = aws.violations().length;
    const { cfn, control } = clients(aws);
    await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'S',
        ChangeSetName: 'c',
        ChangeSetType: 'CREATE',
        TemplateBody: JSON.stringify({
          Parameters: { P: { Type: 'String' } },
          Resources: { T: { Type: 'AWS::SNS::Topic' } },
        }),
        Parameters: [{ ParameterKey: 'P', ParameterValue: 'v' }],
        Capabilities: ['CAPABILITY_IAM', 'CAPABILITY_NAMED_IAM'],
        Tags: [{ Key: 'k', Value: 'v' }],
      }),
    );
    await control.send(new CreateApiKeyCredentialProviderCommand({ name: 'K', apiKey: 'v', tags: { team: 'a' } }));
    expect(aws.violations().slice(before)).toEqual([]);
  });
});
