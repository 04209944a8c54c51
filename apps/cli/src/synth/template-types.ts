/** The CloudFormation template shape `agentcore synth` emits, and the inputs the pure mappers take. */
import type { StrategyRegistry } from '@agentcore/auth';

/** `{Ref: X}` or `{'Fn::GetAtt': [...]}`: anything CloudFormation resolves at deploy time. */
export type Intrinsic = { Ref: string } | { 'Fn::GetAtt': [string, string] };

export interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
}

export interface CfnParameter {
  Type: 'String';
  Description: string;
}

export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09';
  Description: string;
  Parameters?: Record<string, CfnParameter>;
  Resources: Record<string, CfnResource>;
  Outputs?: Record<string, { Description: string; Value: unknown }>;
}

export interface SynthOptions {
  registry: StrategyRegistry;
  /** Credential name → provider ARN, from deployed state; unknown names become template parameters. */
  credentialArns?: Readonly<Record<string, string>>;
  /** Local file path → contents, for inline schemas (read by the caller; the mappers do no I/O). */
  files?: Readonly<Record<string, string>>;
}

/** Collects template parameters as the mappers ask for them. */
export class ParameterSet {
  readonly #params = new Map<string, CfnParameter>();

  ref(name: string, description: string): Intrinsic {
    if (!this.#params.has(name)) this.#params.set(name, { Type: 'String', Description: description });
    return { Ref: name };
  }

  toObject(): Record<string, CfnParameter> {
    return Object.fromEntries([...this.#params.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
