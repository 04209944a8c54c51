/** Built-in starter agents (dependency-free echo agents that speak the AgentCore container contract). */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export interface AgentTemplate {
  id: 'node' | 'python';
  dir: string;
  entrypoint: string;
  runtimeVersion: 'NODE_22' | 'PYTHON_3_12';
}

export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));

export const AGENT_TEMPLATES: Readonly<Record<AgentTemplate['id'], AgentTemplate>> = {
  node: { id: 'node', dir: 'node-echo', entrypoint: 'main.js', runtimeVersion: 'NODE_22' },
  python: { id: 'python', dir: 'python-echo', entrypoint: 'main.py', runtimeVersion: 'PYTHON_3_12' },
};

export function findTemplate(id: string): AgentTemplate | undefined {
  return (AGENT_TEMPLATES as Record<string, AgentTemplate>)[id.toLowerCase()];
}

/** The folder holding a template's files. */
export function templateDir(template: AgentTemplate): string {
  return join(TEMPLATES_DIR, template.dir);
}
