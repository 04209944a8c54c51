/**
 * Pure: a wizard for the arguments of an MCP tool, built from its JSON Schema `inputSchema` — one question per
 * property (text for strings, a checked number for numbers, yes/no for booleans, a pick for string enums, JSON for
 * anything else); required properties must be answered. `argsFromAnswers` turns the answers into the arguments.
 */
import type { Answers, WizardSpec, WizardStep } from './wizard/types.js';

export interface ToolLike {
  name: string;
  description?: string;
  inputSchema?: unknown;
}

interface PropertySchema {
  type?: unknown;
  description?: unknown;
  enum?: unknown;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ToolProperty {
  name: string;
  type: string;
  required: boolean;
  description?: string;
  choices?: string[];
}

/** The tool's top-level properties, in schema order. */
export function toolProperties(tool: ToolLike): ToolProperty[] {
  const schema = isObject(tool.inputSchema) ? tool.inputSchema : {};
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : []);
  return Object.entries(properties).map(([name, raw]) => {
    const p: PropertySchema = isObject(raw) ? raw : {};
    const type = typeof p.type === 'string' ? p.type : 'json';
    const choices =
      Array.isArray(p.enum) && p.enum.every((e) => typeof e === 'string') ? (p.enum as string[]) : undefined;
    return {
      name,
      type,
      required: required.has(name),
      ...(typeof p.description === 'string' ? { description: p.description } : {}),
      ...(choices ? { choices } : {}),
    };
  });
}

const flagOf = (name: string) => `arg:${name}`;

function stepFor(p: ToolProperty, texts: ToolFormTexts): WizardStep {
  const base = {
    key: flagOf(p.name),
    flag: flagOf(p.name),
    message: p.name,
    ...(p.description ? { hint: p.description } : {}),
    optional: !p.required,
  };
  if (p.choices && p.required)
    return { ...base, kind: 'select', options: p.choices.map((c) => ({ value: c, label: c })) };
  if (p.type === 'boolean') return { ...base, kind: 'confirm', optional: false };
  if (p.type === 'number' || p.type === 'integer') {
    return {
      ...base,
      kind: 'text',
      validate: (v) =>
        v.trim() === '' || (Number.isFinite(Number(v)) && (p.type === 'number' || Number.isInteger(Number(v))))
          ? undefined
          : texts.notNumber,
    };
  }
  if (p.type === 'string') return { ...base, kind: 'text' };
  return {
    ...base,
    kind: 'json',
    validate: (v) => {
      try {
        JSON.parse(v);
        return undefined;
      } catch {
        return texts.notJson;
      }
    },
  };
}

export interface ToolFormTexts {
  title: string;
  notNumber: string;
  notJson: string;
}

export function toolArgsSpec(tool: ToolLike, texts: ToolFormTexts): WizardSpec {
  const steps = toolProperties(tool).map((p) => stepFor(p, texts));
  return { id: `tool:${tool.name}`, title: texts.title, plan: () => steps };
}

/** The answers as the tool's arguments; unanswered optional properties are left out. */
export function argsFromAnswers(tool: ToolLike, answers: Answers): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const p of toolProperties(tool)) {
    const answer = answers[flagOf(p.name)];
    if (answer === undefined || answer === '') continue;
    if (typeof answer === 'boolean') args[p.name] = answer;
    else if (typeof answer !== 'string') args[p.name] = [...answer];
    else if (p.type === 'number' || p.type === 'integer') args[p.name] = Number(answer);
    else if (p.type === 'string') args[p.name] = answer;
    else args[p.name] = JSON.parse(answer) as unknown;
  }
  return args;
}
