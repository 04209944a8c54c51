/** The add wizards by command id. */
import type { WizardSpec } from '../wizard/types.js';
import { addAgentSpec, type AttachWizardDeps } from './add-agent.js';
import { addCredentialSpec } from './add-credential.js';
import { addGatewaySpec } from './add-gateway.js';
import { addGatewayTargetSpec } from './add-gateway-target.js';

export type AddCommand = 'add agent' | 'add gateway' | 'add gateway-target' | 'add credential';
export type { AttachWizardDeps };

export const ADD_WIZARDS: Readonly<Record<AddCommand, (deps: AttachWizardDeps) => WizardSpec>> = {
  'add agent': addAgentSpec,
  'add gateway': addGatewaySpec,
  'add gateway-target': addGatewayTargetSpec,
  'add credential': (deps) => addCredentialSpec(deps.registry),
};
