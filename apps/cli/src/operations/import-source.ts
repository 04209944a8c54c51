/** Where `agentcore import` reads from: a recorded responses file, or AWS (SDK loaded lazily by @agentcore/import). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  awsSource,
  fileSource,
  ImportError,
  parseAgentcoreArn,
  parseRecordedResponses,
  type ControlPlaneSource,
} from '@agentcore/import';
import { readDeployedState, type ProjectStore } from '@agentcore/schema';
import { CliError } from '../shared/errors.js';
import { loadMessages } from '../shared/messages.js';

const messages = loadMessages('import');

export interface SourceInput {
  kind: 'gateway' | 'runtime';
  arn?: string;
  id?: string;
  region?: string;
  fromFile?: string;
}

export interface ResolvedSource {
  source: ControlPlaneSource;
  /** Identifier to ask for ('' = whatever the file holds). */
  identifier: string;
  origin: 'file' | 'aws';
}

export async function resolveSource(input: SourceInput, cwd: string): Promise<ResolvedSource> {
  if (input.arn !== undefined && input.id !== undefined) {
    throw new CliError('ERR_INVALID_INPUT', messages.get('error.ArnAndId'), {
      actions: messages.list('error.ArnAndId.actions', { kind: input.kind }),
    });
  }
  const parsed = input.arn !== undefined ? parseAgentcoreArn(input.arn, input.kind) : undefined;
  const identifier = parsed?.id ?? input.id ?? '';
  if (input.fromFile !== undefined) {
    const file = resolve(cwd, input.fromFile);
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new ImportError(
        'ERR_IMPORT_RESPONSES_FILE',
        messages.get('error.ResponsesFile', { file, reason: (err as Error).message }),
        {
          actions: messages.list('error.ResponsesFile.actions'),
          details: { file },
        },
      );
    }
    return { source: fileSource(parseRecordedResponses(raw, file)), identifier, origin: 'file' };
  }
  if (!identifier) {
    throw new CliError('ERR_MISSING_FLAGS', messages.get('error.NothingToImport', { kind: input.kind }), {
      actions: messages.list('error.NothingToImport.actions', { kind: input.kind }),
    });
  }
  return { source: awsSource({ region: input.region ?? parsed?.region }), identifier, origin: 'aws' };
}

/** Provider ARN → credential name across every deploy target in deployed state (or only `target`). */
export async function credentialLookup(
  store: ProjectStore,
  target?: string,
): Promise<(arn: string) => string | undefined> {
  const state = await readDeployedState(store.paths.deployedStateFile);
  const byArn = new Map<string, string>();
  for (const [name, t] of Object.entries(state?.targets ?? {})) {
    if (target !== undefined && name !== target) continue;
    for (const [cred, c] of Object.entries(t.resources.credentials ?? {})) byArn.set(c.credentialProviderArn, cred);
  }
  return (arn) => byArn.get(arn);
}
