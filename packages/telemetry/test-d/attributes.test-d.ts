/**
 * Compile-time half of the attribute schema: this file must type-check (`tsc -p test-d`, run by
 * src/attributes.types.test.ts). Each `@ts-expect-error` marks an attribute the types must refuse; if the types
 * stopped refusing it, the directive itself becomes an error.
 */
import { safeAttributes } from '../src/attributes.js';

declare const someString: string;
declare const location: 'header' | 'query_parameter' | 'none';

// Allowed: booleans, counts, literal enum members, unions of them.
safeAttributes({ api_key_placement_customized: true, api_key_location: 'header' });
safeAttributes({ api_key_location: location, jwt_custom_claims_count: 2, outbound_auth: 'gateway_iam_role' });

// @ts-expect-error a value typed `string` could be anything (a name, a token): not an enum member
safeAttributes({ target_name: someString });
// @ts-expect-error a URL literal is not an enum member
safeAttributes({ endpoint: 'https://api.example.com/mcp' });
// @ts-expect-error an ARN literal is not an enum member
safeAttributes({ lambda: 'arn:aws:lambda:us-east-1:123456789012:function:f' });
// @ts-expect-error a secret-looking literal (upper case, dashes) is not an enum member
safeAttributes({ api_key: 'sk-LIVE-abc' });
// @ts-expect-error a path is not an enum member
safeAttributes({ code_location: '/home/me/agent' });
// @ts-expect-error free text (spaces) is not an enum member
safeAttributes({ description: 'my secret project' });
// @ts-expect-error keys are snake_case: no dots
safeAttributes({ 'user.name': true });
// @ts-expect-error keys are lower case
safeAttributes({ ApiKey: true });
// @ts-expect-error objects and arrays are not attribute values
safeAttributes({ nested: { a: 1 } });
