import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateChangeSetCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  DescribeStackResourcesCommand,
  DescribeStacksCommand,
  ExecuteChangeSetCommand,
  GetTemplateCommand,
  ListChangeSetsCommand,
  ListStackResourcesCommand,
  ListStacksCommand,
  ValidateTemplateCommand,
  DeleteChangeSetCommand,
  type Capability,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
import {
  GetAgentRuntimeCommand,
  GetGatewayCommand,
  GetGatewayTargetCommand,
  ListAgentRuntimesCommand,
  ListGatewaysCommand,
  ListGatewayTargetsCommand,
} from '@aws-sdk/client-bedrock-agentcore-control';
import { startAwsStandIn, type AwsStandIn } from './index.js';
import { clients, rejection } from './test/clients.js';
import { projectTemplate, waitForChangeSet, waitForStack } from './test/stack.js';

const CAPS: Capability[] = ['CAPABILITY_IAM'];

async function allEvents(cfn: ReturnType<typeof clients>['cfn'], StackName: string): Promise<StackEvent[]> {
  const out: StackEvent[] = [];
  let NextToken: string | undefined;
  do {
    const page = await cfn.send(new DescribeStackEventsCommand({ StackName, NextToken }));
    out.push(...(page.StackEvents ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

async function deploy(
  aws: AwsStandIn,
  StackName: string,
  template: unknown,
  ChangeSetType: 'CREATE' | 'UPDATE',
  name = 'cs1',
) {
  const { cfn } = clients(aws);
  await cfn.send(
    new CreateChangeSetCommand({
      StackName,
      ChangeSetName: name,
      ChangeSetType,
      TemplateBody: JSON.stringify(template),
      Capabilities: CAPS,
    }),
  );
  const cs = await waitForChangeSet(cfn, StackName, name);
  if (cs.Status === 'CREATE_COMPLETE') await cfn.send(new ExecuteChangeSetCommand({ StackName, ChangeSetName: name }));
  return cs;
}

describe('AWS stand-in: CloudFormation through the real SDK client', () => {
  let aws: AwsStandIn;
  beforeAll(async () => {
    aws = await startAwsStandIn({ progressDelayMs: 2, pageSize: 5 });
  });
  afterAll(async () => {
    await aws.close();
  });

  it('creates a stack (runtime, gateway, target, role) step by step, with AWS-shaped ids, outputs and events', async () => {
    const { cfn, control } = clients(aws);
    const cs = await deploy(aws, 'Proj', projectTemplate(), 'CREATE');
    expect(cs.Changes?.map((c) => [c.ResourceChange?.Action, c.ResourceChange?.LogicalResourceId])).toEqual([
      ['Add', 'RuntimeRole'],
      ['Add', 'EchoAgent'],
      ['Add', 'Gateway'],
      ['Add', 'Target'],
    ]);
    const { stack, seen } = await waitForStack(cfn, 'Proj');
    expect(seen[0]).toBe('CREATE_IN_PROGRESS');
    expect(stack?.StackStatus).toBe('CREATE_COMPLETE');
    const outputs = Object.fromEntries((stack?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
    expect(outputs.RuntimeArn).toMatch(
      /^arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime\/EchoAgent-[A-Za-z0-9]{10}$/,
    );
    expect(outputs.GatewayUrl).toMatch(
      /^https:\/\/my-gateway-[a-z0-9]{10}\.gateway\.bedrock-agentcore\.us-east-1\.amazonaws\.com\/mcp$/,
    );
    expect(outputs.Named).toMatch(/^Proj-my-gateway-[a-z0-9]{10}-dev$/);
    expect(outputs.Joined).toMatch(/^us-east-1:my-gateway-[a-z0-9]{10}\|[A-Z0-9]{10}$/);

    const events = await allEvents(cfn, 'Proj');
    expect(events.length).toBeGreaterThan(5);
    expect(events[0]).toMatchObject({ LogicalResourceId: 'Proj', ResourceStatus: 'CREATE_COMPLETE' });
    expect(events.at(-1)).toMatchObject({ LogicalResourceId: 'Proj', ResourceStatus: 'REVIEW_IN_PROGRESS' });
    const times = events.map((e) => e.Timestamp?.getTime() ?? 0);
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const resources = (await cfn.send(new DescribeStackResourcesCommand({ StackName: 'Proj' }))).StackResources ?? [];
    expect(resources.every((r) => r.ResourceStatus === 'CREATE_COMPLETE')).toBe(true);
    const summaries = await cfn.send(new ListStackResourcesCommand({ StackName: 'Proj' }));
    expect(summaries.StackResourceSummaries?.length).toBe(4);
    const role = aws.stacks()[0]?.resources.find((r) => r.logicalId === 'RuntimeRole');
    expect(role?.attributes.Arn).toMatch(/^arn:aws:iam::123456789012:role\/Proj-RuntimeRole-[A-Z0-9]{12}$/);
    expect(aws.stacks()[0]?.resources.find((r) => r.logicalId === 'EchoAgent')?.properties.RoleArn).toBe(
      role?.attributes.Arn,
    );

    const runtimeId = String(outputs.RuntimeArn).split('/')[1];
    const runtime = await control.send(new GetAgentRuntimeCommand({ agentRuntimeId: runtimeId }));
    expect(runtime).toMatchObject({ agentRuntimeName: 'EchoAgent', status: 'READY', roleArn: role?.attributes.Arn });
    const gateways = await control.send(new ListGatewaysCommand({}));
    expect(gateways.items?.map((g) => g.name)).toEqual(['my-gateway']);
    const gateway = await control.send(new GetGatewayCommand({ gatewayIdentifier: gateways.items?.[0]?.gatewayId }));
    expect(gateway.gatewayUrl).toBe(outputs.GatewayUrl);
    const template = await cfn.send(new GetTemplateCommand({ StackName: 'Proj' }));
    expect(JSON.parse(template.TemplateBody ?? '{}')).toEqual(projectTemplate());
    expect(aws.violations()).toEqual([]);
  });

  it('lists runtimes and gateway targets, validates templates and lists stacks as the control plane would', async () => {
    const { cfn, control } = clients(aws);
    const runtimes = await control.send(new ListAgentRuntimesCommand({}));
    expect(runtimes.agentRuntimes?.map((r) => [r.agentRuntimeName, r.status])).toEqual([['EchoAgent', 'READY']]);
    const gatewayId = (await control.send(new ListGatewaysCommand({}))).items?.[0]?.gatewayId;
    const targets = await control.send(new ListGatewayTargetsCommand({ gatewayIdentifier: gatewayId }));
    expect(targets.items?.map((t) => t.name)).toEqual(['secureTools']);
    const target = await control.send(
      new GetGatewayTargetCommand({ gatewayIdentifier: gatewayId, targetId: targets.items?.[0]?.targetId }),
    );
    expect(target.targetConfiguration?.mcp?.mcpServer?.endpoint).toBe('https://api.example.com/mcp');
    expect(target.credentialProviderConfigurations?.[0]?.credentialProviderType).toBe('GATEWAY_IAM_ROLE');
    const validated = await cfn.send(new ValidateTemplateCommand({ TemplateBody: JSON.stringify(projectTemplate()) }));
    expect(validated.Capabilities).toEqual(['CAPABILITY_IAM']);
    expect(validated.Parameters?.map((p) => [p.ParameterKey, p.DefaultValue])).toEqual([['Env', 'dev']]);
    expect(
      (await cfn.send(new ListStacksCommand({}))).StackSummaries?.map((s) => [s.StackName, s.StackStatus]),
    ).toEqual([['Proj', 'CREATE_COMPLETE']]);
    const reads = aws
      .requests()
      .filter((r) => ['ValidateTemplate', 'ListStacks', 'ListAgentRuntimes'].includes(r.operation));
    expect(reads.map((r) => r.mutating)).toEqual([false, false, false]);
    expect(aws.violations()).toEqual([]);
  });

  it('reports a no-change change set as FAILED with AWS reason, and refuses to execute it', async () => {
    const { cfn } = clients(aws);
    const cs = await deploy(aws, 'Proj', projectTemplate(), 'UPDATE', 'same');
    expect(cs.Status).toBe('FAILED');
    expect(cs.ExecutionStatus).toBe('UNAVAILABLE');
    expect(cs.StatusReason).toBe(
      "The submitted information didn't contain changes. Submit different information to create a change set.",
    );
    const err = await rejection(cfn.send(new ExecuteChangeSetCommand({ StackName: 'Proj', ChangeSetName: 'same' })));
    expect(err.name).toBe('InvalidChangeSetStatusException'); // the SDK's name for the Query code InvalidChangeSetStatus
    expect(
      (await cfn.send(new ListChangeSetsCommand({ StackName: 'Proj' }))).Summaries?.map((s) => s.ChangeSetName),
    ).toContain('same');
    await cfn.send(new DeleteChangeSetCommand({ StackName: 'Proj', ChangeSetName: 'same' }));
    expect(
      (await cfn.send(new ListChangeSetsCommand({ StackName: 'Proj' }))).Summaries?.map((s) => s.ChangeSetName),
    ).not.toContain('same');
  });

  it('updates with a replacement: Replacement True from the resource spec, a new physical id, the old one deleted', async () => {
    const { cfn } = clients(aws);
    const before = aws
      .stacks()
      .find((s) => s.name === 'Proj')
      ?.resources.find((r) => r.logicalId === 'EchoAgent')?.physicalId;
    const cs = await deploy(aws, 'Proj', projectTemplate({ runtimeName: 'EchoAgentV2' }), 'UPDATE', 'rename');
    const change = cs.Changes?.find((c) => c.ResourceChange?.LogicalResourceId === 'EchoAgent')?.ResourceChange;
    expect(change).toMatchObject({ Action: 'Modify', Replacement: 'True', PhysicalResourceId: before });
    expect(change?.Details?.[0]?.Target).toMatchObject({ Name: 'AgentRuntimeName', RequiresRecreation: 'Always' });
    expect(cs.Changes?.map((c) => c.ResourceChange?.LogicalResourceId)).toEqual(['EchoAgent']);
    const { stack, seen } = await waitForStack(cfn, 'Proj');
    expect(seen).toContain('UPDATE_IN_PROGRESS');
    expect(stack?.StackStatus).toBe('UPDATE_COMPLETE');
    const after = aws
      .stacks()
      .find((s) => s.name === 'Proj')
      ?.resources.find((r) => r.logicalId === 'EchoAgent')?.physicalId;
    expect(after).toMatch(/^EchoAgentV2-/);
    const events = await allEvents(cfn, 'Proj');
    expect(events.find((e) => e.PhysicalResourceId === before && e.ResourceStatus === 'DELETE_COMPLETE')).toBeDefined();
    const order = events.map((e) => String(e.ResourceStatus)).reverse();
    expect(order.indexOf('UPDATE_COMPLETE_CLEANUP_IN_PROGRESS')).toBeLessThan(order.lastIndexOf('DELETE_COMPLETE'));
  });

  it('rolls a failing resource back (ROLLBACK_COMPLETE) with the status reason in the events', async () => {
    const { cfn } = clients(aws);
    aws.setFault({
      kind: 'resource-failure',
      resourceType: 'AWS::BedrockAgentCore::Gateway',
      reason: 'Gateway quota exceeded',
    });
    try {
      await deploy(aws, 'Failing', projectTemplate(), 'CREATE');
      const { stack, seen } = await waitForStack(cfn, 'Failing');
      expect(seen[0]).toBe('CREATE_IN_PROGRESS');
      expect(stack?.StackStatus).toBe('ROLLBACK_COMPLETE');
      const events = await allEvents(cfn, 'Failing');
      const failed = events.find((e) => e.ResourceStatus === 'CREATE_FAILED');
      expect(failed).toMatchObject({ LogicalResourceId: 'Gateway', ResourceStatusReason: 'Gateway quota exceeded' });
      expect(events.find((e) => e.ResourceStatus === 'ROLLBACK_IN_PROGRESS')?.ResourceStatusReason).toBe(
        'The following resource(s) failed to create: [Gateway]. Rollback requested by user.',
      );
      const live = aws
        .stacks()
        .find((s) => s.name === 'Failing')
        ?.resources.filter((r) => r.status !== 'DELETE_COMPLETE');
      expect(live).toEqual([]);
      const update = await rejection(
        cfn.send(
          new CreateChangeSetCommand({
            StackName: 'Failing',
            ChangeSetName: 'x',
            TemplateBody: JSON.stringify(projectTemplate()),
            Capabilities: CAPS,
          }),
        ),
      );
      expect(update.message).toMatch(/is in ROLLBACK_COMPLETE state and can not be updated/);
    } finally {
      aws.clearFaults();
    }
  });

  it('rolls a failing update back to UPDATE_ROLLBACK_COMPLETE and keeps the previous resources', async () => {
    const { cfn } = clients(aws);
    const before = aws
      .stacks()
      .find((s) => s.name === 'Proj')
      ?.resources.map((r) => [r.logicalId, r.physicalId]);
    aws.setFault({
      kind: 'resource-failure',
      logicalId: 'EchoAgent',
      when: (p) => p.AgentRuntimeName === 'Broken',
      reason: 'Image not found',
    });
    try {
      await deploy(aws, 'Proj', projectTemplate({ runtimeName: 'Broken' }), 'UPDATE', 'broken');
      const { stack } = await waitForStack(cfn, 'Proj');
      expect(stack?.StackStatus).toBe('UPDATE_ROLLBACK_COMPLETE');
      const events = await allEvents(cfn, 'Proj');
      expect(events.find((e) => e.ResourceStatus === 'UPDATE_FAILED')?.ResourceStatusReason).toBe('Image not found');
      expect(
        aws
          .stacks()
          .find((s) => s.name === 'Proj')
          ?.resources.map((r) => [r.logicalId, r.physicalId]),
      ).toEqual(before);
    } finally {
      aws.clearFaults();
    }
  });

  it('deletes a stack: DescribeStacks by name then fails as AWS does, by id it shows DELETE_COMPLETE', async () => {
    const { cfn } = clients(aws);
    const id = (await cfn.send(new DescribeStacksCommand({ StackName: 'Proj' }))).Stacks?.[0]?.StackId ?? '';
    await cfn.send(new DeleteStackCommand({ StackName: 'Proj' }));
    const { stack } = await waitForStack(cfn, id);
    expect(stack?.StackStatus).toBe('DELETE_COMPLETE');
    const gone = await rejection(cfn.send(new DescribeStacksCommand({ StackName: 'Proj' })));
    expect(gone.name).toBe('ValidationError');
    expect(gone.message).toBe('Stack with id Proj does not exist');
    expect((await clients(aws).control.send(new ListGatewaysCommand({}))).items).toEqual([]);
  });

  it('answers template errors and missing capabilities with AWS codes', async () => {
    const { cfn } = clients(aws);
    const send = (TemplateBody: string, Capabilities?: Capability[]) =>
      rejection(
        cfn.send(
          new CreateChangeSetCommand({
            StackName: 'Bad',
            ChangeSetName: 'c',
            ChangeSetType: 'CREATE',
            TemplateBody,
            Capabilities,
          }),
        ),
      );
    expect((await send(JSON.stringify(projectTemplate()))).name).toBe('InsufficientCapabilitiesException');
    const unresolved = { Resources: { A: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { Ref: 'Nope' } } } } };
    expect((await send(JSON.stringify(unresolved))).message).toContain('Unresolved resource dependencies [Nope]');
    expect((await send('{"Resources":{}}')).message).toBe(
      'Template format error: At least one Resources member must be defined.',
    );
    expect(aws.stacks().find((s) => s.name === 'Bad')).toBeUndefined();
  });
});
