/** Message bundles (`messages/<bundle>.md`): the loader lives in `@agentcore/schema`, the lowest package. */
export { Messages, parseMessages } from '@agentcore/schema';
