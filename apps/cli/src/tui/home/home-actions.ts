/** The home screen's actions: each opens a command, which asks for what it needs (its wizard). */
export const HOME_ACTIONS = [
  { id: 'add:agent', label: 'home.add-agent' },
  { id: 'add:gateway', label: 'home.add-gateway' },
  { id: 'add:gateway-target', label: 'home.add-gateway-target' },
  { id: 'add:credential', label: 'home.add-credential' },
  { id: 'invoke', label: 'home.invoke' },
  { id: 'fetch:access', label: 'home.fetch-access' },
] as const;

export type HomeActionId = (typeof HOME_ACTIONS)[number]['id'];
export type HomeOutcome = { status: 'open'; command: HomeActionId } | { status: 'cancelled' };
