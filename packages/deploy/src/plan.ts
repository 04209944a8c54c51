/**
 * The local half of a deploy, before any AWS call: stack name, code zips, credential fingerprints, the extended
 * template and its hash. Pure apart from reading the code locations.
 */
import { packageRuntime, type CodeAsset } from './assets.js';
import { createDeployError } from './errors.js';
import type { CredentialPlan, CredentialValues } from './identity.js';
import { extendTemplate } from './roles.js';
import { authSnapshot, type AuthSnapshot, type CredentialSnapshot, type TemplateNames } from './snapshot.js';
import { fingerprinter } from './state.js';
import { canonicalJson, parameterRef, sha256Hex, STACK_NAME_PATTERN, stackNameFor, type Template } from './template.js';

export interface RuntimeInput {
  name: string;
  logicalId: string;
  build: string;
  codeLocation: string;
}

export interface CredentialInput {
  name: string;
  values: CredentialValues;
}

export interface PlanInput {
  project: string;
  target: string;
  root: string;
  /** The synthesized template, credential provider ARNs still parameters. */
  template: Template;
  names: TemplateNames;
  runtimes: readonly RuntimeInput[];
  credentials: readonly CredentialInput[];
  /** Runtime name → container image URI, for Container runtimes. */
  imageUris?: Readonly<Record<string, string>>;
  /** Key the credential fingerprints are derived from (the user's secrets key). */
  fingerprintKey: Uint8Array;
}

export interface DeployPlan {
  stackName: string;
  template: Template;
  templateBody: string;
  templateHash: string;
  assets: CodeAsset[];
  credentials: CredentialPlan[];
  /** Parameters known before AWS is asked (image URIs). */
  fixedParameters: Record<string, string>;
  snapshot: AuthSnapshot;
  /** Logical ID → hash of its resource, to tell later what changed locally since this deploy. */
  resourceHashes: Record<string, string>;
}

export function resourceHashes(template: Template): Record<string, string> {
  return Object.fromEntries(
    Object.entries(template.Resources).map(([id, r]) => [id, sha256Hex(canonicalJson(r)).slice(0, 16)]),
  );
}

export function providerNameFor(project: string, credential: string): string {
  return `${project}-${credential}`.slice(0, 128);
}

export function credentialValueList(v: CredentialValues): string[] {
  return v.kind === 'api-key' ? [v.apiKey] : [v.clientId, v.clientSecret, v.discoveryUrl, v.vendor];
}

export function buildPlan(input: PlanInput): DeployPlan {
  const stackName = stackNameFor(input.project, input.target);
  if (!STACK_NAME_PATTERN.test(stackName))
    throw createDeployError('ERR_DEPLOY_STACK_NAME_INVALID', 'StackName', { name: stackName }, { stackName });
  const { template } = extendTemplate(input.template);
  const fixedParameters: Record<string, string> = {};
  const assets: CodeAsset[] = [];
  for (const r of input.runtimes) {
    if (r.build === 'Container') {
      const uri = input.imageUris?.[r.name];
      if (!uri)
        throw createDeployError('ERR_DEPLOY_IMAGE_REQUIRED', 'ImageRequired', { runtime: r.name }, { runtime: r.name });
      fixedParameters[`${r.logicalId}ImageUri`] = uri;
    } else assets.push(packageRuntime(input.root, input.project, r.name, r.codeLocation));
  }
  for (const [id, res] of Object.entries(template.Resources)) {
    const policy = res.Properties.PolicyEngineConfiguration as { Arn?: unknown } | undefined;
    if (policy && parameterRef(template, policy.Arn))
      throw createDeployError('ERR_DEPLOY_UNSUPPORTED', 'PolicyEngine', { id }, { logicalId: id });
  }
  const fingerprint = input.credentials.length ? fingerprinter(input.fingerprintKey, input.project) : () => '';
  const credentials: CredentialPlan[] = input.credentials.map((c) => ({
    name: c.name,
    providerName: providerNameFor(input.project, c.name),
    values: c.values,
    fingerprint: fingerprint(credentialValueList(c.values)),
  }));
  const snapshots: Record<string, CredentialSnapshot> = Object.fromEntries(
    credentials.map((c) => [c.name, { kind: c.values.kind, fingerprint: c.fingerprint }]),
  );
  const templateBody = JSON.stringify(template);
  return {
    stackName,
    template,
    templateBody,
    templateHash: sha256Hex(canonicalJson(template)),
    assets,
    credentials,
    fixedParameters,
    snapshot: authSnapshot(template, input.names, snapshots),
    resourceHashes: resourceHashes(template),
  };
}
