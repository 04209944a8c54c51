/**
 * Files a gateway target names (an OpenAPI/Smithy schema, a Lambda tool schema) must exist when the target is
 * added, as the official CLI requires; S3 URIs are not checked here. Paths are relative to the project root, as
 * they are stored and as `synth` reads them.
 */
import { statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { GatewayTarget } from '@agentcore/schema';
import type { ProblemList } from './problems.js';
import { loadMessages } from '../shared/messages.js';

const messages = loadMessages('add.gateway-target');

function isFile(root: string, path: string): boolean {
  try {
    return statSync(isAbsolute(path) ? path : join(root, path)).isFile();
  } catch {
    return false;
  }
}

export function checkTargetFiles(root: string, fields: Partial<GatewayTarget>, p: ProblemList): void {
  const files: [string, string | undefined][] = [
    ['schema', fields.schemaSource && 'inline' in fields.schemaSource ? fields.schemaSource.inline.path : undefined],
    ['tool-schema-file', fields.lambdaFunctionArn?.toolSchemaFile],
  ];
  for (const [flag, path] of files) {
    if (!path || path.startsWith('s3://') || isFile(root, path)) continue;
    p.add({
      flag,
      message: messages.get('error.NoSuchFile', { flag, path, full: isAbsolute(path) ? path : join(root, path) }),
      action: messages.get('error.NoSuchFile.action', { path }),
    });
  }
}
