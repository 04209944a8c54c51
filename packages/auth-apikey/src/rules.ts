/** Project rule: every API_KEY target names an existing ApiKeyCredentialProvider (the flag path checks the same). */
import type { ProjectRule } from '@agentcore/schema';
import { messages } from './messages.js';

export const apiKeyCredentialRule: ProjectRule = (config, report) => {
  config.agentCoreGateways.forEach((gateway, gi) =>
    gateway.targets.forEach((target, ti) => {
      const auth = target.outboundAuth;
      if (auth?.type !== 'API_KEY' || typeof auth.credentialName !== 'string') return;
      const name = auth.credentialName;
      const path = `agentCoreGateways.${gi}.targets.${ti}.outboundAuth.credentialName`;
      const credential = config.credentials.find((c) => c.name === name);
      const action = messages.get('rule.credential.action', { name });
      if (!credential) report({ path, message: messages.get('rule.credentialMissing', { name }), action });
      else if (credential.authorizerType !== 'ApiKeyCredentialProvider') {
        report({
          path,
          message: messages.get('rule.credentialWrongKind', { name, kind: credential.authorizerType }),
          action,
        });
      }
    }),
  );
};
