import { describe, expect, it } from 'vitest';
import { deniedAction, mapAwsError, redact } from './errors.js';

const sdkError = (name: string, message: string, status: number) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, requestId: 'r-1' } });

describe('mapAwsError', () => {
  it('names the denied action from AWS’s message', () => {
    const msg =
      'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: cloudformation:CreateChangeSet on resource: arn:aws:cloudformation:us-east-1:123456789012:stack/x/*';
    expect(deniedAction(msg)).toBe('cloudformation:CreateChangeSet');
    const err = mapAwsError(sdkError('AccessDenied', msg, 403), 'cloudformation:CreateChangeSet');
    expect(err.code).toBe('ERR_DEPLOY_ACCESS_DENIED');
    expect(err.message).toContain('cloudformation:CreateChangeSet');
    expect(err.actions[0]).toContain('Grant cloudformation:CreateChangeSet');
    expect(err.details.requestId).toBe('r-1');
  });

  it('falls back to the called action when AWS does not name one', () => {
    const err = mapAwsError(sdkError('AccessDeniedException', 'denied', 403), 's3:PutObject');
    expect(err.details.action).toBe('s3:PutObject');
  });

  it('expired and missing credentials have their own codes', () => {
    expect(
      mapAwsError(
        sdkError('ExpiredToken', 'The security token included in the request is expired', 403),
        'sts:GetCallerIdentity',
      ).code,
    ).toBe('ERR_DEPLOY_CREDENTIALS_EXPIRED');
    const none = mapAwsError(
      sdkError('CredentialsProviderError', 'Could not load credentials from any providers', 0),
      'sts:GetCallerIdentity',
    );
    expect(none.code).toBe('ERR_DEPLOY_NO_CREDENTIALS');
    expect(none.actions[0]).toContain('aws configure');
  });

  it('never shows a secret AWS echoed back', () => {
    const secret = 'sk-abc123-secret';
    const err = mapAwsError(
      sdkError('ValidationException', `apiKey ${secret} is invalid`, 400),
      'bedrock-agentcore:CreateApiKeyCredentialProvider',
      [secret],
    );
    expect(err.code).toBe('ERR_DEPLOY_AWS');
    expect(JSON.stringify(err.toJSON())).not.toContain(secret);
    expect(redact('a-b-ab', ['ab', 'a-b'])).toBe('***-***');
  });
});
