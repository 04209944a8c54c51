/**
 * What the CloudFormation resource specification says about each resource type, read from
 * `@aws-cdk/aws-service-spec` (`db.json.gz`, the database the CDK generates its L1 classes from): which properties
 * cause replacement when they change (`causesReplacement`: yes / maybe) and which attributes `Fn::GetAtt` may read.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface TypeSpec {
  replacement: Map<string, 'Always' | 'Conditionally' | 'Never'>;
  attributes: Set<string>;
  primaryIdentifier: string[];
}

interface RawResource {
  cloudFormationType: string;
  primaryIdentifier?: string[];
  properties: Record<string, { causesReplacement?: 'yes' | 'maybe' | 'no' }>;
  attributes: Record<string, unknown>;
}

let cached: Map<string, TypeSpec> | undefined;

/** Load the database once per process (about half a second). */
export function resourceSpec(): Map<string, TypeSpec> {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve('@aws-cdk/aws-service-spec/package.json'));
  const raw = JSON.parse(gunzipSync(readFileSync(join(dir, 'db.json.gz'))).toString('utf8')) as {
    schema: { resource: { entities: RawResource[] } };
  };
  cached = new Map(
    raw.schema.resource.entities.map((r) => [
      r.cloudFormationType,
      {
        replacement: new Map(
          Object.entries(r.properties).map(([name, p]) => [
            name,
            p.causesReplacement === 'yes' ? 'Always' : p.causesReplacement === 'maybe' ? 'Conditionally' : 'Never',
          ]),
        ),
        attributes: new Set(Object.keys(r.attributes)),
        primaryIdentifier: r.primaryIdentifier ?? [],
      },
    ]),
  );
  return cached;
}
