// Usage: node examples/plan.mjs — what `agentcore dev` would run for a project (pure planning, nothing started).
import { StrategyRegistry } from '@agentcore/auth';
import { planDev } from '@agentcore/dev';

const config = {
  name: 'Demo',
  version: 1,
  credentials: [],
  runtimes: [
    {
      name: 'Echo',
      build: 'CodeZip',
      entrypoint: 'main.js',
      codeLocation: 'app/Echo',
      runtimeVersion: 'NODE_22',
      protocol: 'HTTP',
    },
  ],
  agentCoreGateways: [
    { name: 'tools', targets: [{ name: 'search', targetType: 'mcpServer', endpoint: 'http://127.0.0.1:9/mcp' }] },
  ],
};
const plan = planDev(config, new StrategyRegistry());
console.log(
  plan.runtimes.map((r) => r.name),
  plan.gateways.map((g) => g.targets.map((t) => t.name)),
);
