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

/** The starter agents of the MCP and A2A protocols (dependency-free Node and standard-library Python servers). */
export const PROTOCOL_TEMPLATES: Readonly<Record<string, Partial<Record<AgentTemplate['id'], AgentTemplate>>>> = {
  MCP: {
    node: { id: 'node', dir: 'node-mcp', entrypoint: 'main.js', runtimeVersion: 'NODE_22' },
    python: { id: 'python', dir: 'python-mcp', entrypoint: 'main.py', runtimeVersion: 'PYTHON_3_12' },
  },
  A2A: {
    node: { id: 'node', dir: 'node-a2a', entrypoint: 'main.js', runtimeVersion: 'NODE_22' },
    python: { id: 'python', dir: 'python-a2a', entrypoint: 'main.py', runtimeVersion: 'PYTHON_3_12' },
  },
};

/** The template `id` for a runtime `protocol` (HTTP when absent); undefined when there is none. */
export function findTemplate(id: string, protocol?: string): AgentTemplate | undefined {
  const byProtocol = protocol ? PROTOCOL_TEMPLATES[protocol.toUpperCase()] : undefined;
  if (byProtocol) return (byProtocol as Record<string, AgentTemplate | undefined>)[id.toLowerCase()];
  return (AGENT_TEMPLATES as Record<string, AgentTemplate>)[id.toLowerCase()];
}

/** The folder holding a template's files. */
export function templateDir(template: AgentTemplate): string {
  return join(TEMPLATES_DIR, template.dir);
}
