import { Flags } from '@oclif/core';
import { AgentcoreCommand } from '../command-support/base-command.js';
import { splitList } from '../command-support/flags.js';
import { loadMessages } from '../shared/messages.js';
import { startDevSession, type DevResult } from '../operations/dev.js';

const messages = loadMessages('dev');

/**
 * Long-running: with --json the success envelope is printed as one line as soon as everything is ready, and
 * `run()` resolves to undefined after Ctrl-C/SIGTERM so nothing else is printed on stdout.
 */
export type DevCommandResult = DevResult | undefined;

export default class Dev extends AgentcoreCommand<DevCommandResult> {
  static override summary = messages.get('summary');
  static override description = messages.get('description');
  static override examples = messages.list('examples');
  static override flags = {
    runtime: Flags.string({ multiple: true, summary: messages.get('flags.runtime.summary') }),
    port: Flags.integer({ min: 0, max: 65535, summary: messages.get('flags.port.summary') }),
    issuer: Flags.boolean({ summary: messages.get('flags.issuer.summary') }),
    watch: Flags.boolean({ summary: messages.get('flags.watch.summary') }),
    gateways: Flags.boolean({ allowNo: true, default: true, summary: messages.get('flags.gateways.summary') }),
    'start-timeout': Flags.integer({ min: 1, default: 20, summary: messages.get('flags.start-timeout.summary') }),
  };

  async run(): Promise<DevCommandResult> {
    const { flags } = await this.parse(Dev);
    const json = this.jsonEnabled();
    // Agent output: stdout for people, stderr when stdout carries the JSON line.
    const log = (line: string): void => void (json ? process.stderr : process.stdout).write(line + '\n');
    const stopped = new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    const { session, result, warnings } = await startDevSession(this.config, {
      runtimes: splitList(flags.runtime),
      port: flags.port,
      issuer: flags.issuer,
      watch: flags.watch,
      gateways: flags.gateways,
      startTimeoutMs: flags['start-timeout'] * 1000,
      log,
    });
    warnings.forEach((w) => this.addWarning(w));
    if (json) process.stdout.write(JSON.stringify(this.toSuccessJson(result)) + '\n');
    else this.printSummary(result);
    await stopped;
    this.info(messages.get('stopping'));
    await session.close();
    return undefined;
  }

  private printSummary(r: DevResult): void {
    this.log(messages.get('ready', { url: r.url }));
    for (const rt of r.runtimes)
      this.log(messages.get('runtime', { name: rt.name, authorizerType: rt.authorizerType, url: rt.url }));
    for (const g of r.gateways)
      this.log(
        messages.get('gateway', {
          name: g.name,
          authorizerType: g.authorizerType,
          url: g.url,
          targets: g.targets.join(', ') || messages.get('none'),
        }),
      );
    for (const s of r.notEmulated)
      this.log(
        messages.get('notEmulated', {
          name: s.name,
          where: s.gateway ? ` (gateway ${s.gateway})` : '',
          reason: s.reason,
        }),
      );
    if (r.issuerDiscoveryUrl)
      this.log(
        messages.get('issuer', {
          discoveryUrl: r.issuerDiscoveryUrl,
          clients: r.issuerClients?.join(', ') || messages.get('none'),
        }),
      );
    if (r.sessionFile) this.log(messages.get('sessionFile', { file: r.sessionFile }));
    this.log(messages.get('stop'));
  }
}
