import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import {
  CreateApiKeyCredentialProviderCommand,
  CreateOauth2CredentialProviderCommand,
  DeleteApiKeyCredentialProviderCommand,
  DeleteOauth2CredentialProviderCommand,
  GetApiKeyCredentialProviderCommand,
  GetOauth2CredentialProviderCommand,
  ListApiKeyCredentialProvidersCommand,
  ListOauth2CredentialProvidersCommand,
  UpdateApiKeyCredentialProviderCommand,
  UpdateOauth2CredentialProviderCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import {
  CreateChangeSetCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
} from '@aws-sdk/client-cloudformation';
import { startAwsStandIn, type AwsStandIn } from './index.js';
import { clients, rejection } from './test/clients.js';
import { waitForChangeSet, waitForStack } from './test/stack.js';

const ARN = /^arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault\/default\/apikeycredentialprovider\/MyKey$/;
const SECRET_ARN = /^arn:aws:secretsmanager:us-east-1:123456789012:secret:/;

describe('AWS stand-in: STS and AgentCore Identity through the real SDK clients', () => {
  let aws: AwsStandIn;
  beforeAll(async () => {
    aws = await startAwsStandIn({ progressDelayMs: 0 });
  });
  afterAll(async () => {
    await aws.close();
  });

  it('answers GetCallerIdentity with the configured account', async () => {
    const { sts } = clients(aws);
    const me = await sts.send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe('123456789012');
    expect(me.Arn).toBe('arn:aws:iam::123456789012:user/x');
    expect(aws.requests().at(-1)).toMatchObject({
      service: 'sts',
      operation: 'GetCallerIdentity',
      mutating: false,
      accessKeyId: 'AKIDTEST',
      status: 200,
    });
  });

  it('creates, reads, updates, lists and deletes an API-key provider, keeping the key only in its store', async () => {
    const { control } = clients(aws);
    const created = await control.send(
      new CreateApiKeyCredentialProviderCommand({ name: 'MyKey', apiKey: 'sk-first-secret' }),
    );
    expect(created.$metadata.httpStatusCode).toBe(201);
    expect(created.credentialProviderArn).toMatch(ARN);
    expect(created.apiKeySecretArn?.secretArn).toMatch(SECRET_ARN);

    const dup = await rejection(
      control.send(new CreateApiKeyCredentialProviderCommand({ name: 'MyKey', apiKey: 'other' })),
    );
    expect(dup.name).toBe('ConflictException');
    expect(dup.$metadata?.httpStatusCode).toBe(409);

    const got = await control.send(new GetApiKeyCredentialProviderCommand({ name: 'MyKey' }));
    expect(got.credentialProviderArn).toBe(created.credentialProviderArn);
    expect(got.createdTime).toBeInstanceOf(Date);

    await control.send(new UpdateApiKeyCredentialProviderCommand({ name: 'MyKey', apiKey: 'sk-second-secret' }));
    expect(aws.providers().apiKey).toEqual([expect.objectContaining({ name: 'MyKey', apiKey: 'sk-second-secret' })]);
    const listed = await control.send(new ListApiKeyCredentialProvidersCommand({}));
    expect(listed.credentialProviders?.map((p) => p.name)).toEqual(['MyKey']);

    await control.send(new DeleteApiKeyCredentialProviderCommand({ name: 'MyKey' }));
    const missing = await rejection(control.send(new GetApiKeyCredentialProviderCommand({ name: 'MyKey' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(aws.providers().apiKey).toEqual([]);

    const withSecret = aws.requests().filter((r) => r.body.includes('sk-second-secret'));
    expect(withSecret.map((r) => r.operation)).toEqual(['UpdateApiKeyCredentialProvider']);
    const mutating = aws
      .requests()
      .filter((r) => r.mutating && r.service === 'bedrock-agentcore')
      .map((r) => r.operation);
    expect(mutating).toEqual([
      'CreateApiKeyCredentialProvider',
      'CreateApiKeyCredentialProvider',
      'UpdateApiKeyCredentialProvider',
      'DeleteApiKeyCredentialProvider',
    ]);
  });

  it('keeps OAuth2 providers with a callback URL and answers without the client secret', async () => {
    const { control } = clients(aws);
    const config = {
      customOauth2ProviderConfig: {
        oauthDiscovery: { discoveryUrl: 'https://idp.example.com/.well-known/openid-configuration' },
        clientId: 'client-1',
        clientSecret: 'oauth-secret-1',
      },
    };
    const created = await control.send(
      new CreateOauth2CredentialProviderCommand({
        name: 'MyOauth',
        credentialProviderVendor: 'CustomOauth2',
        oauth2ProviderConfigInput: config,
      }),
    );
    expect(created.credentialProviderArn).toBe(
      'arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default/oauth2credentialprovider/MyOauth',
    );
    expect(created.callbackUrl).toMatch(
      /^https:\/\/bedrock-agentcore\.us-east-1\.amazonaws\.com\/identities\/oauth2\/callback\//,
    );
    expect(created.clientSecretArn?.secretArn).toMatch(SECRET_ARN);
    const got = await control.send(new GetOauth2CredentialProviderCommand({ name: 'MyOauth' }));
    expect(got.oauth2ProviderConfigOutput?.customOauth2ProviderConfig?.clientId).toBe('client-1');
    expect(JSON.stringify(got)).not.toContain('oauth-secret-1');
    config.customOauth2ProviderConfig.clientSecret = 'oauth-secret-2';
    await control.send(
      new UpdateOauth2CredentialProviderCommand({
        name: 'MyOauth',
        credentialProviderVendor: 'CustomOauth2',
        oauth2ProviderConfigInput: config,
      }),
    );
    expect(aws.providers().oauth2).toEqual([
      expect.objectContaining({
        name: 'MyOauth',
        clientId: 'client-1',
        clientSecret: 'oauth-secret-2',
        discoveryUrl: config.customOauth2ProviderConfig.oauthDiscovery.discoveryUrl,
      }),
    ]);
    expect(
      (await control.send(new ListOauth2CredentialProvidersCommand({}))).credentialProviders?.map((p) => p.name),
    ).toEqual(['MyOauth']);
    await control.send(new DeleteOauth2CredentialProviderCommand({ name: 'MyOauth' }));
    expect(aws.providers().oauth2).toEqual([]);
    expect(aws.violations()).toEqual([]);
  });

  it('registers an AWS::BedrockAgentCore::ApiKeyCredentialProvider created by a stack, and removes it with the stack', async () => {
    const { cfn, control } = clients(aws);
    const template = {
      Parameters: { Key: { Type: 'String', NoEcho: true } },
      Resources: {
        Provider: {
          Type: 'AWS::BedrockAgentCore::ApiKeyCredentialProvider',
          Properties: { Name: 'StackKey', ApiKey: { Ref: 'Key' } },
        },
      },
      Outputs: { Arn: { Value: { 'Fn::GetAtt': ['Provider', 'CredentialProviderArn'] } } },
    };
    await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'Keys',
        ChangeSetName: 'c',
        ChangeSetType: 'CREATE',
        TemplateBody: JSON.stringify(template),
        Parameters: [{ ParameterKey: 'Key', ParameterValue: 'stack-secret' }],
      }),
    );
    await waitForChangeSet(cfn, 'Keys', 'c');
    await cfn.send(new ExecuteChangeSetCommand({ StackName: 'Keys', ChangeSetName: 'c' }));
    const { stack } = await waitForStack(cfn, 'Keys');
    expect(stack?.Parameters).toEqual([{ ParameterKey: 'Key', ParameterValue: '****' }]);
    const got = await control.send(new GetApiKeyCredentialProviderCommand({ name: 'StackKey' }));
    expect(stack?.Outputs?.[0]?.OutputValue).toBe(got.credentialProviderArn);
    expect(aws.providers().apiKey.find((p) => p.name === 'StackKey')?.apiKey).toBe('stack-secret');
    await cfn.send(new DeleteStackCommand({ StackName: 'Keys' }));
    await waitForStack(cfn, stack?.StackId ?? '');
    expect(aws.providers().apiKey.find((p) => p.name === 'StackKey')).toBeUndefined();
  });

  it('fails a stack-declared provider whose name is taken, and rolls the stack back', async () => {
    const { cfn, control } = clients(aws);
    await control.send(new CreateApiKeyCredentialProviderCommand({ name: 'Taken', apiKey: 'api-secret' }));
    const template = {
      Resources: {
        Provider: { Type: 'AWS::BedrockAgentCore::ApiKeyCredentialProvider', Properties: { Name: 'Taken' } },
      },
    };
    await cfn.send(
      new CreateChangeSetCommand({
        StackName: 'Clash',
        ChangeSetName: 'c',
        ChangeSetType: 'CREATE',
        TemplateBody: JSON.stringify(template),
      }),
    );
    await waitForChangeSet(cfn, 'Clash', 'c');
    await cfn.send(new ExecuteChangeSetCommand({ StackName: 'Clash', ChangeSetName: 'c' }));
    const { stack } = await waitForStack(cfn, 'Clash');
    expect(stack?.StackStatus).toBe('ROLLBACK_COMPLETE');
    const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: 'Clash' }))).StackEvents ?? [];
    expect(events.find((e) => e.ResourceStatus === 'CREATE_FAILED')).toMatchObject({
      LogicalResourceId: 'Provider',
      ResourceStatusReason: 'Credential provider with name Taken already exists',
    });
    expect(aws.providers().apiKey.find((p) => p.name === 'Taken')?.apiKey).toBe('api-secret');
  });

  it('denies a chosen action in each protocol shape, naming the action', async () => {
    const { cfn, control } = clients(aws);
    aws.setFault({ kind: 'access-denied', action: 'bedrock-agentcore:CreateApiKeyCredentialProvider' });
    aws.setFault({ kind: 'access-denied', action: 'cloudformation:CreateChangeSet' });
    try {
      const rest = await rejection(
        control.send(new CreateApiKeyCredentialProviderCommand({ name: 'Denied', apiKey: 'k' })),
      );
      expect(rest.name).toBe('AccessDeniedException');
      expect(rest.$metadata?.httpStatusCode).toBe(403);
      expect(rest.message).toBe(
        'User: arn:aws:iam::123456789012:user/x is not authorized to perform: bedrock-agentcore:CreateApiKeyCredentialProvider' +
          ' on resource: arn:aws:bedrock-agentcore:us-east-1:123456789012:token-vault/default because no identity-based' +
          ' policy allows the bedrock-agentcore:CreateApiKeyCredentialProvider action',
      );
      const query = await rejection(
        cfn.send(new CreateChangeSetCommand({ StackName: 'Proj', ChangeSetName: 'c', TemplateBody: '{}' })),
      );
      expect(query.name).toBe('AccessDenied');
      expect(query.$metadata?.httpStatusCode).toBe(403);
      expect(query.message).toBe(
        'User: arn:aws:iam::123456789012:user/x is not authorized to perform: cloudformation:CreateChangeSet on resource:' +
          ' arn:aws:cloudformation:us-east-1:123456789012:stack/Proj/* because no identity-based policy allows the' +
          ' cloudformation:CreateChangeSet action',
      );
      expect(aws.stacks().find((st) => st.name === 'Proj')).toBeUndefined();
      expect(aws.providers().apiKey.map((p) => p.name)).not.toContain('Denied');
    } finally {
      aws.clearFaults();
    }
  });

  it('answers ExpiredToken for a chosen access key id only', async () => {
    aws.setFault({ kind: 'expired-token', accessKeyId: 'AKIDEXPIRED' });
    try {
      const expired = clients(aws, 'AKIDEXPIRED');
      expect((await rejection(expired.sts.send(new GetCallerIdentityCommand({})))).name).toBe('ExpiredToken');
      expect((await rejection(expired.cfn.send(new DescribeStacksCommand({})))).name).toBe('ExpiredToken');
      const rest = await rejection(expired.control.send(new ListApiKeyCredentialProvidersCommand({})));
      expect(rest.name).toBe('ExpiredTokenException');
      expect((await clients(aws).sts.send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012');
    } finally {
      aws.clearFaults();
    }
  });
});
